// Authorisation matrix from the contract: every endpoint (read at run time) × {anonymous, resident A, resident B, each
// staff role, an all-roles admin of another street} against what `access` and `roles` allow; and every :id endpoint
// with someone else's resource (resident A's, or the demo street's) answers 404 to resident B and the other street.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { contract, type RouteDef } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { actorNames, allowedBy, callerFor, castOf, deniedStatus, type ActorInfo, type Cast } from '../support/actors'
import { requestArb, validArb, type FuzzRequest } from '../support/fuzz'
import { send } from '../support/fuzz-run'
import { knownIds } from '../support/fixtures'
import { buildFixtures, ownerless, paramsFor, resourceKind, type Fixture } from '../support/ownership'
import { issueToken } from '../../server/src/platform/auth'

const MONDAY = '2026-11-23T09:00:00+08:00'
const routes = Object.entries(contract) as [string, RouteDef][]
let t: TestApp
let cast: Cast
let fixtures: Record<string, Fixture>
let ids: string[]

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  cast = await castOf(t, 'authz')
  fixtures = await buildFixtures(t, cast)
  ids = await knownIds(t)
})
afterAll(async () => { await t?.close() })

/** Kinds whose probe shows the access check passed: the schema refuses it (400) right after the access check. */
const probeKinds = /^(body not an object|array for object|bad id|bad limit|bad cursor|bad query|missing|bad field)/

/** A request that an allowed caller gets 400 for (validation runs right after the access check), or a valid one if the route has no inputs. */
function probe (route: RouteDef): FuzzRequest {
  if (route.consumes === 'multipart/form-data') return { kind: 'not multipart', method: route.method, url: route.path, headers: { 'content-type': 'application/json' }, body: '{}', invalid: true }
  const samples = fc.sample(requestArb(route, ids), { numRuns: 150, seed: 42 })
  const order = ['array for object', 'bad id', 'bad limit', 'bad cursor', 'bad query', 'missing', 'bad field']
  for (const k of order) {
    const hit = samples.find((r) => r.invalid && r.kind.startsWith(k) && probeKinds.test(r.kind) && r.url.length < 2000)
    if (hit) return hit
  }
  return samples.find((r) => r.kind === 'valid-looking') ?? samples[0]!
}

/** Side-effecting routes without inputs (logout, read-all, delete-me …) get throwaway callers. */
async function callerToken (name: string, route: RouteDef, a: ActorInfo): Promise<string | null> {
  const disposable = route.method !== 'GET' && !route.params && !route.query && !route.body && !route.consumes
  if (!disposable || a.kind === 'anonymous') return a.token
  if (a.kind === 'resident') return (await t.resident(`authz-${name}-${a.name}`)).token
  return (await issueToken(t.deps, 'STAFF', a.id!)).token
}

describe('authorisation matrix', () => {
  it('allows exactly whom access and roles allow (401 anonymous, 403 wrong kind or role)', async () => {
    const table: Record<string, Record<string, string>> = {}
    const failures: string[] = []
    for (const [name, route] of routes) {
      const req = probe(route)
      const row: Record<string, string> = { access: route.access + (route.roles?.length ? `:${route.roles.join('|')}` : '') }
      for (const actorName of actorNames) {
        const a = cast[actorName]
        const allowed = allowedBy(route, a)
        const res = await send(t, req, await callerToken(name, route, a))
        let ok: boolean
        if (!allowed) ok = res.status === deniedStatus(a)
        else if (req.invalid) ok = res.status === 400
        else ok = res.status < 500 && res.status !== 401 && res.status !== 403
        if (!ok) failures.push(`${name} as ${actorName}: got ${res.status}, expected ${allowed ? (req.invalid ? '400 (allowed, invalid probe)' : 'allowed') : deniedStatus(a)} ← ${req.kind} ${req.method} ${req.url.slice(0, 120)} ${res.text.slice(0, 160)}`)
        row[actorName] = `${res.status}${ok ? '' : ' ✗'}`
      }
      table[name] = row
    }
    console.log(`authorisation matrix: ${routes.length} endpoints × ${actorNames.length} actors (400 = allowed in, then refused by validation)`)
    console.table(table)
    expect(failures).toEqual([])
  }, 180_000)
})

describe("someone else's resource answers 404", () => {
  it('has a fixture for every :id endpoint of a resident- or org-owned resource', () => {
    const lines: string[] = []
    const missing: string[] = []
    for (const [name, route] of routes) {
      const kind = resourceKind(route.path)
      if (!kind) continue
      const params = paramsFor(route, fixtures[kind])
      if (params) lines.push(`fixture  ${name.padEnd(30)} ${kind} (${fixtures[kind]!.owner}${fixtures[kind]!.private ? ', private' : ''})`)
      else if (ownerless[kind]) lines.push(`no owner ${name.padEnd(30)} ${kind}: ${ownerless[kind]}`)
      else if (route.access === 'public') lines.push(`public   ${name.padEnd(30)} ${kind}: readable by anyone, no ownership to check`)
      else { lines.push(`MISSING  ${name.padEnd(30)} ${kind}`); missing.push(`${name} (${kind})`) }
    }
    console.log(`id routes and their fixtures:\n${lines.join('\n')}`)
    expect(missing, 'id routes without a fixture strategy: add a builder in tests/support/ownership.ts').toEqual([])
  })

  it('answers 404 to resident B and to staff of another street, and serves the owner', async () => {
    const failures: string[] = []
    const report: string[] = []
    // Reads first (positive controls), then writes: a write that wrongly succeeded must not hide a later check.
    const ordered = [...routes].sort(([, a], [, b]) => Number(a.method !== 'GET') - Number(b.method !== 'GET'))
    for (const [name, route] of ordered) {
      const kind = resourceKind(route.path)
      const f = kind ? fixtures[kind] : undefined
      const params = paramsFor(route, f)
      if (!kind || !f || !params) continue
      const strangers: ActorInfo[] = route.access === 'resident' ? [cast.residentB]
        : route.access === 'staff' ? [cast.otherOrg]
          : f.private ? [cast.residentB, cast.otherOrg] : []
      if (!strangers.length) continue
      const req = validRequest(route, params)
      if (!req) { failures.push(`${name}: no valid body could be generated for the check`); continue }
      for (const s of strangers) {
        const res = await send(t, req, s.token)
        report.push(`${name} as ${s.name}: ${res.status}`)
        if (res.status !== 404) failures.push(`${name} as ${s.name}: got ${res.status}, expected 404 ← ${req.method} ${req.url} ${res.text.slice(0, 160)}`)
      }
      if (route.method === 'GET') {
        const owner = route.access === 'public' || route.access === 'resident' ? cast.residentA : callerFor(route, cast)
        const res = await send(t, req, owner.token)
        if (res.status !== 200) failures.push(`${name} as owner ${owner.name}: got ${res.status}, expected 200 (fixture check) ${res.text.slice(0, 160)}`)
      }
    }
    console.log(`ownership checks (${report.length}):\n${report.join('\n')}`)
    expect(report.length).toBeGreaterThan(20)
    expect(failures).toEqual([])
  }, 120_000)
})

/** The route with the fixture's params and a body/query that pass the route's schemas (so only ownership can refuse). */
function validRequest (route: RouteDef, params: Record<string, string>): FuzzRequest | null {
  const pick = (schema: z.ZodType | undefined): { ok: boolean; value?: unknown } => {
    if (!schema) return { ok: true }
    const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'inline' })
    for (const v of fc.sample(validArb(js as never, ids), { numRuns: 60, seed: 7 })) if (schema.safeParse(v).success) return { ok: true, value: v }
    return { ok: false }
  }
  const body = pick(route.body)
  if (!body.ok) return null
  const url = route.path.replace(/:([A-Za-z_]\w*)/g, (_m, n: string) => encodeURIComponent(params[n]!))
  return {
    kind: 'ownership', method: route.method, url, invalid: false,
    headers: body.value !== undefined ? { 'content-type': 'application/json' } : {},
    ...(body.value !== undefined ? { body: JSON.stringify(body.value) } : {}),
  }
}
