// Booking rules over real HTTP and a real database: capacity under concurrency, one booking per item per day,
// Idempotency-Key replay, the bookable window, cancel / late cancel, atomic reschedule, privacy of others' data.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@bianmin/shared'
import { startTestApp, expectError, type TestApp } from '../support/app'
import { metrics } from '../../server/src/platform/metrics'
import { MONDAY, book, bookingBody, demoItem, setCapacity, slotOn, testPhone } from '../support/booking'

let t: TestApp
let item: Awaited<ReturnType<typeof demoItem>>
let other: Awaited<ReturnType<typeof demoItem>>

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  item = await demoItem(t, 'HL-HJ-001')
  other = await demoItem(t, 'HL-HJ-002')
})
afterAll(async () => { await t.close() })
beforeEach(() => { t.deps.clock.freeze(MONDAY) })

describe('capacity', () => {
  it('60 concurrent bookings on a 5-seat slot: exactly 5 succeed, the rest 409 SLOT_FULL, no 5xx', async () => {
    const slot = await slotOn(t, item.id, '2026-09-29', '09:00')
    await setCapacity(t, slot.id, 5)
    const residents = await Promise.all(Array.from({ length: 60 }, () => t.resident()))
    const conflictsBefore = (await metrics.bookingConflicts.get()).values[0]?.value ?? 0
    const results = await Promise.allSettled(residents.map((r) => book(r.call, slot, item)))
    const ok = results.filter((r) => r.status === 'fulfilled')
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ApiError] : []))
    expect(ok).toHaveLength(5)
    expect(errors).toHaveLength(55)
    expect(errors.every((e) => e instanceof ApiError && e.status === 409 && e.code === 'SLOT_FULL')).toBe(true)
    expect(errors[0]!.message).toMatch(/约满/)
    // Each refusal is counted for /metrics.
    expect((await metrics.bookingConflicts.get()).values[0]?.value).toBe(conflictsBefore + 55)
    const row = await t.deps.db.slot.findUniqueOrThrow({ where: { id: slot.id } })
    expect(row.booked).toBe(5)
    expect(await t.deps.db.appointment.count({ where: { slotId: slot.id, status: 'BOOKED' } })).toBe(5)
    const codes = ok.map((r) => (r as PromiseFulfilledResult<{ code: string }>).value.code)
    expect(new Set(codes).size).toBe(5)
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    expect((await slotOn(t, item.id, '2026-09-29', '09:00')).remaining).toBe(0)
  }, 60_000)

  it('lists remaining seats and refuses a full slot', async () => {
    const slot = await slotOn(t, item.id, '2026-09-29', '09:30')
    await setCapacity(t, slot.id, 1)
    const a = await t.resident()
    const b = await t.resident()
    await book(a.call, slot, item)
    expect((await slotOn(t, item.id, '2026-09-29', '09:30')).remaining).toBe(0)
    await expectError(book(b.call, slot, item), 409, 'SLOT_FULL')
  })
})

describe('one active booking per resident, item and day', () => {
  it('refuses a second slot the same day for the same item (409 DUPLICATE), allows another item or day', async () => {
    const r = await t.resident()
    await book(r.call, await slotOn(t, item.id, '2026-09-30', '09:00'), item)
    const e = await expectError(book(r.call, await slotOn(t, item.id, '2026-09-30', '14:30'), item), 409, 'DUPLICATE')
    expect(e.message).toMatch(/每天只能预约一次/)
    await book(r.call, await slotOn(t, other.id, '2026-09-30', '14:30'), other)
    await book(r.call, await slotOn(t, item.id, '2026-10-08', '09:00'), item)
    expect(await t.deps.db.appointment.count({ where: { residentId: r.id } })).toBe(3)
  })

  it('holds under concurrency: 10 parallel attempts by one resident give one booking', async () => {
    const r = await t.resident()
    const slots = (await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2026-09-30', to: '2026-09-30' } })).items
    const seatsOf = async () => (await t.deps.db.slot.aggregate({ where: { id: { in: slots.map((s) => s.id) } }, _sum: { booked: true } }))._sum.booked
    const before = await seatsOf()
    const results = await Promise.allSettled(slots.map((s) => book(r.call, s, item)))
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1)
    const codes = results.flatMap((x) => (x.status === 'rejected' ? [(x.reason as ApiError).code] : []))
    expect(new Set(codes)).toEqual(new Set(['DUPLICATE']))
    expect(await t.deps.db.appointment.count({ where: { residentId: r.id } })).toBe(1)
    expect(await seatsOf()).toBe(before! + 1)
  })
})

describe('Idempotency-Key', () => {
  it('replays the first result for the same key and body, refuses the same key with another body', async () => {
    const r = await t.resident()
    const slot = await slotOn(t, item.id, '2026-10-08', '10:00')
    const body = bookingBody(slot, item)
    const headers = { 'Idempotency-Key': 'retry-abc-001' }
    const first = await r.call('createAppointment', { body, headers })
    const again = await r.call('createAppointment', { body, headers })
    expect(again).toEqual(first)
    expect(await t.deps.db.appointment.count({ where: { residentId: r.id } })).toBe(1)
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(1)
    const e = await expectError(r.call('createAppointment', { body: { ...body, contactName: '王五' }, headers }), 409, 'CONFLICT')
    expect(e.message).toMatch(/Idempotency-Key/)
    await expectError(r.call('createAppointment', { body, headers: { 'Idempotency-Key': 'bad key!' } }), 400, 'VALIDATION_FAILED')
  })

  it('concurrent retries with one key create one booking and all get it', async () => {
    const r = await t.resident()
    const slot = await slotOn(t, item.id, '2026-10-08', '10:30')
    const body = bookingBody(slot, item)
    const results = await Promise.all(Array.from({ length: 8 }, () => r.call('createAppointment', { body, headers: { 'Idempotency-Key': 'same-key-8' } })))
    expect(new Set(results.map((x) => x.id)).size).toBe(1)
    expect(await t.deps.db.appointment.count({ where: { residentId: r.id } })).toBe(1)
  })

  it('keys are per resident, and a failed attempt is not stored (its retry runs again)', async () => {
    const a = await t.resident()
    const b = await t.resident()
    const slot = await slotOn(t, item.id, '2026-10-08', '11:00')
    await setCapacity(t, slot.id, 0)
    const body = bookingBody(slot, item)
    await expectError(a.call('createAppointment', { body, headers: { 'Idempotency-Key': 'k-1' } }), 409, 'SLOT_FULL')
    await setCapacity(t, slot.id, 2)
    const ok = await a.call('createAppointment', { body, headers: { 'Idempotency-Key': 'k-1' } })
    expect(ok.status).toBe('BOOKED')
    const other = await b.call('createAppointment', { body: bookingBody(slot, item), headers: { 'Idempotency-Key': 'k-1' } })
    expect(other.id).not.toBe(ok.id)
  })
})

describe('bookable window', () => {
  it('refuses past slots, slots beyond 7 working days and non-working days with 422 OUT_OF_WINDOW', async () => {
    const r = await t.resident()
    t.deps.clock.freeze('2026-09-28T09:40:00+08:00')
    const past = await t.deps.db.slot.findFirstOrThrow({ where: { date: '2026-09-28', start: '09:00', hall: { name: '湖里街道便民服务中心' } } })
    const e1 = await expectError(book(r.call, past, item), 422, 'OUT_OF_WINDOW')
    expect(e1.details).toMatchObject({ reason: 'PAST' })
    // 今天起 7 个工作日 ends on 10-12 (today is the first): the 8th working day is too far.
    const far = await t.deps.db.slot.findFirstOrThrow({ where: { date: '2026-10-13', hall: { name: '湖里街道便民服务中心' } } })
    const e2 = await expectError(book(r.call, far, item), 422, 'OUT_OF_WINDOW')
    expect(e2.message).toMatch(/7 个工作日/)
    expect(e2.details).toMatchObject({ reason: 'TOO_FAR', lastBookableDate: '2026-10-12' })
    // A slot left on a day that has since become a holiday (admin override).
    const slot = await slotOn(t, item.id, '2026-10-12', '09:00')
    t.deps.calendar.setOverride('2026-10-12', false)
    try {
      const e3 = await expectError(book(r.call, slot, item), 422, 'OUT_OF_WINDOW')
      expect(e3.details).toMatchObject({ reason: 'NOT_WORKDAY' })
    } finally { t.deps.calendar.setOverride('2026-10-12', null) }
    expect(await t.deps.db.appointment.count({ where: { residentId: r.id } })).toBe(0)
  })

  it('validates the form in Chinese and changes nothing', async () => {
    const r = await t.resident()
    const slot = await slotOn(t, item.id, '2026-10-09', '15:00')
    const e = await expectError(r.call('createAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: ' ', contactPhone: '12345' } }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors()).toMatchObject({ contactName: '请填写姓名', contactPhone: '请输入正确的 11 位手机号码' })
    await expectError(book(r.call, { id: 'no-such-slot' }, item), 404, 'NOT_FOUND')
    // The community station handles 养老服务 but not 户籍居住.
    const elderly = await demoItem(t, 'HL-LN-001')
    const station = (await t.anon('listServiceItemSlots', { params: { id: elderly.id } })).items.find((s) => s.hallName.includes('东荣'))!
    await expectError(book(r.call, station, item), 422, 'INVALID_STATE')
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0)
  })
})

describe('cancel and reschedule', () => {
  it('cancel frees the seat and allows booking the item again the same day', async () => {
    const slot = await slotOn(t, item.id, '2026-10-09', '09:00')
    await setCapacity(t, slot.id, 1)
    const a = await t.resident()
    const b = await t.resident()
    const mine = await book(a.call, slot, item)
    await expectError(book(b.call, slot, item), 409, 'SLOT_FULL')
    const c = await a.call('cancelAppointment', { params: { id: mine.id } })
    expect(c.status).toBe('CANCELLED')
    expect(c.cancelledAt).toBeTruthy()
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0)
    await book(b.call, slot, item)
    await expectError(a.call('cancelAppointment', { params: { id: mine.id } }), 422, 'INVALID_STATE')
    await book(a.call, await slotOn(t, item.id, '2026-10-09', '09:30'), item)
  })

  it('within the cutoff (2 h before) a cancel is a late cancel; it still frees the seat', async () => {
    const r = await t.resident()
    const slot = await slotOn(t, item.id, '2026-09-28', '09:30')
    const a = await book(r.call, slot, item)
    expect(a.cancelDeadline).toBe('2026-09-28T07:30:00.000+08:00')
    const c = await r.call('cancelAppointment', { params: { id: a.id } })
    expect(c.status).toBe('LATE_CANCELLED')
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0)
    const early = await book(r.call, await slotOn(t, item.id, '2026-09-28', '14:30'), item)
    expect((await r.call('cancelAppointment', { params: { id: early.id } })).status).toBe('CANCELLED')
  })

  it('reschedule moves the booking atomically; if the new slot is full the old one stays', async () => {
    const r = await t.resident()
    const from = await slotOn(t, item.id, '2026-10-10', '09:00')
    const full = await slotOn(t, item.id, '2026-10-10', '09:30')
    const to = await slotOn(t, item.id, '2026-10-10', '10:00')
    await setCapacity(t, full.id, 0)
    const a = await book(r.call, from, item)
    await expectError(r.call('rescheduleAppointment', { params: { id: a.id }, body: { slotId: full.id } }), 409, 'SLOT_FULL')
    expect((await r.call('getAppointment', { params: { id: a.id } })).status).toBe('BOOKED')
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: from.id } })).booked).toBe(1)
    const moved = await r.call('rescheduleAppointment', { params: { id: a.id }, body: { slotId: to.id } })
    expect(moved).toMatchObject({ status: 'BOOKED', slotId: to.id, start: '10:00' })
    expect(moved.id).not.toBe(a.id)
    expect((await r.call('getAppointment', { params: { id: a.id } })).status).toBe('CANCELLED')
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: from.id } })).booked).toBe(0)
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: to.id } })).booked).toBe(1)
    await expectError(r.call('rescheduleAppointment', { params: { id: a.id }, body: { slotId: from.id } }), 422, 'INVALID_STATE')
  })
})

describe('privacy', () => {
  it("another resident gets 404 for my appointment, and never sees it in a list", async () => {
    const me = await t.resident()
    const stranger = await t.resident()
    const a = await book(me.call, await slotOn(t, item.id, '2026-10-12', '09:00'), item)
    await expectError(stranger.call('getAppointment', { params: { id: a.id } }), 404, 'NOT_FOUND')
    await expectError(stranger.call('cancelAppointment', { params: { id: a.id } }), 404, 'NOT_FOUND')
    await expectError(stranger.call('rescheduleAppointment', { params: { id: a.id }, body: { slotId: (await slotOn(t, item.id, '2026-10-12', '09:30')).id } }), 404, 'NOT_FOUND')
    expect((await stranger.call('listAppointments')).items).toEqual([])
    expect((await me.call('getAppointment', { params: { id: a.id } })).status).toBe('BOOKED')
    await expectError(t.anon('listAppointments'), 401, 'UNAUTHENTICATED')
  })

  it('encrypts the phone at rest, masks it in every answer and keeps it out of the logs', async () => {
    const r = await t.resident()
    const phone = testPhone()
    const a = await book(r.call, await slotOn(t, item.id, '2026-10-12', '10:00'), item, { contactPhone: phone })
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
    expect(a.contactPhone).toBe(masked)
    expect((await r.call('listAppointments')).items[0]!.contactPhone).toBe(masked)
    expect((await r.call('getAppointment', { params: { id: a.id } })).contactPhone).toBe(masked)
    const row = await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })
    expect(row.contactPhoneEnc).not.toContain(phone)
    expect(row.contactPhoneEnc).toMatch(/^v\d+\./)
    expect(t.deps.cipher.decrypt(row.contactPhoneEnc)).toBe(phone)
    const clerk = await t.staff('clerk')
    const staffList = await clerk.call('listStaffAppointments', { query: { date: '2026-10-12' } })
    const seen = staffList.items.find((x) => x.id === a.id)!
    expect(seen.contactPhone).toBe(masked)
    expect(JSON.stringify(staffList)).not.toContain(phone)
    expect(t.logs.join('\n')).not.toContain(phone)
  })

  it('lists my appointments newest first with a cursor, and shows the code with a QR code', async () => {
    const r = await t.resident()
    for (const [what, d, s] of [[item, '2026-10-12', '09:00'], [other, '2026-10-12', '09:00'], [item, '2026-10-09', '14:30']] as const) {
      await book(r.call, await slotOn(t, what.id, d, s), what)
      t.deps.clock.advance(1000)
    }
    const p1 = await r.call('listAppointments', { query: { limit: 2 } })
    expect(p1.items).toHaveLength(2)
    const p2 = await r.call('listAppointments', { query: { limit: 2, cursor: p1.nextCursor! } })
    expect(p2.items).toHaveLength(1)
    expect(p2.nextCursor).toBeNull()
    expect(p1.items[0]!.date).toBe('2026-10-09')
    const d = await r.call('getAppointment', { params: { id: p1.items[0]!.id } })
    expect(d.qrPayload).toContain(`code=${d.code}`)
    expect(d.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(d).toMatchObject({ hallName: '湖里街道便民服务中心', serviceItemName: item.name, channel: 'APP', canCancel: true })
  })
})
