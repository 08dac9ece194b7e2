// Migrations are applied on start with the Prisma CLI (offline WASM engine, see prisma.config.ts).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'
import type { Db, Provider } from './db'
import { repoRoot } from './config'

const prismaBin = path.join(repoRoot, 'node_modules', '.bin', 'prisma')
export const migrationsDir = (provider: Provider) => path.join(repoRoot, 'prisma', provider, 'migrations')

export function migrationNames (provider: Provider): string[] {
  const dir = migrationsDir(provider)
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort() : []
}

/**
 * Applies pending migrations. On PostgreSQL Prisma serialises concurrent runs with an advisory lock; on SQLite it
 * has none (a second process fails with SQLITE_BUSY while the first holds the write lock), so two instances starting
 * on one SQLite file take turns through a lock file beside the database.
 */
export async function migrateDeploy (url: string, provider: Provider): Promise<void> {
  if (provider !== 'sqlite') return runDeploy(url, provider)
  const file = sqliteFile(url)
  if (!file) return runDeploy(url, provider)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const release = await lockfile.lock(file, {
    realpath: false, lockfilePath: `${file}.migrate.lock`, stale: 30_000, update: 5_000,
    retries: { retries: 600, minTimeout: 100, maxTimeout: 500, factor: 1.2 },
  })
  try {
    await runDeploy(url, provider)
  } finally {
    await release()
  }
}

function sqliteFile (url: string): string | null {
  const f = url.replace(/^file:/, '').replace(/\?.*$/, '')
  if (!f || f === ':memory:') return null
  return path.isAbsolute(f) ? f : path.resolve(repoRoot, f)
}

async function runDeploy (url: string, provider: Provider): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(prismaBin, ['migrate', 'deploy'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, DB_PROVIDER: provider, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (b) => { out += b })
    child.stderr.on('data', (b) => { out += b })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`数据库迁移失败（prisma migrate deploy 退出码 ${code}）：\n${out}`))))
  })
}

/** Names of migrations on disk that the database has not finished applying. */
export async function pendingMigrations (db: Db, provider: Provider): Promise<string[]> {
  let applied: string[] = []
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
    applied = rows.map((r) => r.migration_name)
  } catch {
    applied = []
  }
  const done = new Set(applied)
  return migrationNames(provider).filter((m) => !done.has(m))
}
