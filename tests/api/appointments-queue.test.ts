// At the hall: check-in and queue numbers (also under concurrency), call next, complete, manual no-show with the
// suspension policy, end-of-day list, bookings on a resident's behalf, slot capacity and closing, org scoping.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, createStaff, expectError, type TestApp } from '../support/app'
import { MONDAY, book, demoItem, setCapacity, slotOn, testPhone } from '../support/booking'

let t: TestApp
let item: Awaited<ReturnType<typeof demoItem>>
let hallId: string

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  item = await demoItem(t, 'HL-HJ-001')
  hallId = (await t.deps.db.hall.findFirstOrThrow({ where: { name: '湖里街道便民服务中心' } })).id
  const heshan = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206002' } })
  await createStaff(t.deps, 'hs-clerk', 'CLERK', heshan.id)
  await createStaff(t.deps, 'editor2', 'EDITOR', heshan.id)
})
afterAll(async () => { await t.close() })
beforeEach(() => { t.deps.clock.freeze(MONDAY) })

/** Clock to an instant, then a fresh clerk session (sessions idle out after 30 minutes). */
async function at (iso: string) {
  t.deps.clock.freeze(iso)
  return t.staff('clerk')
}

describe('check-in and queue', () => {
  it('gives unique, ordered queue numbers per hall and day even with 20 concurrent check-ins', async () => {
    const slot = await slotOn(t, item.id, '2026-09-28', '16:30')
    await setCapacity(t, slot.id, 25)
    const residents = await Promise.all(Array.from({ length: 20 }, () => t.resident()))
    const booked = await Promise.all(residents.map((r) => book(r.call, slot, item)))
    const clerk = await t.staff('clerk')
    const results = await Promise.all(booked.map((a) => clerk.call('checkInAppointment', { params: { id: a.id } })))
    const numbers = results.map((r) => r.queueNumber!).sort()
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`))
    expect(results.every((r) => r.status === 'CHECKED_IN')).toBe(true)
    // A second scan of the same code returns the same number.
    const again = await clerk.call('checkInByCode', { body: { hallId, code: booked[0]!.code } })
    expect(again.queueNumber).toBe(results[0]!.queueNumber)
    const rows = await t.deps.db.appointment.findMany({ where: { hallId, date: '2026-09-28', queueSeq: { not: null } }, select: { queueSeq: true } })
    expect(new Set(rows.map((r) => r.queueSeq)).size).toBe(rows.length)
    expect(await t.deps.db.auditLog.count({ where: { action: 'appointment.check_in' } })).toBeGreaterThanOrEqual(20)
  }, 60_000)

  it('calls the lowest waiting number next, completes it, and only checks in today’s bookings', async () => {
    const r1 = await t.resident()
    const r2 = await t.resident()
    const a1 = await book(r1.call, await slotOn(t, item.id, '2026-09-28', '14:30'), item)
    const a2 = await book(r2.call, await slotOn(t, item.id, '2026-09-28', '14:30'), item)
    const clerk = await at('2026-09-28T14:20:00+08:00')
    const c2 = await clerk.call('checkInByCode', { body: { hallId, code: a2.code } })
    const c1 = await clerk.call('checkInByCode', { body: { hallId, code: a1.code } })
    expect(Number(c1.queueNumber!.slice(1))).toBe(Number(c2.queueNumber!.slice(1)) + 1)
    // Earlier tests may have left people waiting; call until ours come up, in order.
    const called: string[] = []
    for (let i = 0; i < 40 && called.length < 2; i++) {
      const next = await clerk.call('callNext', { params: { id: hallId }, body: {} })
      if (!next.item) break
      if ([a1.id, a2.id].includes(next.item.id)) called.push(next.item.id)
    }
    expect(called).toEqual([a2.id, a1.id])
    const done = await clerk.call('completeAppointment', { params: { id: a2.id } })
    expect(done.status).toBe('DONE')
    expect(done.doneAt).toBeTruthy()
    expect((await r2.call('getAppointment', { params: { id: a2.id } })).status).toBe('DONE')
    await expectError(clerk.call('completeAppointment', { params: { id: a2.id } }), 422, 'INVALID_STATE')
    const r3 = await t.resident()
    const tomorrow = await book(r3.call, await slotOn(t, item.id, '2026-09-29', '14:30'), item)
    const e = await expectError(clerk.call('checkInAppointment', { params: { id: tomorrow.id } }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/当天/)
    const unused = ['000000', '000001', '000002'].find((c) => c !== a1.code && c !== a2.code)!
    await expectError(clerk.call('checkInByCode', { body: { hallId, code: unused } }), 404, 'NOT_FOUND')
    await expectError(clerk.call('checkInByCode', { body: { hallId, code: '12ab' } }), 400, 'VALIDATION_FAILED')
    const empty = await clerk.call('callNext', { params: { id: hallId }, body: {} })
    expect(empty.item === null || empty.item.status === 'CALLED').toBe(true)
  })

  it('call-next by window only takes what that window handles', async () => {
    const hall = await t.deps.db.hall.findUniqueOrThrow({ where: { id: hallId }, include: { windows: true } })
    const social = hall.windows.find((w) => w.number === '1')! // 社会保障 / 就业创业
    const r = await t.resident()
    const a = await book(r.call, await slotOn(t, item.id, '2026-09-28', '15:00'), item) // 户籍居住: windows 3 and 4
    const clerk = await at('2026-09-28T14:55:00+08:00')
    await clerk.call('checkInAppointment', { params: { id: a.id } })
    for (let i = 0; i < 40; i++) {
      const next = await clerk.call('callNext', { params: { id: hallId }, body: { windowId: social.id } })
      if (!next.item) break
      expect(next.item.id).not.toBe(a.id)
    }
    const w3 = hall.windows.find((w) => w.number === '3')!
    let got = null
    for (let i = 0; i < 40 && !got; i++) {
      const next = await clerk.call('callNext', { params: { id: hallId }, body: { windowId: w3.id } })
      if (!next.item) break
      if (next.item.id === a.id) got = next.item
    }
    expect(got).toMatchObject({ status: 'CALLED', windowId: w3.id, windowName: '户籍居住窗口' })
  })
})

describe('no-show policy', () => {
  it('is manual only, after the slot starts; the configured number of no-shows suspends booking, late cancels never do', async () => {
    const admin = await t.staff('admin')
    await admin.call('updateSettings', { body: { booking: { noShowLimit: 3 } } })
    expect((await t.deps.settings.get()).booking.noShowLimit).toBe(3)
    const r = await t.resident('no-show-resident')
    const item2 = await demoItem(t, 'HL-HJ-002')
    // Three late cancels: counted separately, no suspension.
    for (const start of ['09:00', '09:30', '09:00']) {
      const a = await book(r.call, await slotOn(t, item2.id, '2026-09-28', start), item2)
      expect((await r.call('cancelAppointment', { params: { id: a.id } })).status).toBe('LATE_CANCELLED')
    }
    const days = ['2026-09-28', '2026-09-29', '2026-09-30']
    const booked = []
    for (const d of days) booked.push(await book(r.call, await slotOn(t, item.id, d, '11:00'), item))
    let clerk = await t.staff('clerk')
    const early = await expectError(clerk.call('noShowAppointment', { params: { id: booked[0]!.id } }), 422, 'INVALID_STATE')
    expect(early.message).toMatch(/尚未开始/)
    for (const [i, d] of days.entries()) {
      clerk = await at(`${d}T11:40:00+08:00`)
      const ns = await clerk.call('noShowAppointment', { params: { id: booked[i]!.id } })
      expect(ns.status).toBe('NO_SHOW')
      const me = await r.call('getMe')
      const until = me.type === 'resident' ? me.resident.suspendedUntil : 'staff'
      if (i < 2) expect(until).toBeNull()
      else expect(until).toBe('2026-10-30T11:40:00.000+08:00')
    }
    const next = await slotOn(t, item.id, '2026-10-08', '09:00')
    const e = await expectError(book(r.call, next, item), 403, 'SUSPENDED')
    expect(e.message).toContain('2026-10-30')
    expect(e.details).toMatchObject({ suspendedUntil: '2026-10-30T11:40:00.000+08:00' })
    const msgs = await r.call('listMessages')
    expect(msgs.items.map((m) => m.kind)).toContain('NO_SHOW_SUSPENDED')
    expect(await t.deps.db.auditLog.count({ where: { action: 'appointment.no_show', targetId: { in: booked.map((b) => b.id) } } })).toBe(3)
    // The suspension ends on its date.
    t.deps.clock.freeze('2026-10-30T12:00:00+08:00')
    await t.jobs.runAll() // the daily slot job fills the new booking horizon
    const later = (await t.anon('listServiceItemSlots', { params: { id: item.id } })).items[0]!
    const again = await t.resident('no-show-resident') // the 30-day token has expired meanwhile
    expect((await book(again.call, later, item)).status).toBe('BOOKED')
    await t.deps.settings.update({ booking: { ...(await t.deps.settings.get()).booking, noShowLimit: 2 } }, null)
  })

  it('never marks anything no-show by itself: the end-of-day list shows what is unresolved', async () => {
    const r = await t.resident()
    const a = await book(r.call, await slotOn(t, item.id, '2026-09-29', '15:30'), item)
    const clerk = await at('2026-09-29T18:00:00+08:00')
    await t.jobs.runAll()
    const list = await clerk.call('listUnresolvedAppointments', { query: { date: '2026-09-29', hallId } })
    const mine = list.items.find((x) => x.id === a.id)
    expect(mine?.status).toBe('BOOKED')
    expect(list.items.every((x) => ['BOOKED', 'CHECKED_IN', 'CALLED'].includes(x.status))).toBe(true)
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('BOOKED')
  })
})

describe('on behalf of residents, slot management and scoping', () => {
  it('books by phone (电话预约) with the channel recorded, one per phone per item per day', async () => {
    const clerk = await t.staff('clerk')
    const phone = testPhone()
    const slot = await slotOn(t, item.id, '2026-10-08', '14:30')
    const a = await clerk.call('createStaffAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '陈阿婆', contactPhone: phone, channel: 'PHONE' } })
    expect(a).toMatchObject({ status: 'BOOKED', channel: 'PHONE', contactPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}` })
    const row = await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })
    expect(row).toMatchObject({ residentId: null, channel: 'PHONE', bookedById: expect.any(String) })
    await expectError(clerk.call('createStaffAppointment', { body: { slotId: (await slotOn(t, item.id, '2026-10-08', '15:00')).id, serviceItemId: item.id, contactName: '陈阿婆', contactPhone: phone, channel: 'PROXY' } }), 409, 'DUPLICATE')
    const proxy = await clerk.call('createStaffAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '林伯', contactPhone: testPhone(), channel: 'PROXY' } })
    expect(proxy.channel).toBe('PROXY')
    const cancelled = await clerk.call('cancelStaffAppointment', { params: { id: a.id }, body: { reason: '群众来电取消' } })
    expect(cancelled.status).toBe('CANCELLED')
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: { in: [a.id, proxy.id] } } })).map((x) => x.action).sort()
    expect(actions).toEqual(['appointment.book_on_behalf', 'appointment.book_on_behalf', 'appointment.cancel_on_behalf'])
  })

  it('capacity never goes below what is booked; closing a slot cancels its bookings and notifies the residents', async () => {
    const clerk = await t.staff('clerk')
    const slot = await slotOn(t, item.id, '2026-10-09', '16:00')
    const r1 = await t.resident()
    const r2 = await t.resident()
    const a1 = await book(r1.call, slot, item)
    await book(r2.call, slot, item)
    const e = await expectError(clerk.call('updateSlot', { params: { id: slot.id }, body: { capacity: 1 } }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/2 人/)
    expect((await clerk.call('updateSlot', { params: { id: slot.id }, body: { capacity: 2 } })).remaining).toBe(0)
    const closed = await clerk.call('updateSlot', { params: { id: slot.id }, body: { closed: true, reason: '系统升级' } })
    expect(closed).toMatchObject({ closed: true, closedReason: '系统升级', booked: 0, cancelled: 2 })
    expect((await r1.call('getAppointment', { params: { id: a1.id } })).status).toBe('CANCELLED')
    const msg = (await r1.call('listMessages')).items.find((m) => m.kind === 'SLOT_CLOSED')
    expect(msg?.body).toContain('系统升级')
    expect((await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2026-10-09', to: '2026-10-09' } })).items.map((s) => s.id)).not.toContain(slot.id)
    await expectError(book(r1.call, slot, item), 409, 'SLOT_FULL')
    const day = await clerk.call('listStaffSlots', { query: { hallId, date: '2026-10-09' } })
    expect(day.items.find((s) => s.id === slot.id)).toMatchObject({ closed: true })
    expect(await t.deps.db.auditLog.count({ where: { action: 'slot.close', targetId: slot.id } })).toBe(1)
  })

  it('staff of another org get 404 for this hall’s appointments, slots and queue; other roles get 403', async () => {
    const r = await t.resident()
    const a = await book(r.call, await slotOn(t, item.id, '2026-09-28', '15:30'), item)
    const outsider = await t.staff('hs-clerk')
    await expectError(outsider.call('checkInAppointment', { params: { id: a.id } }), 404, 'NOT_FOUND')
    await expectError(outsider.call('checkInByCode', { body: { hallId, code: a.code } }), 404, 'NOT_FOUND')
    await expectError(outsider.call('noShowAppointment', { params: { id: a.id } }), 404, 'NOT_FOUND')
    await expectError(outsider.call('callNext', { params: { id: hallId }, body: {} }), 404, 'NOT_FOUND')
    await expectError(outsider.call('listStaffAppointments', { query: { hallId } }), 404, 'NOT_FOUND')
    await expectError(outsider.call('updateSlot', { params: { id: a.slotId }, body: { closed: true } }), 404, 'NOT_FOUND')
    await expectError(outsider.call('createStaffAppointment', { body: { slotId: a.slotId, serviceItemId: item.id, contactName: '某某', contactPhone: testPhone(), channel: 'PHONE' } }), 404, 'NOT_FOUND')
    expect((await outsider.call('listStaffAppointments')).items).toEqual([])
    const editor = await t.staff('editor2')
    await expectError(editor.call('listStaffAppointments'), 403, 'FORBIDDEN')
    await expectError(r.call('listStaffAppointments'), 403, 'FORBIDDEN')
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('BOOKED')
    const clerk = await t.staff('clerk')
    const list = await clerk.call('listStaffAppointments', { query: { hallId, date: '2026-09-28', limit: 100 } })
    expect(list.items.map((x) => x.id)).toContain(a.id)
    expect(list.counts.BOOKED).toBeGreaterThan(0)
  })
})
