// Backup and restore. SQLite: the driver's online backup API (consistent while the server keeps writing), never a file
// copy of a live database. PostgreSQL: pg_dump in its custom format, restored with pg_restore (or psql for a plain .sql
// dump) into a fresh database. PG_BIN_DIR points at the client tools when they are not on PATH.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import type { Config } from '../../platform/config'
import { OpsError } from './first-admin'

export interface BackupResult { file: string; bytes: number; provider: Config['provider']; ms: number }

const stamp = (d = new Date()) => d.toISOString().replace(/\D/g, '').slice(0, 14)
export const sqliteFile = (url: string) => url.replace(/^file:/, '')

export async function backupDatabase (config: Config, out?: string): Promise<BackupResult> {
  const started = Date.now()
  const file = path.resolve(out ?? path.join(config.backupDir, `bianmin-${stamp()}.${config.provider === 'sqlite' ? 'sqlite' : 'pgdump'}`))
  if (fs.existsSync(file)) throw new OpsError(`备份文件已存在：${file}`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.partial`
  fs.rmSync(tmp, { force: true })
  try {
    if (config.provider === 'sqlite') await backupSqlite(sqliteFile(config.databaseUrl), tmp)
    else await pgTool(config, 'pg_dump', ['--format=custom', '--no-owner', '--no-acl', `--file=${tmp}`])
    fs.renameSync(tmp, file)
  } finally {
    fs.rmSync(tmp, { force: true })
  }
  return { file, bytes: fs.statSync(file).size, provider: config.provider, ms: Date.now() - started }
}

async function backupSqlite (source: string, dest: string): Promise<void> {
  if (!fs.existsSync(source)) throw new OpsError(`数据库文件不存在：${source}`)
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 })
  try {
    // All pages in one step (one read transaction): with the default 100-page steps, every write by the running
    // server restarts the backup, and a busy server could keep it from ever finishing.
    await db.backup(dest, { progress: () => 0x7fffffff })
  } finally {
    db.close()
  }
  // A self-contained file: no -wal/-shm companions needed to read it.
  const copy = new Database(dest)
  try {
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new OpsError(`备份文件校验失败：${String(check)}`)
  } finally {
    copy.close()
  }
}

export interface RestoreResult { provider: Config['provider']; ms: number; previous?: string }

export async function restoreDatabase (config: Config, file: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  const started = Date.now()
  const source = path.resolve(file)
  if (!fs.existsSync(source)) throw new OpsError(`备份文件不存在：${source}`)
  if (fs.statSync(source).size === 0) throw new OpsError(`备份文件是空的：${source}`)
  const head = Buffer.alloc(16)
  const fd = fs.openSync(source, 'r')
  fs.readSync(fd, head, 0, 16, 0)
  fs.closeSync(fd)
  const kind = head.toString('latin1').startsWith('SQLite format 3') ? 'sqlite' : head.toString('latin1').startsWith('PGDMP') ? 'pgdump' : 'sql'
  if (config.provider === 'sqlite') {
    if (kind !== 'sqlite') throw new OpsError('这不是 SQLite 备份文件（当前 DATABASE_URL 是 SQLite）')
    const previous = await restoreSqlite(source, sqliteFile(config.databaseUrl), !!opts.force)
    return { provider: 'sqlite', ms: Date.now() - started, previous }
  }
  if (kind === 'sqlite') throw new OpsError('这是 SQLite 备份文件，不能恢复到 PostgreSQL')
  const tables = await pgTableCount(config.databaseUrl)
  if (tables > 0 && !opts.force) throw new OpsError(`目标数据库不是空库（已有 ${tables} 张表）：请恢复到新建的空数据库，或加 --force 覆盖`)
  if (kind === 'pgdump') {
    await pgTool(config, 'pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', ...(tables > 0 ? ['--clean', '--if-exists'] : []), source])
  } else {
    await pgTool(config, 'psql', ['--no-psqlrc', '--quiet', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--file=${source}`])
  }
  return { provider: 'postgresql', ms: Date.now() - started }
}

async function restoreSqlite (source: string, target: string, force: boolean): Promise<string | undefined> {
  const src = new Database(source, { readonly: true, fileMustExist: true })
  try {
    if (src.pragma('integrity_check', { simple: true }) !== 'ok') throw new OpsError('备份文件已损坏（integrity_check 未通过）')
    if (!src.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()) throw new OpsError('备份文件中没有便民数据库（缺少 _prisma_migrations 表）')
    let previous: string | undefined
    if (fs.existsSync(target) && fs.statSync(target).size > 0) {
      if (!force) throw new OpsError(`目标数据库已存在：${target}。请先停止服务；确认覆盖请加 --force（原文件会改名保留）`)
      previous = `${target}.before-restore-${stamp()}`
      // Fold the WAL into the main file, then keep the old database aside.
      const old = new Database(target)
      old.pragma('wal_checkpoint(TRUNCATE)')
      old.close()
      fs.renameSync(target, previous)
    }
    for (const ext of ['-wal', '-shm', '-journal']) fs.rmSync(target + ext, { force: true })
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const tmp = `${target}.restoring`
    fs.rmSync(tmp, { force: true })
    await src.backup(tmp)
    fs.renameSync(tmp, target)
    return previous
  } finally {
    src.close()
  }
}

async function pgTableCount (url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url })
  try {
    await c.connect()
  } catch (err) {
    throw new OpsError(`无法连接目标数据库：${(err as Error).message}（请先创建空数据库，如 createdb bianmin）`)
  }
  try {
    const r = await c.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")
    return Number(r.rows[0]?.n ?? 0)
  } finally {
    await c.end()
  }
}

/** The URL's libpq parts; the password goes through PGPASSWORD, not the command line (visible in `ps`). */
function libpq (url: string): { uri: string; password?: string } {
  const u = new URL(url)
  const password = u.password ? decodeURIComponent(u.password) : undefined
  u.password = ''
  const keep = new Set(['host', 'port', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'connect_timeout', 'application_name', 'target_session_attrs'])
  for (const k of [...u.searchParams.keys()]) if (!keep.has(k)) u.searchParams.delete(k)
  return { uri: u.toString(), password }
}

function pgTool (config: Config, tool: 'pg_dump' | 'pg_restore' | 'psql', args: string[]): Promise<void> {
  const { uri, password } = libpq(config.databaseUrl)
  const bin = config.pgBinDir ? path.join(config.pgBinDir, tool) : tool
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, `--dbname=${uri}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (b) => { err += b })
    child.stdout.resume()
    child.on('error', (e) => reject((e as NodeJS.ErrnoException).code === 'ENOENT'
      ? new OpsError(`未找到 ${tool}：请安装与服务器同版本或更新的 PostgreSQL 客户端（apt-get install postgresql-client），或用 PG_BIN_DIR 指定其目录`)
      : e))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new OpsError(`${tool} 失败（退出码 ${code}）：${err.trim().slice(0, 2000)}`))))
  })
}
