// 办事指南 and slots: holiday-aware generation, the bookable window, the guide with its QR code, admin of halls,
// windows, items and templates (org-scoped, audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { MONDAY, demoItem, slotsOf } from '../support/booking'

let t: TestApp

beforeAll(async () => { t = await startTestApp({ clock: MONDAY, demo: true }) })
afterAll(async () => { await t.close() })

describe('slots follow the working-day calendar', () => {
  it('offers 7 working days from today (今天起 7 个工作日): none in the National Day holiday, the 调休 Saturday, no plain weekend', async () => {
    const item = await demoItem(t)
    const r = await t.anon('listServiceItemSlots', { params: { id: item.id } })
    expect(r.dates).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'])
    const dates = new Set(r.items.map((s) => s.date))
    for (let d = 1; d <= 7; d++) expect(dates.has(`2026-10-0${d}`)).toBe(false)
    expect(dates.has('2026-10-10')).toBe(true)
    expect(dates.has('2026-10-11')).toBe(false)
    expect(dates.has('2026-10-03')).toBe(false)
    expect([...dates].every((d) => d <= '2026-10-12')).toBe(true)
    // Nothing past: at 08:00 every slot of today is still ahead; the shape is the documented one.
    const first = r.items[0]!
    expect(first).toMatchObject({ date: '2026-09-28', start: '09:00', end: '09:30', capacity: 3, remaining: 3 })
    expect(first.startsAt).toBe('2026-09-28T09:00:00.000+08:00')
    expect(first.hallName).toBe('湖里街道便民服务中心')
  })

  it('lists exactly booking.maxWorkdaysAhead days, read from the settings', async () => {
    const item = await demoItem(t)
    const admin = await t.staff('admin')
    await admin.call('updateSettings', { body: { booking: { maxWorkdaysAhead: 3 } } })
    try {
      const r = await t.anon('listServiceItemSlots', { params: { id: item.id } })
      expect(r.dates).toEqual(['2026-09-28', '2026-09-29', '2026-09-30'])
      expect(r.workdays).toBe(3)
      expect(r.items.every((s) => s.date <= '2026-09-30')).toBe(true)
      // On a day off the N days start at the next working day.
      t.deps.clock.freeze('2026-10-03T08:00:00+08:00')
      expect((await t.anon('listServiceItemSlots', { params: { id: item.id } })).dates).toEqual(['2026-10-08', '2026-10-09', '2026-10-10'])
    } finally {
      t.deps.clock.freeze(MONDAY)
      await admin.call('updateSettings', { body: { booking: { maxWorkdaysAhead: 7 } } })
    }
  })

  it('has no slot rows at all on holidays and plain weekends in the database', async () => {
    const rows = await t.deps.db.slot.findMany({ where: { date: { gte: '2026-09-28', lte: '2026-10-15' } }, select: { date: true }, distinct: ['date'] })
    const dates = rows.map((r) => r.date).sort()
    expect(dates).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'])
  })

  it('drops slots once they start, and lists only halls that handle the item', async () => {
    const item = await demoItem(t, 'HL-LN-001') // 养老服务: the street hall (window 2) and the community station
    const halls = new Set((await slotsOf(t, item.id)).map((s) => s.hallName))
    expect(halls).toEqual(new Set(['湖里街道便民服务中心', '东荣社区党群服务中心便民服务站']))
    const huji = await demoItem(t, 'HL-HJ-001') // 户籍居住: only the street hall
    expect(new Set((await slotsOf(t, huji.id)).map((s) => s.hallName))).toEqual(new Set(['湖里街道便民服务中心']))
    t.deps.clock.set('2026-09-28T10:05:00+08:00')
    t.deps.clock.freeze()
    const today = (await slotsOf(t, huji.id, { from: '2026-09-28', to: '2026-09-28' })).map((s) => s.start)
    expect(today[0]).toBe('10:30')
    t.deps.clock.freeze(MONDAY)
  })

  it('answers a bad date with 400 and an unknown item with 404', async () => {
    const item = await demoItem(t)
    await expectError(t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2026-02-30' } }), 400, 'VALIDATION_FAILED')
    await expectError(t.anon('listServiceItemSlots', { params: { id: 'nope' } }), 404, 'NOT_FOUND')
  })

  it('generation is idempotent, honours admin overrides (holiday closes unbooked slots, extra workday opens)', async () => {
    const admin = await t.staff('admin')
    const halls = await admin.call('listStaffHalls')
    const hall = halls.items.find((h) => h.name === '湖里街道便民服务中心')!
    const before = await t.deps.db.slot.count({ where: { hallId: hall.id } })
    expect((await admin.call('generateSlots', { body: { hallId: hall.id, from: '2026-09-28', to: '2026-10-15' } })).created).toBe(0)
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id } })).toBe(before)
    // 10-11 (Sunday) made a working day, 10-12 (Monday) a day off.
    t.deps.calendar.setOverride('2026-10-11', true)
    t.deps.calendar.setOverride('2026-10-12', false)
    const r = await admin.call('generateSlots', { body: { hallId: hall.id, from: '2026-10-11', to: '2026-10-12' } })
    expect(r.created).toBe(10)
    const item = await demoItem(t)
    const dates = new Set((await slotsOf(t, item.id)).map((s) => s.date))
    expect(dates.has('2026-10-11')).toBe(true)
    expect(dates.has('2026-10-12')).toBe(false)
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id, date: '2026-10-12', closed: true } })).toBe(10)
    t.deps.calendar.setOverride('2026-10-11', null)
    t.deps.calendar.setOverride('2026-10-12', null)
    await expectError(admin.call('generateSlots', { body: { hallId: hall.id, from: '2026-10-12', to: '2026-10-01' } }), 400, 'VALIDATION_FAILED')
    const audit = await t.deps.db.auditLog.findMany({ where: { action: 'slot.generate' } })
    expect(audit.length).toBe(2) // the rejected request left no trace
  })
})

describe('办事指南', () => {
  it('lists, filters by category and searches by keyword', async () => {
    const all = await t.anon('listServiceItems', { query: { limit: 100 } })
    expect(all.items).toHaveLength(13)
    expect(all.categories).toContain('养老服务')
    const cat = await t.anon('listServiceItems', { query: { category: '养老服务' } })
    expect(cat.items.map((i) => i.name).sort()).toEqual(['老年人优待证办理', '高龄老人津贴申请'].sort())
    const q = await t.anon('listServiceItems', { query: { q: '低保' } })
    expect(q.items.map((i) => i.code)).toContain('HL-MZ-001')
    const page1 = await t.anon('listServiceItems', { query: { limit: 5 } })
    const page2 = await t.anon('listServiceItems', { query: { limit: 5, cursor: page1.nextCursor! } })
    expect(page2.items).toHaveLength(5)
    expect(page2.items.map((i) => i.id)).not.toContain(page1.items[0]!.id)
    await expectError(t.anon('listServiceItems', { query: { cursor: 'bad!' } }), 400, 'VALIDATION_FAILED')
  })

  it('shows the full guide: materials, conditions, legal basis, 承诺时限, fee, visits, where handled, QR of the link', async () => {
    const item = await demoItem(t, 'HL-HJ-001')
    const d = await t.anon('getServiceItem', { params: { id: item.id } })
    expect(d.materials.length).toBe(3)
    expect(d.materials[0]).toEqual({ name: '居民身份证原件', copies: 1 })
    expect(d.conditions).toMatch(/居住半年/)
    expect(d.legalBasis).toMatch(/居住证暂行条例/)
    expect(d.timeLimitDays).toBe(10)
    expect(d.legalLimitDays).toBe(15)
    expect(d.feeText).toBe('不收费')
    expect(d.maxOneVisit).toBe(true)
    expect(d.fullyOnline).toBe(false)
    expect(d.halls).toHaveLength(1)
    expect(d.halls[0]!.windows.map((w) => w.number).sort()).toEqual(['3', '4'])
    expect(d.guideUrl).toBe(`${t.url}/#/pages/services/detail/index?id=${item.id}`)
    expect(d.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(d.qrCode.split(',')[1]!, 'base64').toString()).toMatch(/<svg[^>]*>.*<path/s)
    const online = await demoItem(t, 'HL-YB-001')
    expect((await t.anon('getServiceItem', { params: { id: online.id } })).fullyOnline).toBe(true)
    await expectError(t.anon('getServiceItem', { params: { id: 'missing' } }), 404, 'NOT_FOUND')
  })
})

describe('admin of halls, windows, items and templates', () => {
  let other: { id: string; path: string }
  beforeAll(async () => {
    const street = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206002' } }) // 禾山街道
    other = street
    await createStaff(t.deps, 'hs-admin', 'ADMIN', street.id)
    const mine = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206001' } })
    const community = await createOrg(t.deps, '测试社区', 'COMMUNITY', mine)
    await createStaff(t.deps, 'tc-admin', 'ADMIN', community.id)
  })

  it('creates a hall with a window, an item and a template, then generates bookable slots', async () => {
    const admin = await t.staff('hs-admin')
    const hall = await admin.call('createHall', { body: { orgId: other.id, name: '禾山街道便民服务中心', address: '厦门市湖里区禾山路 1 号', queuePrefix: 'C' } })
    const item = await admin.call('createServiceItem', {
      body: {
        orgId: other.id, code: 'HS-ZM-001', name: '居住证明开具', category: '证明开具', timeLimitDays: 1, feeFen: 0,
        materials: [{ name: '居民身份证', copies: 1 }], legalBasis: '《居住证暂行条例》',
      },
    })
    const win = await admin.call('createWindow', { body: { hallId: hall.id, name: '综合窗口', number: '1', serviceItemIds: [item.id] } })
    expect(win.serviceItemIds).toEqual([item.id])
    await expectError(admin.call('createWindow', { body: { hallId: hall.id, name: '重复窗口', number: '1' } }), 409, 'CONFLICT')
    await expectError(admin.call('createSlotTemplate', { body: { hallId: hall.id, weekday: 1, start: '10:00', end: '09:00', capacity: 2 } }), 400, 'VALIDATION_FAILED')
    const tpl = await admin.call('createSlotTemplate', { body: { hallId: hall.id, windowId: win.id, weekday: 1, start: '09:00', end: '09:30', capacity: 2 } })
    expect(tpl).toMatchObject({ weekday: 1, capacity: 2, windowId: win.id, serviceItemIds: null })
    const gen = await admin.call('generateSlots', { body: { hallId: hall.id, from: '2026-09-28', to: '2026-10-13' } })
    // Mondays 09-28 and 10-12, plus the 调休 Saturday 10-10 (Monday's templates).
    expect(gen.created).toBe(3)
    const slots = await slotsOf(t, item.id)
    expect(slots.map((s) => s.date)).toEqual(['2026-09-28', '2026-10-10', '2026-10-12'])
    expect(slots[0]).toMatchObject({ windowId: win.id, windowName: '综合窗口', capacity: 2, remaining: 2 })
    const upd = await admin.call('updateSlotTemplate', { params: { id: tpl.id }, body: { capacity: 4, serviceItemIds: [item.id] } })
    expect(upd).toMatchObject({ capacity: 4, serviceItemIds: [item.id] })
    const cleared = await admin.call('updateSlotTemplate', { params: { id: tpl.id }, body: { serviceItemIds: null } })
    expect(cleared.serviceItemIds).toBeNull()
    const guide = await t.anon('getServiceItem', { params: { id: item.id } })
    expect(guide.halls.map((h) => h.name)).toEqual(['禾山街道便民服务中心'])
    const actions = (await t.deps.db.auditLog.findMany({ where: { actorName: '测试hs-admin' } })).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['hall.create', 'serviceItem.create', 'window.create', 'slotTemplate.create', 'slotTemplate.update', 'slot.generate']))
  })

  it('validates input in Chinese and changes nothing', async () => {
    const admin = await t.staff('hs-admin')
    const before = await t.deps.db.serviceItem.count()
    const e = await expectError(admin.call('createServiceItem', { body: { orgId: other.id, code: 'x', name: '', category: '证明开具', timeLimitDays: -1 } }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(e.fieldErrors())).toEqual(expect.arrayContaining(['code', 'name', 'timeLimitDays']))
    await expectError(admin.call('createServiceItem', { body: { orgId: other.id, code: 'HL-HJ-001', name: '重复编码', category: '户籍居住', timeLimitDays: 1 } }), 409, 'CONFLICT')
    expect(await t.deps.db.serviceItem.count()).toBe(before)
  })

  it('keeps each admin inside their org subtree (404) and needs the ADMIN role (403)', async () => {
    const hsAdmin = await t.staff('hs-admin')
    const community = await t.staff('tc-admin')
    const huli = (await (await t.staff('admin')).call('listStaffHalls')).items
    expect(huli.map((h) => h.name)).toEqual(expect.arrayContaining(['湖里街道便民服务中心', '东荣社区党群服务中心便民服务站']))
    const hsHalls = (await hsAdmin.call('listStaffHalls')).items
    expect(hsHalls.map((h) => h.name)).toEqual(['禾山街道便民服务中心'])
    expect((await community.call('listStaffHalls')).items).toEqual([])
    const huliHall = huli.find((h) => h.name === '湖里街道便民服务中心')!
    await expectError(hsAdmin.call('updateHall', { params: { id: huliHall.id }, body: { name: '改名' } }), 404, 'NOT_FOUND')
    await expectError(hsAdmin.call('listSlotTemplates', { query: { hallId: huliHall.id } }), 404, 'NOT_FOUND')
    await expectError(hsAdmin.call('generateSlots', { body: { hallId: huliHall.id, from: '2026-09-28', to: '2026-09-30' } }), 404, 'NOT_FOUND')
    const item = await demoItem(t)
    await expectError(hsAdmin.call('updateServiceItem', { params: { id: item.id }, body: { name: '改名' } }), 404, 'NOT_FOUND')
    await expectError(hsAdmin.call('createHall', { body: { orgId: huliHall.orgId, name: '越权', address: '某地某路 1 号' } }), 404, 'NOT_FOUND')
    const clerk = await t.staff('clerk')
    await expectError(clerk.call('createHall', { body: { orgId: huliHall.orgId, name: '无权', address: '某地某路 1 号' } }), 403, 'FORBIDDEN')
    expect((await t.deps.db.hall.findUniqueOrThrow({ where: { id: huliHall.id } })).name).toBe('湖里街道便民服务中心')
  })

  it('an item that is not bookable offers no slots; a deactivated item disappears from the guide', async () => {
    const admin = await t.staff('admin')
    const item = await demoItem(t, 'HL-ZM-001')
    await admin.call('updateServiceItem', { params: { id: item.id }, body: { bookable: false } })
    expect((await t.anon('listServiceItemSlots', { params: { id: item.id } })).items).toEqual([])
    await admin.call('updateServiceItem', { params: { id: item.id }, body: { active: false } })
    await expectError(t.anon('getServiceItem', { params: { id: item.id } }), 404, 'NOT_FOUND')
    expect((await t.anon('listServiceItems', { query: { limit: 100 } })).items.map((i) => i.id)).not.toContain(item.id)
    const staffList = await admin.call('listStaffServiceItems', { query: { active: false } })
    expect(staffList.items.map((i) => i.id)).toContain(item.id)
    await admin.call('updateServiceItem', { params: { id: item.id }, body: { active: true, bookable: true } })
  })
})
