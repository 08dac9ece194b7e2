// Migrations apply with the real CLI (global setup), nothing is pending, and the migrations match the models.
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { pendingMigrations, migrationNames } from '../../server/src/platform/migrate'
import { testProvider } from '../support/db'

let t: TestApp
beforeAll(async () => { t = await startTestApp() })
afterAll(async () => { await t.close() })

it('applies every migration of the provider', async () => {
  expect(migrationNames(testProvider).length).toBeGreaterThan(0)
  expect(await pendingMigrations(t.deps.db, testProvider)).toEqual([])
})

it('keeps the migrations in step with the models (drift check)', () => {
  const r = spawnSync('node', ['scripts/prisma.mjs', 'drift', testProvider], { encoding: 'utf8', env: { ...process.env, DATABASE_URL_PG: process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' } })
  expect(r.stderr + r.stdout).toMatch(/in step with the models/)
  expect(r.status).toBe(0)
}, 60_000)
