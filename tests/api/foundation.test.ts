import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, ApiError } from '@bianmin/shared'
import { startTestApp, createOrg, createStaff, expectError, clientFor, TEST_PASSWORD, type TestApp } from '../support/app'

let t: TestApp
let street: { id: string; path: string }
let community: { id: string; path: string }

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' })
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  community = await createOrg(t.deps, '测试社区', 'COMMUNITY', street)
  await createStaff(t.deps, 'admin1', 'ADMIN', street.id)
  await createStaff(t.deps, 'cadmin', 'ADMIN', community.id)
  await createStaff(t.deps, 'editor1', 'EDITOR', street.id)
  await createStaff(t.deps, 'locky', 'CLERK', street.id)
})
afterAll(async () => { await t.close() })

describe('health and docs', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await t.anon('getHealth')).toEqual({ status: 'ok' })
    const ready = await t.anon('getReady')
    expect(ready.status).toBe('ready')
  })

  it('lists every contract endpoint in the OpenAPI document', async () => {
    const doc = await (await t.fetch('/api/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> }
    expect(doc.openapi).toBe('3.1.0')
    const ops = new Set(Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId)))
    for (const name of Object.keys(contract)) expect(ops, name).toContain(name)
    const docs = await t.fetch('/docs')
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await t.fetch('/docs/assets/swagger-ui-bundle.js')).status).toBe(200)
  })

  it('sets security headers', async () => {
    const r = await t.fetch('/healthz')
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(r.headers.get('x-request-id')).toBeTruthy()
  })
})

describe('errors', () => {
  it('rejects invalid input with 400 VALIDATION_FAILED, Chinese messages and field details', async () => {
    const e = await expectError(t.anon('loginStaff', { body: { username: '', password: 'x' } }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().username).toMatch(/用户名/)
  })

  it('rejects malformed JSON and non-JSON bodies with 400', async () => {
    const bad = await t.fetch('/api/v1/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('VALIDATION_FAILED')
    const form = await t.fetch('/api/v1/auth/staff', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'username=a' })
    expect(form.status).toBe(400)
    expect((await form.json()).error.message).toMatch(/JSON/)
  })

  it('answers unknown API paths with the 404 envelope', async () => {
    const r = await t.fetch('/api/v1/nope')
    expect(r.status).toBe(404)
    expect((await r.json()).error.code).toBe('NOT_FOUND')
  })

  it('rejects an oversized body with 413', async () => {
    const r = await t.fetch('/api/v1/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x'.repeat(300_000), password: 'y' }) })
    expect(r.status).toBe(413)
    expect((await r.json()).error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})

describe('authentication', () => {
  it('401 without a token and with a garbage token', async () => {
    await expectError(t.anon('getMe'), 401, 'UNAUTHENTICATED')
    await expectError(clientFor(t.url, 'garbage.token.here')('getMe'), 401, 'UNAUTHENTICATED')
    const r = await t.fetch('/api/v1/me', { headers: { authorization: 'Basic abc' } })
    expect(r.status).toBe(401)
  })

  it('maps the same WeChat code to the same resident (mock provider) and different codes to different residents', async () => {
    const a1 = await t.anon('loginWechat', { body: { code: 'same-code-1' } })
    const a2 = await t.anon('loginWechat', { body: { code: 'same-code-1' } })
    const b = await t.anon('loginWechat', { body: { code: 'other-code-2' } })
    expect(a1.resident.id).toBe(a2.resident.id)
    expect(b.resident.id).not.toBe(a1.resident.id)
    const me = await clientFor(t.url, a1.token)('getMe')
    expect(me).toMatchObject({ type: 'resident', resident: { id: a1.resident.id } })
    expect(JSON.stringify(a1)).not.toMatch(/openid|session_key/)
    await expectError(t.anon('loginWechat', { body: { code: 'bad code!' } }), 400, 'VALIDATION_FAILED')
  })

  it('forbids residents on staff endpoints (403)', async () => {
    const r = await t.resident()
    await expectError(r.call('listAudit'), 403, 'FORBIDDEN')
  })

  it('forbids staff without the role (403)', async () => {
    const e = await t.staff('editor1')
    await expectError(e.call('listAudit'), 403, 'FORBIDDEN')
  })

  it('locks a staff account after 5 failed logins for 15 minutes', async () => {
    for (let i = 0; i < 4; i++) await expectError(t.anon('loginStaff', { body: { username: 'locky', password: 'wrong-password' } }), 401, 'UNAUTHENTICATED')
    await expectError(t.anon('loginStaff', { body: { username: 'locky', password: 'wrong-password' } }), 403, 'FORBIDDEN')
    // The right password is refused while locked.
    const locked = await expectError(t.anon('loginStaff', { body: { username: 'locky', password: TEST_PASSWORD } }), 403, 'FORBIDDEN')
    expect(locked.message).toMatch(/锁定/)
    t.deps.clock.advance(16 * 60_000)
    const ok = await t.anon('loginStaff', { body: { username: 'locky', password: TEST_PASSWORD } })
    expect(ok.staff.username).toBe('locky')
    const audit = await t.deps.db.auditLog.findMany({ where: { action: 'staff.locked' } })
    expect(audit).toHaveLength(1)
  })

  it('expires staff sessions after the idle timeout and revokes them on logout', async () => {
    const s = await t.staff('admin1')
    await s.call('getMe')
    t.deps.clock.advance(31 * 60_000)
    const idle = await expectError(s.call('getMe'), 401, 'UNAUTHENTICATED')
    expect(idle.message).toMatch(/未操作/)
    const s2 = await t.staff('admin1')
    await s2.call('logout')
    await expectError(s2.call('getMe'), 401, 'UNAUTHENTICATED')
  })

  it('revokes every session on password change and enforces the password policy', async () => {
    const s = await t.staff('admin1')
    const other = await t.staff('admin1')
    await expectError(s.call('changePassword', { body: { oldPassword: TEST_PASSWORD, newPassword: 'short' } }), 400, 'VALIDATION_FAILED')
    await expectError(s.call('changePassword', { body: { oldPassword: TEST_PASSWORD, newPassword: 'alllowercaseletters' } }), 400, 'VALIDATION_FAILED')
    const r = await s.call('changePassword', { body: { oldPassword: TEST_PASSWORD, newPassword: 'New-Strong-Pass-1' } })
    await expectError(other.call('getMe'), 401, 'UNAUTHENTICATED')
    await expectError(s.call('getMe'), 401, 'UNAUTHENTICATED')
    const me = await clientFor(t.url, r.token)('getMe')
    expect(me.type).toBe('staff')
    await expectError(t.anon('loginStaff', { body: { username: 'admin1', password: TEST_PASSWORD } }), 401, 'UNAUTHENTICATED')
    await t.staff('admin1', 'New-Strong-Pass-1')
  })

  it('records privacy consent with its version', async () => {
    const r = await t.resident(undefined, { consent: false })
    await expectError(r.call('acceptPrivacy', { body: { version: '1999-01' } }), 409, 'CONFLICT')
    const after = await r.call('acceptPrivacy', { body: { version: '2026-11' } })
    expect(after.consentVersion).toBe('2026-11')
    expect(await t.deps.db.privacyConsent.count({ where: { residentId: r.id } })).toBe(1)
  })
})

describe('org scoping', () => {
  it('returns the org tree', async () => {
    const tree = await t.anon('listOrgs')
    const d = tree.items.find((o) => o.name === '测试区')
    expect(d?.children[0]?.name).toBe('测试街道')
    expect(d?.children[0]?.children[0]?.name).toBe('测试社区')
  })

  it('shows the street admin its subtree but a community admin only its own org in the audit log', async () => {
    const cadmin = await t.staff('cadmin')
    const sadmin = await t.staff('admin1', 'New-Strong-Pass-1')
    const seenByStreet = await sadmin.call('listAudit', { query: { limit: 100 } })
    const seenByCommunity = await cadmin.call('listAudit', { query: { limit: 100 } })
    expect(seenByStreet.items.some((a) => a.orgId === community.id)).toBe(true)
    expect(seenByStreet.items.some((a) => a.orgId === street.id)).toBe(true)
    expect(seenByCommunity.items.length).toBeGreaterThan(0)
    expect(seenByCommunity.items.every((a) => a.orgId === community.id)).toBe(true)
  })

  it('paginates the audit log with a cursor and rejects a bad cursor', async () => {
    const s = await t.staff('admin1', 'New-Strong-Pass-1')
    const first = await s.call('listAudit', { query: { limit: 2 } })
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toBeTruthy()
    const second = await s.call('listAudit', { query: { limit: 2, cursor: first.nextCursor! } })
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id)
    await expectError(s.call('listAudit', { query: { cursor: 'not-a-cursor' } }), 400, 'VALIDATION_FAILED')
    await expectError(s.call('listAudit', { query: { limit: 0 } }), 400, 'VALIDATION_FAILED')
  })
})

describe('logs', () => {
  it('never contain passwords or tokens', async () => {
    const r = await t.anon('loginStaff', { body: { username: 'editor1', password: TEST_PASSWORD } })
    await clientFor(t.url, r.token)('getMe')
    const all = t.logs.join('\n')
    expect(all).not.toContain(TEST_PASSWORD)
    expect(all).not.toContain(r.token)
  })
})

it('ApiError carries the code', () => {
  expect(new ApiError(400, 'X', 'y').code).toBe('X')
})
