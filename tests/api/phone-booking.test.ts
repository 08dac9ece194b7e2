// 电话预约 / 代办: a clerk books for a resident by name and phone (channel PHONE or PROXY); the same phone may not hold
// the same item on the same day through any channel (blind index); cancelling for a resident needs a reason, and a
// resident with an app account is told.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, expectError, type TestApp } from '../support/app'
import { MONDAY, book, demoItem, slotOn, testPhone } from '../support/booking'

let t: TestApp
let item: Awaited<ReturnType<typeof demoItem>>

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  item = await demoItem(t, 'HL-HJ-001')
})
afterAll(async () => { await t.close() })
beforeEach(() => { t.deps.clock.freeze(MONDAY) })

const activeCount = () => t.deps.db.appointment.count({ where: { status: 'BOOKED' } })

describe('booking by phone', () => {
  it('records the channel and the note, stores only the phone blind index, and lists the note in 今日预约', async () => {
    const clerk = await t.staff('clerk')
    const phone = testPhone()
    const slot = await slotOn(t, item.id, '2026-09-29', '09:00')
    const a = await clerk.call('createStaffAppointment', {
      body: { slotId: slot.id, serviceItemId: item.id, contactName: '陈阿婆', contactPhone: phone, channel: 'PHONE', note: '行动不便，需要轮椅' },
    })
    expect(a).toMatchObject({ channel: 'PHONE', note: '行动不便，需要轮椅', status: 'BOOKED' })
    const row = await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })
    expect(row.contactPhoneHash).toBe(t.deps.cipher.blindIndex(phone))
    expect(JSON.stringify(row)).not.toContain(phone)
    const list = await clerk.call('listStaffAppointments', { query: { date: '2026-09-29', limit: 100 } })
    expect(list.items.find((x) => x.id === a.id)).toMatchObject({ note: '行动不便，需要轮椅', channel: 'PHONE', residentId: null })
  })

  it('refuses the same phone on the same item and day, also when the resident booked it in the app', async () => {
    const clerk = await t.staff('clerk')
    const phone = testPhone()
    const resident = await t.resident()
    await book(resident.call, await slotOn(t, item.id, '2026-09-30', '09:00'), item, { contactPhone: phone })
    const before = await activeCount()
    const e = await expectError(clerk.call('createStaffAppointment', {
      body: { slotId: (await slotOn(t, item.id, '2026-09-30', '10:00')).id, serviceItemId: item.id, contactName: '王伯', contactPhone: phone, channel: 'PROXY' },
    }), 409, 'DUPLICATE')
    expect(e.message).toContain('该手机号当天已预约此事项')
    expect(await activeCount()).toBe(before)
    // Another day, or another phone, is fine.
    const other = await clerk.call('createStaffAppointment', {
      body: { slotId: (await slotOn(t, item.id, '2026-09-29', '10:00')).id, serviceItemId: item.id, contactName: '王伯', contactPhone: phone, channel: 'PROXY' },
    })
    expect(other.channel).toBe('PROXY')
  })

  it('refuses a channel other than PHONE or PROXY and a missing phone, creating nothing', async () => {
    const clerk = await t.staff('clerk')
    const slot = await slotOn(t, item.id, '2026-09-29', '14:30')
    const before = await t.deps.db.appointment.count()
    await expectError(clerk.call('createStaffAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '李', contactPhone: testPhone(), channel: 'APP' as never } }), 400, 'VALIDATION_FAILED')
    await expectError(clerk.call('createStaffAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '李', contactPhone: '123', channel: 'PHONE' } }), 400, 'VALIDATION_FAILED')
    expect(await t.deps.db.appointment.count()).toBe(before)
  })
})

describe('cancelling for a resident', () => {
  it('needs a reason; stores it, audits it and tells an app resident', async () => {
    const clerk = await t.staff('clerk')
    const resident = await t.resident()
    const a = await book(resident.call, await slotOn(t, item.id, '2026-09-29', '15:00'), item)
    const e = await expectError(clerk.call('cancelStaffAppointment', { params: { id: a.id }, body: { reason: '' } }), 400, 'VALIDATION_FAILED')
    expect(e.message).toContain('取消原因')
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('BOOKED')
    const c = await clerk.call('cancelStaffAppointment', { params: { id: a.id }, body: { reason: '群众来电改期' } })
    expect(c).toMatchObject({ status: 'CANCELLED', cancelReason: '群众来电改期' })
    const msg = (await resident.call('listMessages')).items.find((m) => m.kind === 'BOOKING_CANCELLED')
    expect(msg?.body).toContain('群众来电改期')
    const audit = await t.deps.db.auditLog.findFirstOrThrow({ where: { targetId: a.id, action: 'appointment.cancel_on_behalf' } })
    expect(audit.detail).toMatchObject({ reason: '群众来电改期' })
    // Cancelled already: refused, nothing changes.
    await expectError(clerk.call('cancelStaffAppointment', { params: { id: a.id }, body: { reason: '再次取消' } }), 422, 'INVALID_STATE')
  })

  it('cancels a phone booking (no app account) and frees the seat so the same phone may book again', async () => {
    const clerk = await t.staff('clerk')
    const phone = testPhone()
    const slot = await slotOn(t, item.id, '2026-09-29', '16:00')
    const a = await clerk.call('createStaffAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '林伯', contactPhone: phone, channel: 'PHONE' } })
    const messages = await t.deps.db.notification.count()
    await clerk.call('cancelStaffAppointment', { params: { id: a.id }, body: { reason: '家属来电取消' } })
    expect(await t.deps.db.notification.count()).toBe(messages)
    const again = await clerk.call('createStaffAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '林伯', contactPhone: phone, channel: 'PHONE' } })
    expect(again.status).toBe('BOOKED')
  })
})
