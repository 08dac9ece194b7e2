// Contract fuzzing: every endpoint of the contract (read at run time, so new ones are covered automatically) gets
// ≥ 200 invalid requests and some valid-looking ones from its zod schemas, sent as the right kind of caller.
// Never a 5xx; every error is the API.md envelope with a catalogued code and a Chinese message; no invalid
// request changes a row. FUZZ_SEED=<n> replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { contract, type RouteDef } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { callerFor, castOf, type Cast } from '../support/actors'
import { snapshotter, type Snapshotter } from '../support/snapshot'
import { validArb } from '../support/fuzz'
import { FUZZ_INVALID, fuzzRoute, fuzzSeed, send } from '../support/fuzz-run'
import { diffSnapshots } from '../support/snapshot'
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

describe('text no column can store', () => {
  // A NUL (PostgreSQL text refuses it) or an unpaired surrogate (Prisma's engine refuses it) anywhere in a JSON body
  // or query is a 400 at the contract layer, before any handler: deterministic cover for what the fuzzer hits at random.
  it('refuses NUL and unpaired surrogates in every JSON body and query with 400, changing nothing', async () => {
    const before = await snap.take()
    const failures: string[] = []
    let checked = 0
    for (const [name, route] of Object.entries(contract) as [string, RouteDef][]) {
      const caller = callerFor(route, cast)
      const path = route.path.replace(/:([A-Za-z_]\w*)/g, 'abc123')
      for (const bad of ['a\u0000b', 'x\udfffy', '\ud83d']) {
        const reqs: { url: string; body?: string; headers: Record<string, string> }[] = []
        const body = route.body && route.method !== 'GET' ? poisoned(route, bad) : null
        if (body) reqs.push({ url: path, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        if (route.query) reqs.push({ url: `${path}?q=${encodeURIComponent(bad.replace(/[\ud800-\udfff]/g, ''))}${bad.includes('\u0000') ? '' : '&x=%ED%A0%80'}`, headers: {} })
        for (const r of reqs) {
          const a = await send(t, { kind: 'bad text', method: route.method, url: r.url, headers: r.headers, ...(r.body ? { body: r.body } : {}), invalid: true }, caller.token)
          checked++
          if (a.status >= 500) failures.push(`${name}: ${a.status} ${a.text.slice(0, 120)}`)
          if (r.body && a.status !== 400) failures.push(`${name}: body with ${JSON.stringify(bad)} → ${a.status}`)
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
    expect(poisonedRoutes.size, 'bodies the schema accepts with the bad text in them').toBeGreaterThan(20)
    expect(failures).toEqual([])
    expect(diffSnapshots(before, await snap.take())).toEqual([])
  }, 120_000)
})

const poisonedRoutes = new Set<string>()
/**
 * A body the route's own schema accepts, with the bad text appended to every string it still accepts that way: so the
 * request would reach the handler (and the database) but for the contract layer's check. Null when none can be made.
 */
function poisoned (route: RouteDef, bad: string): unknown {
  const schema = route.body!
  const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'inline' })
  for (const sample of fc.sample(validArb(js as never, ids), { numRuns: 40, seed: 11 })) {
    if (!schema.safeParse(sample).success) continue
    let body = structuredClone(sample) as unknown
    let touched = false
    const visit = (node: unknown, set: (v: unknown) => void): void => {
      if (typeof node === 'string') {
        const before = body
        set(node + bad)
        if (schema.safeParse(body).success) touched = true
        else { body = before; set(node) }
      } else if (Array.isArray(node)) node.forEach((v, i) => visit(v, (x) => { node[i] = x }))
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, (x) => { (node as Record<string, unknown>)[k] = x })
    }
    visit(body, (x) => { body = x })
    if (touched) { poisonedRoutes.add(route.path); return body }
  }
  return null
}
