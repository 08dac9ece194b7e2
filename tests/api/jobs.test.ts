// Keyed jobs run once per period, even when two instances tick at the same moment, and retry after a failure.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { createDb } from '../../server/src/platform/db'
import { runJob, type JobDef } from '../../server/src/platform/jobs'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' }) })
afterAll(async () => { await t.close() })

it('runs a daily job once when two instances claim it together', async () => {
  const other = await createDb(t.deps.config.databaseUrl)
  try {
    let runs = 0
    const job: JobDef = { name: 'test.daily', everyMs: 1000, key: (d) => d.clock.today(), run: async () => { runs++ } }
    const results = await Promise.all([runJob(t.deps, job), runJob({ ...t.deps, db: other }, job), runJob(t.deps, job)])
    expect(runs).toBe(1)
    expect(results.filter(Boolean)).toHaveLength(1)
    t.deps.clock.advance(86_400_000)
    expect(await runJob(t.deps, job)).toBe(true)
    expect(runs).toBe(2)
  } finally {
    await other.$disconnect()
  }
})

it('gives the period back when the job fails, so the next tick retries it', async () => {
  let attempts = 0
  const job: JobDef = { name: 'test.flaky', everyMs: 1000, key: (d) => d.clock.today(), run: async () => { if (++attempts === 1) throw new Error('boom') } }
  await expect(runJob(t.deps, job)).rejects.toThrow('boom')
  expect(await runJob(t.deps, job)).toBe(true)
  expect(await runJob(t.deps, job)).toBe(false)
  expect(attempts).toBe(2)
})
