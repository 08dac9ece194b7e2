// One-time passwords: a new account or an admin reset may only change its password (and read /me, sign out) until it
// does; everything else is 403 FORBIDDEN with details.reason PASSWORD_CHANGE_REQUIRED and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD_CHANGE_REQUIRED, passwordChecks } from '@bianmin/shared'
import { startTestApp, clientFor, expectError, type TestApp } from '../support/app'

let t: TestApp
let orgId: string

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  orgId = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk' } })).orgId
})
afterAll(async () => { await t.close() })

async function newAccount (username: string) {
  const admin = await t.staff('admin')
  const r = await admin.call('createAccount', { body: { username, name: '新同事', roles: ['CLERK'], orgId } })
  const login = await t.anon('loginStaff', { body: { username, password: r.initialPassword } })
  return { admin, id: r.account.id, password: r.initialPassword, login, call: clientFor(t.url, login.token) }
}

describe('one-time password', () => {
  it('allows nothing but the password change until it is changed; then everything the role allows', async () => {
    const a = await newAccount('onetime1')
    expect(a.login.staff.mustChangePassword).toBe(true)
    const e = await expectError(a.call('listStaffAppointments'), 403, 'FORBIDDEN')
    expect(e.details).toMatchObject({ reason: PASSWORD_CHANGE_REQUIRED })
    expect(e.message).toContain('请先修改初始密码')
    const before = await t.deps.db.appointment.count()
    await expectError(a.call('createStaffAppointment', { body: { slotId: 'x', serviceItemId: 'y', contactName: '李', contactPhone: '13812345678', channel: 'PHONE' } }), 403, 'FORBIDDEN')
    expect(await t.deps.db.appointment.count()).toBe(before)
    expect(await a.call('getMe')).toMatchObject({ type: 'staff', staff: { mustChangePassword: true } })
    // A weak new password is refused and the account stays locked to the change.
    await expectError(a.call('changePassword', { body: { oldPassword: a.password, newPassword: 'short' } }), 400, 'VALIDATION_FAILED')
    await expectError(a.call('changePassword', { body: { oldPassword: 'wrong-Password-1', newPassword: 'Better-Pass-2026' } }), 400, 'VALIDATION_FAILED')
    expect((await t.deps.db.staff.findUniqueOrThrow({ where: { id: a.id } })).mustChangePassword).toBe(true)
    const changed = await a.call('changePassword', { body: { oldPassword: a.password, newPassword: 'Better-Pass-2026' } })
    const fresh = clientFor(t.url, changed.token)
    expect((await fresh('listStaffAppointments')).items).toBeInstanceOf(Array)
    expect(await fresh('getMe')).toMatchObject({ staff: { mustChangePassword: false } })
    // The one-time session is gone.
    await expectError(a.call('getMe'), 401, 'UNAUTHENTICATED')
  })

  it('an admin reset makes a working account change its password again', async () => {
    const a = await newAccount('onetime2')
    const changed = await a.call('changePassword', { body: { oldPassword: a.password, newPassword: 'Better-Pass-2026' } })
    expect((await clientFor(t.url, changed.token)('listStaffAppointments')).items).toBeInstanceOf(Array)
    const { initialPassword } = await a.admin.call('resetAccountPassword', { params: { id: a.id } })
    const login = await t.anon('loginStaff', { body: { username: 'onetime2', password: initialPassword } })
    const e = await expectError(clientFor(t.url, login.token)('listStaffAppointments'), 403, 'FORBIDDEN')
    expect(e.details).toMatchObject({ reason: PASSWORD_CHANGE_REQUIRED })
  })

  it('leaves accounts created with a known password by the demo seed and the test helpers usable', async () => {
    expect((await (await t.staff('clerk')).call('listStaffAppointments')).items).toBeInstanceOf(Array)
  })

  it('the checklist the page shows follows the server rule', () => {
    expect(passwordChecks('short').every((c) => c.ok)).toBe(false)
    expect(passwordChecks('Better-Pass-2026').every((c) => c.ok)).toBe(true)
    expect(passwordChecks('alllowercase1').find((c) => c.key === 'classes')?.ok).toBe(false)
  })
})
