// Runs the contract fuzzer against a started test app: per route, a batch of invalid requests (database fingerprinted
// once before and once after the batch) and a few valid-looking ones (fingerprinted around each one that is refused).
import fc from 'fast-check'
import { errorCatalogue, errorEnvelope, type RouteDef } from '@bianmin/shared'
import type { TestApp } from './app'
import { callerFor, refreshTokens, type Cast } from './actors'
import { multipartArb, requestArb, type FuzzRequest } from './fuzz'
import { diffSnapshots, type Snapshotter } from './snapshot'
import { PNG_1PX } from './uploads'

export const FUZZ_INVALID = Number(process.env.FUZZ_INVALID ?? 200)
const MAX_VALID = Number(process.env.FUZZ_VALID ?? 8)
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)

export interface Answer { status: number; text: string; contentType: string }

export async function send (t: TestApp, r: FuzzRequest, token: string | null): Promise<Answer> {
  const headers = { ...(token && !('authorization' in r.headers) ? { authorization: `Bearer ${token}` } : {}), ...r.headers }
  const res = await fetch(t.url + r.url, { method: r.method, headers, body: r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : new Uint8Array(r.body) })
  const contentType = res.headers.get('content-type') ?? ''
  if (res.ok && contentType.startsWith('text/event-stream')) {
    // A live event stream never ends by itself: its first chunk is the answer, then the client goes away.
    const reader = res.body!.getReader()
    const { value } = await reader.read()
    await reader.cancel()
    return { status: res.status, text: new TextDecoder().decode(value), contentType }
  }
  return { status: res.status, text: await res.text(), contentType }
}

/** Problems with an error answer: not the API.md envelope, a code outside the catalogue, a status that does not match its code, or a non-Chinese message. */
export function envelopeProblems (a: Answer): string[] {
  if (a.status < 400) return []
  let json: unknown
  try { json = JSON.parse(a.text) } catch { return [`not JSON (${a.contentType}): ${a.text.slice(0, 80)}`] }
  const e = errorEnvelope.safeParse(json)
  if (!e.success) return [`not the error envelope: ${a.text.slice(0, 120)}`]
  const problems: string[] = []
  if (errorCatalogue[e.data.error.code].status !== a.status) problems.push(`code ${e.data.error.code} with status ${a.status}`)
  if (!/[\u4e00-\u9fa5]/.test(e.data.error.message)) problems.push(`message not Chinese: ${e.data.error.message}`)
  return problems
}

export async function pool<T, R> (items: T[], n: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i]!, i) } }))
  return out
}

const show = (r: FuzzRequest) => `${r.kind}: ${r.method} ${r.url.slice(0, 160)}${r.body !== undefined ? ` body=${String(typeof r.body === 'string' ? r.body : `<${r.body.length} bytes>`).slice(0, 160)}` : ''}`

export interface FuzzResult { invalid: number; valid: number; statuses: Record<number, number>; failures: string[]; ms: number }

/** Fuzzes one route; returns what went wrong (empty when it held). */
export async function fuzzRoute (t: TestApp, cast: Cast, snap: Snapshotter, route: RouteDef, ids: string[], seed: number): Promise<FuzzResult> {
  const started = performance.now()
  await refreshTokens(t, cast) // a fuzzed logout or password change may have revoked the previous ones
  const caller = callerFor(route, cast)
  const arb = route.consumes === 'multipart/form-data' ? multipartArb(PNG_1PX) : requestArb(route, ids)
  const invalid: FuzzRequest[] = []
  const valid: FuzzRequest[] = []
  for (let round = 0; invalid.length < FUZZ_INVALID && round < 20; round++) {
    for (const r of fc.sample(arb, { numRuns: FUZZ_INVALID, seed: seed + round })) {
      if (r.invalid) { if (invalid.length < FUZZ_INVALID) invalid.push(r) } else if (valid.length < MAX_VALID) valid.push(r)
    }
  }
  const failures: string[] = []
  const statuses: Record<number, number> = {}
  const check = (r: FuzzRequest, a: Answer) => {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1
    if (a.status >= 500) failures.push(`${a.status} ← ${show(r)} → ${a.text.slice(0, 200)}`)
    else if (r.invalid && (a.status < 400 || a.status >= 500)) failures.push(`accepted invalid (${a.status}) ← ${show(r)}`)
    for (const p of envelopeProblems(a)) failures.push(`${p} ← ${show(r)}`)
  }
  // 'user' routes are fuzzed as a resident and as staff.
  const tokenFor = (i: number) => (route.access === 'user' && i % 2 ? cast.ADMIN.token : caller.token)

  const before = await snap.take()
  const answers = await pool(invalid, 6, (r, i) => send(t, r, tokenFor(i)))
  invalid.forEach((r, i) => check(r, answers[i]!))
  const after = await snap.take()
  const changed = diffSnapshots(before, after)
  if (changed.length) failures.push(`invalid requests changed rows: ${changed.join('; ')}`)

  let s0 = after
  for (const [i, r] of valid.entries()) {
    const a = await send(t, r, tokenFor(i))
    check(r, a)
    const s1 = await snap.take()
    if (a.status >= 400) {
      const d = diffSnapshots(s0, s1)
      if (d.length) failures.push(`refused request (${a.status}) changed rows: ${d.join('; ')} ← ${show(r)}`)
    }
    s0 = s1
  }
  return { invalid: invalid.length, valid: valid.length, statuses, failures, ms: Math.round(performance.now() - started) }
}
