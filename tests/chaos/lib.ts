// Shared by the chaos scripts: real server processes (server/src/main.ts via tsx) on a throwaway database, loopback
// only, with bounded waits; direct database reads for the invariants.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import pg from 'pg'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const adminPgUrl = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'
export const DEMO_PASSWORD = 'Chaos-Pass-2026!'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as net.AddressInfo; s.close(() => resolve(port)) })
  })
}

export interface ThrowawayDb { url: string; provider: 'sqlite' | 'postgresql'; dir: string; drop: () => Promise<void> }

/** A fresh empty database (the server migrates and seeds it on first start). */
export async function throwawayDb (provider: 'sqlite' | 'postgresql'): Promise<ThrowawayDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-chaos-'))
  if (provider === 'sqlite') {
    return { url: `file:${path.join(dir, 'chaos.db')}`, provider, dir, drop: async () => { fs.rmSync(dir, { recursive: true, force: true }) } }
  }
  const name = `bm_chaos_${crypto.randomBytes(5).toString('hex')}`
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}"`))
  const u = new URL(adminPgUrl); u.pathname = `/${name}`
  return {
    url: u.toString(), provider, dir,
    drop: async () => { await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)); fs.rmSync(dir, { recursive: true, force: true }) },
  }
}

export async function pgAdmin<T> (fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminPgUrl })
  await c.connect()
  try { return await fn(c) } finally { await c.end() }
}

/** Read-only SQL on the throwaway database (the same query text works on both: quoted identifiers, no parameters). */
export async function query<T> (db: ThrowawayDb, sql: string): Promise<T[]> {
  if (db.provider === 'sqlite') {
    const c = new Database(db.url.replace(/^file:/, ''), { readonly: true })
    try { return c.prepare(sql).all() as T[] } finally { c.close() }
  }
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  try { return (await c.query(sql)).rows as T[] } finally { await c.end() }
}

/** One write (test set-up only, e.g. a slot's capacity). */
export async function exec (db: ThrowawayDb, sql: string): Promise<void> {
  if (db.provider === 'sqlite') {
    const c = new Database(db.url.replace(/^file:/, ''))
    try { c.pragma('busy_timeout = 10000'); c.exec(sql) } finally { c.close() }
    return
  }
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  try { await c.query(sql) } finally { await c.end() }
}

export interface ServerProc { url: string; proc: ChildProcess; output: string[]; exited: Promise<number | null>; kill9: () => Promise<void>; stop: () => Promise<void> }

/** Starts server/src/main.ts in its own process and waits (bounded) until /readyz answers. */
export async function startServer (env: Record<string, string>, label: string, timeoutMs = 120_000): Promise<ServerProc> {
  const port = await freePort()
  // node itself with tsx's loader (not the tsx CLI, which runs the server in a grandchild that kill -9 would miss).
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMITS: 'off', DEMO_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const keep = (b: Buffer) => { output.push(String(b)); if (output.length > 400) output.splice(0, 100) }
  proc.stdout!.on('data', keep)
  proc.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  let ready = false
  while (!ready && Date.now() < deadline && proc.exitCode === null) {
    try { ready = (await fetch(`${url}/readyz`)).ok } catch { await sleep(200) }
  }
  if (!ready) {
    proc.kill('SIGKILL')
    throw new Error(`${label}: server did not become ready:\n${output.join('').slice(-3000)}`)
  }
  return {
    url, proc, output, exited,
    kill9: async () => { proc.kill('SIGKILL'); await exited },
    stop: async () => {
      if (proc.exitCode !== null) return
      proc.kill('SIGTERM')
      const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)])
      if (code === 'timeout') { proc.kill('SIGKILL'); await exited; throw new Error(`${label}: no graceful stop within 15 s`) }
    },
  }
}

export interface Answer { status: number; body: Record<string, unknown> }
export async function call (url: string, method: string, p: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const r = await fetch(url + p, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const text = await r.text()
  return { status: r.status, body: text ? JSON.parse(text) as Record<string, unknown> : {} }
}

/** Logs residents in (mock or fake WeChat), accepts the current privacy notice, and returns their tokens. */
export async function residents (url: string, prefix: string, n: number): Promise<string[]> {
  const out: string[] = []
  const notice = await call(url, 'GET', '/api/v1/privacy')
  const version = notice.status === 200 ? notice.body.version as string : null
  for (let i = 0; i < n; i++) {
    const r = await call(url, 'POST', '/api/v1/auth/wechat', { body: { code: `${prefix}-${i}` } })
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`)
    const token = r.body.token as string
    if (version) {
      const c = await call(url, 'POST', '/api/v1/me/consent', { token, body: { version } })
      if (c.status !== 200) throw new Error(`consent failed: ${c.status} ${JSON.stringify(c.body)}`)
    }
    out.push(token)
  }
  return out
}

export const check = (failures: string[], ok: boolean, message: string) => { if (!ok) failures.push(message) }

/** ISO instant + ms, keeping the +08:00 offset the server expects for CLOCK. */
export const plusMs = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms + 8 * 3600_000).toISOString().replace('Z', '+08:00')

export const env32 = { TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex') }
