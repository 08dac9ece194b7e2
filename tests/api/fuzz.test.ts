// Contract fuzzing: every endpoint of the contract (read at run time, so new ones are covered automatically) gets
// ≥ 200 invalid requests and some valid-looking ones from its zod schemas, sent as the right kind of caller.
// Never a 5xx; every error is the API.md envelope with a catalogued code and a Chinese message; no invalid
// request changes a row. FUZZ_SEED=<n> replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type RouteDef } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { castOf, type Cast } from '../support/actors'
import { snapshotter, type Snapshotter } from '../support/snapshot'
import { FUZZ_INVALID, fuzzRoute, fuzzSeed } from '../support/fuzz-run'
import { knownIds } from '../support/fixtures'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp
let cast: Cast
let snap: Snapshotter
let ids: string[]
const summary: Record<string, { invalid: number; valid: number; ms: number; statuses: string }> = {}

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  cast = await castOf(t, 'fuzz')
  ids = await knownIds(t)
  snap = await snapshotter(t.deps.config.databaseUrl)
  console.log(`fuzz seed ${fuzzSeed} (FUZZ_SEED=${fuzzSeed} replays it)`)
})
afterAll(async () => {
  console.table(summary)
  await snap?.close()
  await t?.close()
})

describe('contract fuzzing', () => {
  const routes = Object.entries(contract) as [string, RouteDef][]
  it.each(routes)('%s', async (name, route) => {
    const r = await fuzzRoute(t, cast, snap, route, ids, fuzzSeed)
    summary[name] = { invalid: r.invalid, valid: r.valid, ms: r.ms, statuses: Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ') }
    // Only a public route without inputs that reads its own credential (GET /metrics) has no invalid request at all.
    const inputless = !route.params && !route.query && !route.body && !route.consumes && route.access === 'public' && !!route.headers?.authorization
    expect(r.invalid).toBeGreaterThanOrEqual(inputless ? 0 : FUZZ_INVALID)
    expect(r.invalid + r.valid).toBeGreaterThan(0)
    expect(r.failures.slice(0, 15)).toEqual([])
  })
})
