// Migrates one template database per run with the real Prisma CLI (the same path as production start-up).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import type { TestProject } from 'vitest/node'
import { migrateDeploy } from '../../server/src/platform/migrate'
import { adminPgUrl, pgAdmin, pgUrlFor, testProvider } from './db'

declare module 'vitest' {
  export interface ProvidedContext { templateDb: string }
}

export default async function setup (project: TestProject) {
  if (testProvider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-tpl-'))
    const file = path.join(dir, 'template.db')
    await migrateDeploy(`file:${file}`, 'sqlite')
    project.provide('templateDb', file)
    return () => fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    await pgAdmin((c) => c.query('SELECT 1'))
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${adminPgUrl}: ${(err as Error).message}`)
  }
  const name = `bm_tpl_${crypto.randomBytes(6).toString('hex')}`
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}"`))
  await migrateDeploy(pgUrlFor(name), 'postgresql')
  project.provide('templateDb', name)
  return async () => {
    await pgAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      // Databases of this run's test files that crashed before dropping their own.
      const left = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${name.replace(/^bm_tpl_/, 'bm_t_')}_`])
      for (const r of left.rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
    })
  }
}
