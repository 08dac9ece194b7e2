// 服务管理: halls, windows and the items each handles, the full 办事指南 editor (the public guide follows at once),
// weekly templates, generation with a preview, closing and reopening a whole day, deleting only what has no history.
// Admins act in their own subtree (404 elsewhere); every change audited; every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { bookingBody } from '../support/booking'
import { snapshotter, diffSnapshots, type Snapshotter } from '../support/snapshot'

let t: TestApp
let snap: Snapshotter
let street: { id: string; path: string }
type Admin = Awaited<ReturnType<TestApp['staff']>>
let admin: Admin

const MONDAY = '2026-11-23T09:00:00+08:00'

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY })
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  const other = await createOrg(t.deps, '另一街道', 'STREET', district)
  await createStaff(t.deps, 'cadmin', 'ADMIN', street.id)
  await createStaff(t.deps, 'oadmin', 'ADMIN', other.id)
  await createStaff(t.deps, 'cclerk', 'CLERK', street.id)
  admin = await t.staff('cadmin')
  snap = await snapshotter(t.deps.config.databaseUrl)
})
afterAll(async () => { await snap?.close(); await t?.close() })

/** Runs a refused call and checks that no table changed. */
async function refusedUnchanged (p: () => Promise<unknown>, status: number, code: string) {
  const before = await snap.take()
  const err = await expectError(p(), status, code)
  expect(diffSnapshots(before, await snap.take())).toEqual([])
  return err
}

const guide = {
  code: 'CS-JZ-001', name: '居住证办理', category: '户籍居住', description: '来厦居住半年以上的人员申领居住证',
  conditions: '在本街道居住满半年，有合法稳定就业、住所或连续就读', legalBasis: '《居住证暂行条例》第九条',
  materials: [
    { name: '居民身份证', form: 'ORIGINAL' as const, copies: 1 },
    { name: '居住证明（租赁合同）', form: 'COPY' as const, copies: 2, note: '需房东签字' },
  ],
  timeLimitDays: 15, feeFen: 0, fullyOnline: false, maxOneVisit: true, bookable: true, homeVisit: true,
}

async function setUp () {
  const hall = await admin.call('createHall', { body: { orgId: street.id, name: '测试街道便民服务中心', address: '测试路1号', phone: '0592-5551234', openHours: '周一至周五 9:00-17:00', queuePrefix: 'C' } })
  const item = await admin.call('createServiceItem', { body: { orgId: street.id, ...guide } })
  const window = await admin.call('createWindow', { body: { hallId: hall.id, number: '1', name: '综合窗口', serviceItemIds: [item.id] } })
  return { hall, item, window }
}

describe('halls, windows and the 办事指南', () => {
  it('creates them with every field; the public guide and its QR follow each change at once; audited', async () => {
    const { hall, item, window } = await setUp()
    expect(hall).toMatchObject({ name: '测试街道便民服务中心', phone: '0592-5551234', openHours: '周一至周五 9:00-17:00', queuePrefix: 'C', active: true })
    expect(window.serviceItemIds).toEqual([item.id])
    expect(item.materials).toEqual(guide.materials)

    const pub = await t.anon('getServiceItem', { params: { id: item.id } })
    expect(pub).toMatchObject({ code: 'CS-JZ-001', conditions: guide.conditions, legalBasis: guide.legalBasis, timeLimitDays: 15, feeText: '不收费', homeVisit: true, maxOneVisit: true })
    expect(pub.materials[1]).toEqual({ name: '居住证明（租赁合同）', form: 'COPY', copies: 2, note: '需房东签字' })
    expect(pub.halls).toEqual([expect.objectContaining({ id: hall.id, windows: [{ id: window.id, name: '综合窗口', number: '1' }] })])
    expect(pub.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)

    await admin.call('updateServiceItem', { params: { id: item.id }, body: { feeFen: 1000, feeText: null, fullyOnline: true, maxOneVisit: false, materials: [{ name: '居民身份证', form: 'BOTH', copies: 1 }] } })
    const after = await t.anon('getServiceItem', { params: { id: item.id } })
    expect(after).toMatchObject({ feeText: '10.00 元', fullyOnline: true, maxOneVisit: false, materials: [{ name: '居民身份证', form: 'BOTH', copies: 1 }] })
    expect((await admin.call('getStaffServiceItem', { params: { id: item.id } })).feeFen).toBe(1000)

    await admin.call('updateWindow', { params: { id: window.id }, body: { serviceItemIds: [] } })
    expect((await t.anon('getServiceItem', { params: { id: item.id } })).halls).toEqual([])
    await admin.call('updateServiceItem', { params: { id: item.id }, body: { active: false } })
    await expectError(t.anon('getServiceItem', { params: { id: item.id } }), 404, 'NOT_FOUND')
    expect((await admin.call('getStaffServiceItem', { params: { id: item.id } })).active).toBe(false)

    const actions = (await t.deps.db.auditLog.findMany({ where: { actorId: admin.id } })).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['hall.create', 'serviceItem.create', 'window.create', 'serviceItem.update', 'window.update']))
  })

  it('refuses a bad material form, a taken code or window number with Chinese messages, changing nothing', async () => {
    await refusedUnchanged(() => admin.call('createServiceItem', { body: { orgId: street.id, ...guide, code: 'CS-X-1', materials: [{ name: '身份证', form: 'SCAN' as never }] } }), 400, 'VALIDATION_FAILED')
    const e = await refusedUnchanged(() => admin.call('createServiceItem', { body: { orgId: street.id, ...guide } }), 409, 'CONFLICT')
    expect(e.message).toContain('CS-JZ-001')
    const hall = (await admin.call('listStaffHalls')).items[0]!
    await refusedUnchanged(() => admin.call('createWindow', { body: { hallId: hall.id, number: '1', name: '另一个' } }), 409, 'CONFLICT')
  })

  it('keeps admins in their subtree (404) and the catalogue for admins (403)', async () => {
    const other = await t.staff('oadmin')
    const clerk = await t.staff('cclerk')
    const hall = (await admin.call('listStaffHalls')).items[0]!
    const item = (await admin.call('listStaffServiceItems', {})).items[0]!
    await refusedUnchanged(() => other.call('deleteHall', { params: { id: hall.id } }), 404, 'NOT_FOUND')
    await refusedUnchanged(() => other.call('getStaffServiceItem', { params: { id: item.id } }), 404, 'NOT_FOUND')
    await refusedUnchanged(() => other.call('closeSlotDay', { body: { hallId: hall.id, date: '2026-11-30', reason: '停电检修' } }), 404, 'NOT_FOUND')
    await refusedUnchanged(() => other.call('previewSlotGeneration', { body: { hallId: hall.id, from: '2026-11-30', to: '2026-12-04' } }), 404, 'NOT_FOUND')
    await refusedUnchanged(() => clerk.call('deleteServiceItem', { params: { id: item.id } }), 403, 'FORBIDDEN')
    await refusedUnchanged(() => clerk.call('previewSlotGeneration', { body: { hallId: hall.id, from: '2026-11-30', to: '2026-12-04' } }), 403, 'FORBIDDEN')
  })
})

describe('weekly templates, generation with a preview, whole days', () => {
  it('previews what generation creates, closes and leaves alone, then generates exactly that', async () => {
    const hall = (await admin.call('createHall', { body: { orgId: street.id, name: '模板测试中心', address: '测试路2号' } }))
    const item = await admin.call('createServiceItem', { body: { orgId: street.id, ...guide, code: 'CS-TPL-1', name: '模板测试事项' } })
    await admin.call('createWindow', { body: { hallId: hall.id, number: '1', name: '一号窗口', serviceItemIds: [item.id] } })
    // The week grid: Monday to Friday 09:00–09:30 (capacity 2) and 10:00–10:30; then change one and remove one.
    const made: { id: string }[] = []
    for (let wd = 1; wd <= 5; wd++) {
      made.push(await admin.call('createSlotTemplate', { body: { hallId: hall.id, weekday: wd, start: '09:00', end: '09:30', capacity: 2 } }))
      made.push(await admin.call('createSlotTemplate', { body: { hallId: hall.id, weekday: wd, start: '10:00', end: '10:30', capacity: 2 } }))
    }
    await admin.call('updateSlotTemplate', { params: { id: made[0]!.id }, body: { capacity: 5 } })
    await admin.call('deleteSlotTemplate', { params: { id: made[9]!.id } }) // Friday 10:00
    await refusedUnchanged(() => admin.call('updateSlotTemplate', { params: { id: made[1]!.id }, body: { start: '11:00' } }), 400, 'VALIDATION_FAILED')
    expect((await admin.call('listSlotTemplates', { query: { hallId: hall.id } })).items).toHaveLength(9)

    const range = { hallId: hall.id, from: '2026-11-30', to: '2026-12-06' }
    const before = await snap.take()
    const plan = await admin.call('previewSlotGeneration', { body: range })
    expect(diffSnapshots(before, await snap.take())).toEqual([]) // a preview changes nothing
    expect(plan).toMatchObject({ create: 9, close: 0, keep: 0 })
    expect(plan.rows[0]).toMatchObject({ action: 'CREATE', date: '2026-11-30', start: '09:00', capacity: 5, windowName: null })
    expect(plan.rows.some((r) => r.date === '2026-12-04' && r.start === '10:00')).toBe(false)

    expect((await admin.call('generateSlots', { body: range })).created).toBe(9)
    const again = await admin.call('previewSlotGeneration', { body: range })
    expect(again).toMatchObject({ create: 0, close: 0, keep: 9 })
    // A day turned into a holiday: its unbooked slots show as closing.
    t.deps.calendar.setOverride('2026-12-01', false)
    const holiday = await admin.call('previewSlotGeneration', { body: range })
    expect(holiday.rows.filter((r) => r.action === 'CLOSE').map((r) => r.date)).toEqual(['2026-12-01', '2026-12-01'])
    t.deps.calendar.setOverride('2026-12-01', null)

    const days = await admin.call('listSlotDays', { query: range })
    expect(days.items.find((d) => d.date === '2026-11-30')).toMatchObject({ isWorkday: true, slots: 2, open: 2, capacity: 7, booked: 0 })
    expect(days.items.find((d) => d.date === '2026-12-05')).toMatchObject({ isWorkday: false, slots: 0 })
    await refusedUnchanged(() => admin.call('previewSlotGeneration', { body: { hallId: hall.id, from: '2026-12-01', to: '2026-11-30' } }), 400, 'VALIDATION_FAILED')
  })

  it('closes a whole day (bookings cancelled, residents notified) and reopens it; refusals change nothing', async () => {
    const hall = (await admin.call('listStaffHalls')).items.find((h) => h.name === '模板测试中心')!
    const item = (await admin.call('listStaffServiceItems', { query: { q: 'CS-TPL-1' } })).items[0]!
    const slot = (await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2026-11-30', to: '2026-11-30' } })).items[0]!
    const resident = await t.resident('catalogue-day')
    const a = await resident.call('createAppointment', { body: bookingBody(slot, item) })

    const r = await admin.call('closeSlotDay', { body: { hallId: hall.id, date: '2026-11-30', reason: '停电检修' } })
    expect(r).toEqual({ date: '2026-11-30', closed: 2, cancelled: 1 })
    expect((await resident.call('getAppointment', { params: { id: a.id } })).status).toBe('CANCELLED')
    const msg = (await resident.call('listMessages', {})).items.find((m) => m.kind === 'SLOT_CLOSED')!
    expect(msg.body).toContain('停电检修')
    expect((await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2026-11-30', to: '2026-11-30' } })).items).toEqual([])
    expect(await t.deps.db.auditLog.count({ where: { action: 'slot.closeDay', targetId: hall.id } })).toBe(1)

    const again = await refusedUnchanged(() => admin.call('closeSlotDay', { body: { hallId: hall.id, date: '2026-11-30', reason: '停电检修' } }), 422, 'INVALID_STATE')
    expect(again.message).toContain('没有尚未开始的开放时段')
    await refusedUnchanged(() => admin.call('closeSlotDay', { body: { hallId: hall.id, date: '2026-12-01', reason: '' } }), 400, 'VALIDATION_FAILED')
    await refusedUnchanged(() => admin.call('reopenSlotDay', { body: { hallId: hall.id, date: '2026-12-05' } }), 422, 'INVALID_STATE')

    expect(await admin.call('reopenSlotDay', { body: { hallId: hall.id, date: '2026-11-30' } })).toEqual({ date: '2026-11-30', reopened: 2 })
    const open = (await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2026-11-30', to: '2026-11-30' } })).items
    expect(open.map((s) => s.remaining)).toEqual([5, 2]) // the cancelled booking is not restored
    expect(await t.deps.db.auditLog.count({ where: { action: 'slot.reopenDay', targetId: hall.id } })).toBe(1)
  })
})

describe('deleting', () => {
  it('refuses what has history (CONFLICT, Chinese, offers 停用) and deletes what has none', async () => {
    const hall = (await admin.call('listStaffHalls')).items.find((h) => h.name === '模板测试中心')!
    const item = (await admin.call('listStaffServiceItems', { query: { q: 'CS-TPL-1' } })).items[0]!
    const e = await refusedUnchanged(() => admin.call('deleteServiceItem', { params: { id: item.id } }), 409, 'CONFLICT')
    expect(e.message).toBe('该事项已有预约记录，不能删除；如不再使用，请改为停用')
    await refusedUnchanged(() => admin.call('deleteHall', { params: { id: hall.id } }), 409, 'CONFLICT')

    // A template goes; the slots it made stay, with their bookings.
    const tpl = (await admin.call('listSlotTemplates', { query: { hallId: hall.id } })).items[0]!
    const slots = await t.deps.db.slot.count({ where: { hallId: hall.id } })
    await admin.call('deleteSlotTemplate', { params: { id: tpl.id } })
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id } })).toBe(slots)

    // A fresh hall with a window, a template and generated slots but no bookings: deleted with all of it.
    const fresh = await admin.call('createHall', { body: { orgId: street.id, name: '临时服务点', address: '测试路3号' } })
    const freshItem = await admin.call('createServiceItem', { body: { orgId: street.id, ...guide, code: 'CS-TMP-1', name: '临时事项' } })
    const w = await admin.call('createWindow', { body: { hallId: fresh.id, number: '9', name: '临时窗口', serviceItemIds: [freshItem.id] } })
    await admin.call('createSlotTemplate', { body: { hallId: fresh.id, windowId: w.id, weekday: 1, start: '14:00', end: '15:00', capacity: 3 } })
    expect((await admin.call('generateSlots', { body: { hallId: fresh.id, from: '2026-11-30', to: '2026-11-30' } })).created).toBe(1)
    await admin.call('deleteWindow', { params: { id: w.id } })
    expect(await t.deps.db.slot.count({ where: { hallId: fresh.id } })).toBe(0)
    await admin.call('deleteHall', { params: { id: fresh.id } })
    await admin.call('deleteServiceItem', { params: { id: freshItem.id } })
    expect((await admin.call('listStaffHalls')).items.some((h) => h.id === fresh.id)).toBe(false)
    await expectError(admin.call('getStaffServiceItem', { params: { id: freshItem.id } }), 404, 'NOT_FOUND')
    const actions = (await t.deps.db.auditLog.findMany({ where: { action: { endsWith: '.delete' } } })).map((a) => a.action).sort()
    expect(actions).toEqual(['hall.delete', 'serviceItem.delete', 'slotTemplate.delete', 'slotTemplate.delete', 'window.delete'])
  })
})
