// 审计日志 viewer: filters by staff member, action, target type and date range (Shanghai days), facets for the
// pickers, always inside the reader's subtree; bad filters are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createStaff, expectError, type TestApp } from '../support/app'
import { MONDAY, demoItem, slotOn, testPhone } from '../support/booking'

let t: TestApp

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  const heshan = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206002' } })
  await createStaff(t.deps, 'hs-admin', 'ADMIN', heshan.id)
  const item = await demoItem(t, 'HL-HJ-001')
  const clerk = await t.staff('clerk')
  await clerk.call('createStaffAppointment', { body: { slotId: (await slotOn(t, item.id, '2026-09-29', '09:00')).id, serviceItemId: item.id, contactName: '陈阿婆', contactPhone: testPhone(), channel: 'PHONE' } })
  t.deps.clock.freeze('2026-09-29T10:00:00+08:00')
  const c2 = await t.staff('clerk')
  await c2.call('createStaffAppointment', { body: { slotId: (await slotOn(t, item.id, '2026-09-30', '09:00')).id, serviceItemId: item.id, contactName: '林伯', contactPhone: testPhone(), channel: 'PROXY' } })
})
afterAll(async () => { await t.close() })

describe('audit viewer', () => {
  it('filters by staff member, action, target type and day', async () => {
    const reviewer = await t.staff('reviewer')
    const clerkId = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk' } })).id
    const byClerk = await reviewer.call('listAudit', { query: { actorId: clerkId, limit: 100 } })
    expect(byClerk.items.length).toBeGreaterThanOrEqual(2)
    expect(byClerk.items.every((e) => e.actorId === clerkId)).toBe(true)
    const booked = await reviewer.call('listAudit', { query: { action: 'appointment.book_on_behalf', targetType: 'Appointment' } })
    expect(booked.items).toHaveLength(2)
    // Entries carry the real time of the action (not the business clock): filter on the day they were written.
    const day = booked.items[0]!.createdAt.slice(0, 10)
    const prev = new Date(Date.parse(`${day}T12:00:00+08:00`) - 86400_000).toISOString().slice(0, 10)
    const next = new Date(Date.parse(`${day}T12:00:00+08:00`) + 86400_000).toISOString().slice(0, 10)
    expect((await reviewer.call('listAudit', { query: { action: 'appointment.book_on_behalf', from: day, to: day } })).items).toHaveLength(2)
    expect((await reviewer.call('listAudit', { query: { action: 'appointment.book_on_behalf', to: prev } })).items).toHaveLength(0)
    expect((await reviewer.call('listAudit', { query: { action: 'appointment.book_on_behalf', from: next } })).items).toHaveLength(0)
  })

  it('offers the pickers from the reader\'s subtree only', async () => {
    const admin = await t.staff('admin')
    const f = await admin.call('listAuditFacets')
    expect(f.actions).toContain('appointment.book_on_behalf')
    expect(f.targetTypes).toContainEqual({ key: 'Appointment', label: '预约' })
    expect(f.actors.map((a) => a.username)).toContain('clerk')
    expect(f.actors.map((a) => a.username)).not.toContain('hs-admin')
    const other = await t.staff('hs-admin')
    expect((await other.call('listAudit', { query: { action: 'appointment.book_on_behalf' } })).items).toEqual([])
    expect((await other.call('listAuditFacets')).actors.map((a) => a.username)).toEqual(['hs-admin'])
  })

  it('refuses bad filters and other roles', async () => {
    const admin = await t.staff('admin')
    const e = await expectError(admin.call('listAudit', { query: { from: '2026-09-30', to: '2026-09-28' } }), 400, 'VALIDATION_FAILED')
    expect(e.message).toContain('结束日期不能早于开始日期')
    await expectError(admin.call('listAudit', { query: { from: '2026-02-30' } }), 400, 'VALIDATION_FAILED')
    await expectError((await t.staff('clerk')).call('listAuditFacets'), 403, 'FORBIDDEN')
  })
})
