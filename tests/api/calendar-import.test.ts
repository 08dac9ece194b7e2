// Importing the State Council's yearly 节假日安排: the notice's real wording parsed into holiday ranges and 调休 working
// days (checked against chinese-days), a preview of the changed days that changes nothing, saving as overrides with the
// notice's name (a year has one notice), new days off closing their slots with bookings cancelled and residents told,
// and the admin's warning from 1 November while next year has no official data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import { startTestApp, expectError, type TestApp } from '../support/app'
import { snapshotter, diffSnapshots, type Snapshotter } from '../support/snapshot'
import { bookingBody, demoItem } from '../support/booking'
import { parseNotice } from '../../server/src/modules/admin/calendar.notice'

// 国办发明电〔2025〕7号, as published (the data chinese-days encodes for 2026).
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`

const data = holidayData as { holidays: Record<string, string>; workdays: Record<string, string> }
const officialOf = (year: string, kind: 'holidays' | 'workdays') => Object.keys(data[kind]).filter((d) => d.startsWith(year)).sort()

describe('reading the notice', () => {
  it('reads the 2026 notice into exactly the days chinese-days has', () => {
    const p = parseNotice(NOTICE_2026)
    expect(p.problems).toEqual([])
    expect(p.year).toBe(2026)
    expect(p.title).toBe('国务院办公厅关于2026年部分节假日安排的通知')
    expect(p.holidays.map((h) => `${h.name} ${h.from}~${h.to}`)).toEqual([
      '元旦 2026-01-01~2026-01-03', '春节 2026-02-15~2026-02-23', '清明节 2026-04-04~2026-04-06', '劳动节 2026-05-01~2026-05-05',
      '端午节 2026-06-19~2026-06-21', '中秋节 2026-09-25~2026-09-27', '国庆节 2026-10-01~2026-10-07',
    ])
    expect(p.holidays.flatMap((h) => h.dates).sort()).toEqual(officialOf('2026', 'holidays'))
    expect(p.workdays.map((w) => w.date).sort()).toEqual(officialOf('2026', 'workdays'))
    expect(p.workdays.find((w) => w.date === '2026-02-28')?.name).toBe('春节')
  })

  it('reads the older wording (星期六, a range across months, a single day) and says what does not add up', () => {
    const p = parseNotice('二、春节：2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。\n四、劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。\n六、中秋节：9月19日至21日放假调休，共3天。9月18日（星期六）上班。', 2021)
    expect(p.problems).toEqual([])
    expect(p.holidays.flatMap((h) => h.dates).every((d) => data.holidays[d])).toBe(true)
    expect(p.workdays.map((w) => w.date)).toEqual(['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18'])
    expect(p.workdays.every((w) => data.workdays[w.date])).toBe(true)
    const across = parseNotice('春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。', 2025)
    expect(across.holidays[0]!.dates).toHaveLength(8)
    expect(parseNotice('元旦：1月1日（周三）放假1天，不调休。', 2025).holidays[0]).toMatchObject({ from: '2025-01-01', to: '2025-01-01' })
    expect(parseNotice('一、元旦：1月1日至3日放假，共4天。', 2027).problems[0]).toBe('元旦：识别出 3 天，与通知中的“共4天”不一致，请检查文本')
    expect(parseNotice('一、元旦：1月1日至3日放假，共3天。').problems[0]).toBe('未能从通知中识别年份，请填写年份')
    expect(parseNotice('一、元旦：2月30日放假，共1天。', 2027).problems[0]).toContain('不是有效日期')
  })
})

describe('preview, save and the workbench warning', () => {
  let t: TestApp
  let snap: Snapshotter
  beforeAll(async () => {
    t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00', demo: true })
    snap = await snapshotter(t.deps.config.databaseUrl)
  })
  afterAll(async () => { await snap?.close(); await t?.close() })

  const refused = async (p: () => Promise<unknown>, status: number, code: string) => {
    const before = await snap.take()
    const e = await expectError(p(), status, code)
    expect(diffSnapshots(before, await snap.take())).toEqual([])
    return e
  }

  it('previews the real 2026 notice as no change at all, and changes nothing', async () => {
    const admin = await t.staff('admin')
    const before = await snap.take()
    const p = await admin.call('previewCalendarImport', { body: { text: NOTICE_2026 } })
    expect(diffSnapshots(before, await snap.take())).toEqual([])
    expect(p).toMatchObject({ year: 2026, name: '国务院办公厅关于2026年部分节假日安排的通知', replaces: null, affected: { slots: 0, bookings: 0 } })
    expect(p.holidays).toHaveLength(7)
    expect(p.days.every((d) => d.change === 'SAME')).toBe(true)
    expect(p.days).toHaveLength(officialOf('2026', 'holidays').length + officialOf('2026', 'workdays').length)
  })

  it('refuses bad input with a Chinese message, changing nothing; admins only', async () => {
    const admin = await t.staff('admin')
    const clerk = await t.staff('clerk')
    await refused(() => admin.call('importCalendar', { body: {} }), 400, 'VALIDATION_FAILED')
    await refused(() => admin.call('importCalendar', { body: { text: '一、元旦：1月1日至3日放假，共3天。' } }), 400, 'VALIDATION_FAILED')
    const count = await refused(() => admin.call('importCalendar', { body: { year: 2027, text: '一、元旦：1月1日至3日放假，共4天。' } }), 400, 'VALIDATION_FAILED')
    expect(count.message).toContain('共4天')
    const noName = await refused(() => admin.call('importCalendar', { body: { ranges: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', isWorkday: false }] } }), 400, 'VALIDATION_FAILED')
    expect(noName.message).toContain('通知名称')
    await refused(() => admin.call('importCalendar', { body: { name: '测试', year: 2027, ranges: [{ name: '春节', from: '2028-02-05', to: '2028-02-06', isWorkday: false }] } }), 400, 'VALIDATION_FAILED')
    await refused(() => admin.call('importCalendar', { body: { name: '测试', ranges: [{ name: '春节', from: '2027-02-05', to: '2027-02-06', isWorkday: false }, { name: '春节', from: '2027-02-06', to: '2027-02-06', isWorkday: true }] } }), 400, 'VALIDATION_FAILED')
    await refused(() => admin.call('importCalendar', { body: { name: '测试', ranges: [{ name: '春节', from: '2027-02-07', to: '2027-02-05', isWorkday: false }] } }), 400, 'VALIDATION_FAILED')
    await refused(() => clerk.call('previewCalendarImport', { body: { text: NOTICE_2026 } }), 403, 'FORBIDDEN')
  })

  it('warns from 1 November while next year has no official data; an imported notice for it counts as official', async () => {
    const admin = await t.staff('admin')
    const s = await admin.call('getCalendarStatus')
    expect(s).toMatchObject({ today: '2026-11-23', nextYear: 2027, nextYearOfficial: false })
    expect(s.warning).toContain('2027年的节假日安排尚未导入')
    t.deps.clock.set('2026-10-31T09:00:00+08:00')
    expect((await admin.call('getCalendarStatus')).warning).toBeNull()
    t.deps.clock.set('2026-11-23T09:00:00+08:00')

    const body = {
      name: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      ranges: [
        { name: '春节', from: '2027-02-05', to: '2027-02-11', isWorkday: false },
        { name: '春节', from: '2027-02-20', to: '2027-02-20', isWorkday: true },
      ],
    }
    const p = await admin.call('previewCalendarImport', { body })
    const change = Object.fromEntries(p.days.map((d) => [d.date, d.change]))
    expect(change['2027-02-09']).toBe('OFF') // the fallback had only 除夕 to 初三
    expect(change['2027-02-20']).toBe('ON')
    expect(change['2027-02-06']).toBe('SAME')
    expect(change['2027-10-01']).toBe('ON') // not in this notice: a plain Friday once the year is official
    const saved = await admin.call('importCalendar', { body })
    expect(saved.saved).toBe(8)
    const cal = await admin.call('listCalendar', { query: { from: '2027-02-09', to: '2027-02-09' } })
    expect(cal.items[0]).toMatchObject({ isWorkday: false, source: 'OVERRIDE', note: '春节放假', notice: body.name })
    const after = await admin.call('getCalendarStatus')
    expect(after).toMatchObject({ nextYearOfficial: true, warning: null, notices: [{ year: 2027, name: body.name, days: 8 }] })
    expect(await t.deps.db.auditLog.count({ where: { action: 'calendar.import', targetId: '2027' } })).toBe(1)

    // A corrected notice replaces the year's earlier one: its days not named again go back.
    const fixed = await admin.call('previewCalendarImport', { body: { name: '更正后的通知', ranges: [body.ranges[0]!] } })
    expect(fixed.replaces).toBe(body.name)
    expect(fixed.days.find((d) => d.date === '2027-02-20')).toMatchObject({ change: 'OFF', isWorkday: false })
  })
})

describe('saving closes the slots of new days off', () => {
  let t: TestApp
  beforeAll(async () => { t = await startTestApp({ clock: '2027-02-01T09:00:00+08:00', demo: true }) })
  afterAll(async () => { await t?.close() })

  it('closes them, cancels their bookings and tells the residents', async () => {
    const admin = await t.staff('admin')
    const item = await demoItem(t)
    const slot = (await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: '2027-02-09', to: '2027-02-09' } })).items[0]!
    const resident = await t.resident('calendar-import')
    const a = await resident.call('createAppointment', { body: bookingBody(slot, item) })
    const body = { name: '2027年春节安排（测试数据）', ranges: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', isWorkday: false }, { name: '春节', from: '2027-02-06', to: '2027-02-06', isWorkday: false }] }
    const p = await admin.call('previewCalendarImport', { body })
    expect(p.affected.bookings).toBe(1)
    expect(p.affected.slots).toBeGreaterThan(0)
    const r = await admin.call('importCalendar', { body })
    expect(r).toMatchObject({ closedSlots: p.affected.slots, cancelledBookings: 1 })
    expect((await resident.call('getAppointment', { params: { id: a.id } })).status).toBe('CANCELLED')
    const msg = (await resident.call('listMessages', {})).items.find((m) => m.kind === 'SLOT_CLOSED')!
    expect(msg.body).toContain('节假日放假')
    expect(await t.deps.db.slot.count({ where: { date: { in: ['2027-02-09', '2027-02-10', '2027-02-11'] }, closed: false } })).toBe(0)
    const dates = new Set((await t.anon('listServiceItemSlots', { params: { id: item.id } })).dates)
    expect(dates.has('2027-02-09')).toBe(false)
    expect(dates.has('2027-02-12')).toBe(true)
  })
})
