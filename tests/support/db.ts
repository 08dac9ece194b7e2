// Throwaway databases for tests: a migrated template per run (SQLite file or PostgreSQL database), copied per test
// file. TEST_DB=postgresql selects PostgreSQL (TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/test).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import pg from 'pg'

export const testProvider = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite'
export const adminPgUrl = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'

export function pgUrlFor (database: string): string {
  const u = new URL(adminPgUrl)
  u.pathname = `/${database}`
  return u.toString()
}

export async function pgAdmin<T> (fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminPgUrl })
  await c.connect()
  try { return await fn(c) } finally { await c.end() }
}

/** A fresh database copied from the run's migrated template; returns its URL and a dropper. */
export async function cloneTemplate (template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testProvider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-test-'))
    const file = path.join(dir, 'test.db')
    fs.copyFileSync(template, file)
    return { url: `file:${file}`, drop: async () => { fs.rmSync(dir, { recursive: true, force: true }) } }
  }
  // Named after the run's template, so a run's teardown drops only its own databases.
  const name = `${template.replace(/^bm_tpl_/, 'bm_t_')}_${crypto.randomBytes(4).toString('hex')}`
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
  return {
    url: pgUrlFor(name),
    drop: async () => { await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) },
  }
}
