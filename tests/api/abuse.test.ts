// Abuse limits: rate limits (login per IP and per username, booking, submissions, uploads) with 429 and a correct
// Retry-After; the JSON body limit on every endpoint that takes a body (from the contract); upload size limits; staff
// lockout; token expiry on the business clock and revocation on password change; security headers.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, errorEnvelope, type RouteDef } from '@bianmin/shared'
import { startTestApp, clientFor, createStaff, expectError, TEST_PASSWORD, type TestApp } from '../support/app'
import { castOf, callerFor, demoOrgs } from '../support/actors'
import { PNG_1PX, upload } from '../support/uploads'
import { limits } from '../../server/src/platform/ratelimit'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true, env: { RATE_LIMITS: 'on', TRUST_PROXY: 'true' } })
})
afterAll(async () => { await t?.close() })

async function post (path: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await t.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() as { error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } } }
}

/** A 429 in the envelope whose Retry-After (whole seconds) matches its details and lies within the limit's window. */
function expectLimited (r: { status: number; retryAfter: string | null; body: { error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } } }, windowSeconds: number) {
  expect(r.status).toBe(429)
  expect(errorEnvelope.safeParse(r.body).success).toBe(true)
  expect(r.body.error!.code).toBe('RATE_LIMITED')
  expect(r.body.error!.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(r.retryAfter).toMatch(/^\d+$/)
  const s = Number(r.retryAfter)
  expect(s).toBe(r.body.error!.details!.retryAfterSeconds)
  expect(s).toBeGreaterThanOrEqual(1)
  expect(s).toBeLessThanOrEqual(windowSeconds)
  return s
}

describe('rate limits', () => {
  /** The allowed count of a limit, from the settings. */
  const allowed = async (n: keyof typeof limits) => (await t.deps.settings.get()).rateLimits[limits[n].setting]

  it('limits logins per client IP, with a Retry-After counting down the window', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.10' }
    let windowOpened = 0 // the window opened with the first login, before its answer came back
    for (let i = 0, n = await allowed('login'); i < n; i++) {
      expect((await post('/api/v1/auth/wechat', { code: `abuse-ip-${i}` }, ip)).status).toBe(200)
      if (i === 0) windowOpened = Date.now()
    }
    const first = expectLimited(await post('/api/v1/auth/wechat', { code: 'abuse-ip-x' }, ip), limits.login.duration)
    // What is left of that window, never a fresh full window per refusal.
    expect(first).toBeLessThanOrEqual(limits.login.duration - Math.floor((Date.now() - windowOpened) / 1000))
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = expectLimited(await post('/api/v1/auth/staff', { username: 'admin', password: TEST_PASSWORD }, ip), limits.login.duration)
    expect(second).toBeLessThan(first)
    // Another client is not affected.
    expect((await post('/api/v1/auth/wechat', { code: 'abuse-ip-other' }, { 'x-forwarded-for': '203.0.113.11' })).status).toBe(200)
  })

  it('limits staff logins per username across IPs, before the password is checked', async () => {
    for (let i = 0, n = await allowed('loginUser'); i < n; i++) {
      const r = await post('/api/v1/auth/staff', { username: 'Ghost-User', password: 'wrong-password' }, { 'x-forwarded-for': `198.51.100.${i + 1}` })
      expect(r.status).toBe(401)
    }
    expectLimited(await post('/api/v1/auth/staff', { username: 'ghost-user', password: 'wrong-password' }, { 'x-forwarded-for': '198.51.100.200' }), limits.loginUser.duration)
    // Other accounts still log in from that address.
    expect((await post('/api/v1/auth/staff', { username: 'editor', password: TEST_PASSWORD }, { 'x-forwarded-for': '198.51.100.200' })).status).toBe(200)
  })

  it('limits bookings, submissions (consultations, disclosures, home visits share one budget) and uploads per resident', async () => {
    const { street } = await demoOrgs(t)
    const r = await t.resident('abuse-limits')
    const auth = { authorization: `Bearer ${r.token}` }
    const booking = { slotId: 'no-such-slot', serviceItemId: 'no-such-item', contactName: '李小梅', contactPhone: '13912345678' }
    for (let i = 0, n = await allowed('booking'); i < n; i++) expect((await post('/api/v1/appointments', booking, auth)).status).not.toBe(429)
    expectLimited(await post('/api/v1/appointments', booking, auth), limits.booking.duration)

    const consultation = { kind: 'CONSULT', orgId: street.id, title: '限流测试咨询', content: '这是一条限流测试的咨询内容', allowPublish: false }
    const disclosure = { applicantType: 'NATURAL_PERSON', orgId: street.id, description: '申请公开限流测试所需的信息', form: 'ELECTRONIC', contactName: '李小梅', contactPhone: '13912345678', applicantIdNumber: '350203199001011234' }
    for (let i = 0, n = await allowed('submission'); i < n; i++) {
      const res = i % 2 ? await post('/api/v1/disclosures', disclosure, auth) : await post('/api/v1/consultations', consultation, auth)
      expect(res.status).toBe(201)
    }
    expectLimited(await post('/api/v1/consultations', consultation, auth), limits.submission.duration)
    expectLimited(await post('/api/v1/disclosures', disclosure, auth), limits.submission.duration)

    for (let i = 0, n = await allowed('upload'); i < n; i++) expect((await upload(t.url, r.token, PNG_1PX)).status).toBe(201)
    const limited = await upload(t.url, r.token, PNG_1PX)
    expectLimited({ status: limited.status, retryAfter: limited.headers.get('retry-after'), body: limited.body as { error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } } }, limits.upload.duration)
    expect(await t.deps.db.upload.count({ where: { ownerId: r.id } })).toBe(await allowed('upload'))
  })

  it('takes the allowed counts from the settings an admin changes, without a restart', async () => {
    const admin = await t.staff('admin')
    await admin.call('updateSettings', { body: { rateLimits: { bookingsPerMinute: 2 } } })
    t.deps.settings.invalidate()
    const r = await t.resident('abuse-setting')
    const auth = { authorization: `Bearer ${r.token}` }
    const booking = { slotId: 'no-such-slot', serviceItemId: 'no-such-item', contactName: '李小梅', contactPhone: '13912345678' }
    for (let i = 0; i < 2; i++) expect((await post('/api/v1/appointments', booking, auth)).status).not.toBe(429)
    expectLimited(await post('/api/v1/appointments', booking, auth), limits.booking.duration)
    await expectError(admin.call('updateSettings', { body: { rateLimits: { bookingsPerMinute: 0 } } }), 400, 'VALIDATION_FAILED')
    await admin.call('updateSettings', { body: { rateLimits: { bookingsPerMinute: 20 } } })
  })
})

describe('size limits', () => {
  it('answers 413 in the envelope for an oversized JSON body on every endpoint that takes one', async () => {
    const cast = await castOf(t, 'abuse')
    const big = JSON.stringify({ filler: 'x'.repeat(300 * 1024) })
    const failures: string[] = []
    let checked = 0
    for (const [name, route] of Object.entries(contract) as [string, RouteDef][]) {
      if (!route.body) continue
      const path = route.path.replace(/:([A-Za-z_]\w*)/g, 'abc123')
      const caller = callerFor(route, cast)
      const res = await t.fetch(path, { method: route.method, headers: { 'content-type': 'application/json', ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) }, body: big })
      const body = await res.json() as { error?: { code: string } }
      checked++
      if (res.status !== 413 || body.error?.code !== 'PAYLOAD_TOO_LARGE') failures.push(`${name}: ${res.status} ${JSON.stringify(body).slice(0, 100)}`)
    }
    expect(checked).toBeGreaterThan(30)
    expect(failures).toEqual([])
  })

  it('refuses a staff document over 20 MB by its declared length without reading it, and stores nothing', async () => {
    const admin = await t.staff('admin')
    const before = await t.deps.db.upload.count()
    const declared = 21 * 1024 * 1024
    const answer = await new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const u = new URL(`${t.url}/api/v1/uploads`)
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'multipart/form-data; boundary=abuse', 'content-length': declared } }, (res) => {
        let body = ''
        res.on('data', (c) => { body += c })
        res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }))
      })
      req.on('error', reject)
      // Only the start of the body is sent: the answer must come from the declared length alone.
      req.write('--abuse\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n')
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(answer.connection).toBe('close')
    expect(await t.deps.db.upload.count()).toBe(before)
  })
})

describe('sessions', () => {
  it('expires a resident token after residentTokenDays and a staff token after staffTokenHours (business clock)', async () => {
    const s = (await t.deps.settings.get()).auth
    const r = await t.resident('abuse-expiry')
    const rc = clientFor(t.url, r.token)
    t.deps.clock.advance(s.residentTokenDays * 86_400_000 - 60_000)
    expect((await rc('getMe')).type).toBe('resident')
    t.deps.clock.advance(61_000)
    await expectError(rc('getMe'), 401, 'UNAUTHENTICATED')

    // Kept busy (no idle timeout), the staff session still ends at staffTokenHours.
    const admin = await t.staff('admin')
    const step = (s.staffIdleMinutes - 5) * 60_000
    let elapsed = 0
    while (elapsed + step < s.staffTokenHours * 3_600_000) {
      t.deps.clock.advance(step); elapsed += step
      expect((await admin.call('getMe')).type).toBe('staff')
    }
    t.deps.clock.advance(s.staffTokenHours * 3_600_000 - elapsed + 1000)
    await expectError(admin.call('getMe'), 401, 'UNAUTHENTICATED')
  })

  it('revokes every session of a staff member on password change, and a locked account cannot log in', async () => {
    const { street } = await demoOrgs(t)
    await createStaff(t.deps, 'abuse-pw', 'CLERK', street.id)
    const ip = { 'x-forwarded-for': '192.0.2.50' }
    const login = async (password: string) => post('/api/v1/auth/staff', { username: 'abuse-pw', password }, ip)
    const a = (await login(TEST_PASSWORD)).body as unknown as { token: string }
    const b = (await login(TEST_PASSWORD)).body as unknown as { token: string }
    const changed = await clientFor(t.url, a.token)('changePassword', { body: { oldPassword: TEST_PASSWORD, newPassword: 'Another-Strong-9' } })
    await expectError(clientFor(t.url, a.token)('getMe'), 401, 'UNAUTHENTICATED')
    await expectError(clientFor(t.url, b.token)('getMe'), 401, 'UNAUTHENTICATED')
    expect((await clientFor(t.url, changed.token)('getMe')).type).toBe('staff')
    // Lockout after the threshold: even the right password is refused, and the sessions it had keep working.
    const { lockoutThreshold } = (await t.deps.settings.get()).auth
    for (let i = 0; i < lockoutThreshold - 1; i++) expect((await login('wrong-password-1')).status).toBe(401)
    expect((await login('wrong-password-1')).status).toBe(403)
    const locked = await login('Another-Strong-9')
    expect(locked.status).toBe(403)
    expect(locked.body.error!.message).toMatch(/锁定/)
  })
})

describe('security headers', () => {
  it('sends CSP with frame-ancestors, nosniff and no X-Powered-By on API answers, errors, docs and the H5 page', async () => {
    for (const path of ['/api/v1/orgs', '/api/v1/nope', '/api/v1/me', '/docs', '/', '/healthz']) {
      const r = await t.fetch(path)
      const csp = r.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp, path).toContain("object-src 'none'")
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(r.headers.get('referrer-policy'), path).toBeTruthy()
      expect(r.headers.get('x-powered-by'), path).toBeNull()
      expect(r.headers.get('server'), path).toBeNull()
      await r.arrayBuffer()
    }
  })
})
