import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, clientFor, type TestApp } from '../support/app'

let t: TestApp
let street: { id: string; path: string }
let community: { id: string; path: string }
let otherStreet: { id: string; path: string }

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-09-28T09:00:00+08:00' })
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  community = await createOrg(t.deps, '测试社区', 'COMMUNITY', street)
  otherStreet = await createOrg(t.deps, '另一街道', 'STREET', district)
  await createStaff(t.deps, 'sadmin', 'ADMIN', street.id)
  await createStaff(t.deps, 'cadmin', 'ADMIN', community.id)
  await createStaff(t.deps, 'oadmin', 'ADMIN', otherStreet.id)
  await createStaff(t.deps, 'clerk1', 'CLERK', street.id)
})
afterAll(async () => { await t.close() })

describe('settings', () => {
  it('shows the defaults of PRODUCT.md and changes a group with an audit entry', async () => {
    const a = await t.staff('sadmin')
    const s = await a.call('getSettings')
    expect(s.booking).toMatchObject({ maxWorkdaysAhead: 7, cancelCutoffHours: 2, noShowLimit: 2, noShowWindowDays: 30, suspensionDays: 30 })
    expect(s.consultation).toMatchObject({ consultWorkdays: 3, complaintWorkdays: 5, suggestionWorkdays: 10, autoCloseDays: 7 })
    expect(s.rating).toMatchObject({ windowDays: 7, rectificationWorkdays: 15 })
    expect(s.disclosure.replyWorkdays).toBe(20)
    const next = await a.call('updateSettings', { body: { booking: { cancelCutoffHours: 4 } } })
    expect(next.booking.maxWorkdaysAhead).toBe(7)
    expect(next.booking.cancelCutoffHours).toBe(4)
    expect((await t.deps.settings.get()).booking.cancelCutoffHours).toBe(4)
    const audit = await t.deps.db.auditLog.findFirst({ where: { action: 'settings.update' } })
    expect(audit?.detail).toMatchObject({ after: { booking: { cancelCutoffHours: 4 } } })
  })

  it('rejects out-of-range values and changes nothing', async () => {
    const a = await t.staff('sadmin')
    const before = await a.call('getSettings')
    await expectError(a.call('updateSettings', { body: { booking: { noShowLimit: 0 } } }), 400, 'VALIDATION_FAILED')
    await expectError(a.call('updateSettings', { body: { nonsense: { a: 1 } } as never }), 400, 'VALIDATION_FAILED')
    await expectError(a.call('updateSettings', { body: {} }), 400, 'VALIDATION_FAILED')
    expect(await a.call('getSettings')).toEqual(before)
  })

  it('is for admins only', async () => {
    const c = await t.staff('clerk1')
    await expectError(c.call('getSettings'), 403, 'FORBIDDEN')
    const r = await t.resident()
    await expectError(r.call('getSettings'), 403, 'FORBIDDEN')
  })
})

describe('accounts', () => {
  it('creates an account with a one-time password that must be changed, and lists it', async () => {
    const a = await t.staff('sadmin')
    const r = await a.call('createAccount', { body: { username: 'newclerk', name: '李四', roles: ['CLERK'], orgId: community.id } })
    expect(r.account).toMatchObject({ username: 'newclerk', roles: ['CLERK'], orgId: community.id, mustChangePassword: true })
    const login = await t.anon('loginStaff', { body: { username: 'newclerk', password: r.initialPassword } })
    expect(login.staff.mustChangePassword).toBe(true)
    const list = await a.call('listAccounts', { query: { q: 'newclerk' } })
    expect(list.items.map((i) => i.username)).toEqual(['newclerk'])
    await expectError(a.call('createAccount', { body: { username: 'newclerk', name: '重复', roles: ['CLERK'], orgId: street.id } }), 409, 'DUPLICATE')
    await expectError(a.call('createAccount', { body: { username: 'Bad Name', name: '坏', roles: ['CLERK'], orgId: street.id } }), 400, 'VALIDATION_FAILED')
  })

  it('keeps admins inside their subtree', async () => {
    const c = await t.staff('cadmin')
    await expectError(c.call('createAccount', { body: { username: 'escape', name: '越权', roles: ['ADMIN'], orgId: street.id } }), 404, 'NOT_FOUND')
    const o = await t.staff('oadmin')
    const target = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk1' } })
    await expectError(o.call('updateAccount', { params: { id: target.id }, body: { disabled: true } }), 404, 'NOT_FOUND')
    await expectError(o.call('resetAccountPassword', { params: { id: target.id } }), 404, 'NOT_FOUND')
    expect((await o.call('listAccounts')).items.every((i) => i.orgId === otherStreet.id)).toBe(true)
    const cl = await c.call('listAccounts')
    expect(cl.items.every((i) => i.orgId === community.id)).toBe(true)
  })

  it('disabling an account ends its sessions; a reset password works once given', async () => {
    const a = await t.staff('sadmin')
    const clerk = await t.staff('clerk1')
    const id = clerk.id
    await a.call('updateAccount', { params: { id }, body: { disabled: true } })
    await expectError(clerk.call('getMe'), 401, 'UNAUTHENTICATED')
    await a.call('updateAccount', { params: { id }, body: { disabled: false } })
    const { initialPassword } = await a.call('resetAccountPassword', { params: { id } })
    const login = await t.anon('loginStaff', { body: { username: 'clerk1', password: initialPassword } })
    expect(await clientFor(t.url, login.token)('getMe')).toMatchObject({ type: 'staff' })
    await expectError(a.call('updateAccount', { params: { id: a.id }, body: { disabled: true } }), 422, 'INVALID_STATE')
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: id } })).map((x) => x.action)
    expect(actions).toEqual(expect.arrayContaining(['account.disable', 'account.enable', 'account.reset_password']))
  })
})

describe('calendar', () => {
  it('shows 国庆 closed and the 调休 Saturday open, and lets an admin override a day', async () => {
    const a = await t.staff('sadmin')
    const cal = await a.call('listCalendar', { query: { from: '2026-09-28', to: '2026-10-11' } })
    const byDate = Object.fromEntries(cal.items.map((d) => [d.date, d]))
    expect(byDate['2026-10-01']).toMatchObject({ isWorkday: false, source: 'OFFICIAL' })
    expect(byDate['2026-10-10']).toMatchObject({ isWorkday: true, source: 'OFFICIAL' })
    expect(byDate['2026-10-11']?.isWorkday).toBe(false)
    const closed = await a.call('setCalendarDay', { params: { date: '2026-10-09' }, body: { isWorkday: false, note: '台风停工' } })
    expect(closed).toMatchObject({ isWorkday: false, source: 'OVERRIDE', note: '台风停工' })
    expect(t.deps.calendar.isWorkday('2026-10-09')).toBe(false)
    const cleared = await a.call('clearCalendarDay', { params: { date: '2026-10-09' } })
    expect(cleared).toMatchObject({ isWorkday: true, source: 'OFFICIAL' })
  })

  it('falls back to weekends and statutory dates for years without official data', async () => {
    const a = await t.staff('sadmin')
    const cal = await a.call('listCalendar', { query: { from: '2030-09-30', to: '2030-10-04' } })
    const byDate = Object.fromEntries(cal.items.map((d) => [d.date, d]))
    expect(byDate['2030-09-30']).toMatchObject({ isWorkday: true, source: 'FALLBACK' })
    expect(byDate['2030-10-01']).toMatchObject({ isWorkday: false, source: 'FALLBACK' })
    expect(byDate['2030-10-04']?.isWorkday).toBe(true)
    await expectError(a.call('listCalendar', { query: { from: '2026-10-05', to: '2026-10-01' } }), 400, 'VALIDATION_FAILED')
    await expectError(a.call('setCalendarDay', { params: { date: '2026-02-30' }, body: { isWorkday: true } }), 400, 'VALIDATION_FAILED')
  })
})
