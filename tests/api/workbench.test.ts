// Workbench counters, statistics overview and the annual report against a hand-built data set with known figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { atShanghai } from '../../server/src/platform/clock'

let t: TestApp
const ids: Record<string, string> = {}

async function fixtures () {
  const db = t.deps.db
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  const street = await createOrg(t.deps, '测试街道', 'STREET', district)
  const community = await createOrg(t.deps, '测试社区', 'COMMUNITY', street)
  const other = await createOrg(t.deps, '别的街道', 'STREET', district)
  Object.assign(ids, { street: street.id, community: community.id, other: other.id })
  for (const [u, roles, org] of [['sadmin', 'ADMIN', street.id], ['cadmin', 'ADMIN', community.id], ['oadmin', 'ADMIN', other.id],
    ['rev', 'REVIEWER', street.id], ['hand', 'HANDLER', street.id], ['clerk', 'CLERK', street.id], ['ed', 'EDITOR', street.id]] as const) {
    await createStaff(t.deps, u, roles, org)
  }
  const editor = await db.staff.findUniqueOrThrow({ where: { username: 'ed' } })
  // Notices in 2026: street 通知公告 ×2 (one on 政府网站), community 政策文件 ×1; other street ×1; one draft; one in 2025.
  const notice = (orgId: string, category: string, publishedAt: string | null, status: 'PUBLISHED' | 'DRAFT' | 'PENDING_REVIEW' = 'PUBLISHED', channel = '小程序') =>
    db.notice.create({ data: { orgId, category, title: `${category}标题`, body: '<p>正文</p>', status, authorId: editor.id, channel, publishedAt: publishedAt ? new Date(publishedAt) : null } })
  await notice(street.id, '通知公告', '2026-03-02T10:00:00+08:00')
  await notice(street.id, '通知公告', '2026-04-10T10:00:00+08:00', 'PUBLISHED', '政府网站')
  await notice(community.id, '政策文件', '2026-04-11T10:00:00+08:00')
  await notice(other.id, '通知公告', '2026-04-11T10:00:00+08:00')
  await notice(street.id, '工作动态', null, 'DRAFT')
  await notice(street.id, '工作动态', null, 'PENDING_REVIEW')
  await notice(street.id, '工作动态', '2025-12-30T10:00:00+08:00')

  const hall = await db.hall.create({ data: { orgId: street.id, name: '街道中心', address: '地址' } })
  const chall = await db.hall.create({ data: { orgId: community.id, name: '社区站', address: '地址' } })
  const ohall = await db.hall.create({ data: { orgId: other.id, name: '别处', address: '地址' } })
  ids.hall = hall.id; ids.chall = chall.id
  const item = await db.serviceItem.create({ data: { orgId: street.id, code: 'T-1', name: '事项一', category: '测试', materials: [], timeLimitDays: 1, fullyOnline: true, maxOneVisit: false } })
  await db.serviceItem.create({ data: { orgId: street.id, code: 'T-2', name: '事项二', category: '测试', materials: [], timeLimitDays: 1, fullyOnline: false, maxOneVisit: true } })
  await db.serviceItem.create({ data: { orgId: community.id, code: 'T-3', name: '事项三', category: '测试', materials: [], timeLimitDays: 1, fullyOnline: false, maxOneVisit: false } })
  ids.item = item.id
  const resident = await db.resident.create({ data: { openid: 'wb-resident' } })
  let n = 0
  const appt = async (h: string, date: string, status: string, channel = 'APP', doneAt?: string) => {
    const slot = await db.slot.create({ data: { hallId: h, date, start: `0${n % 9}:00`, end: `0${n % 9}:30`, startsAt: atShanghai(date, '09:00'), capacity: 5 } })
    n++
    return db.appointment.create({ data: { residentId: resident.id, slotId: slot.id, serviceItemId: item.id, hallId: h, date, status: status as never, code: `C${n}`, contactName: '张三', contactPhoneEnc: 'x', channel, doneAt: doneAt ? new Date(doneAt) : null } })
  }
  // Street hall: 2 DONE (one by phone), 1 CANCELLED, 1 LATE_CANCELLED, 1 NO_SHOW; community: 1 DONE, 1 BOOKED (today); other: 1 DONE.
  const done1 = await appt(hall.id, '2026-04-13', 'DONE', 'APP', '2026-04-13T10:00:00+08:00')
  const done2 = await appt(hall.id, '2026-04-14', 'DONE', 'PHONE', '2026-04-14T10:00:00+08:00')
  await appt(hall.id, '2026-04-15', 'CANCELLED')
  await appt(hall.id, '2026-04-15', 'LATE_CANCELLED')
  await appt(hall.id, '2026-04-16', 'NO_SHOW')
  const done3 = await appt(chall.id, '2026-05-06', 'DONE', 'APP', '2026-05-06T10:00:00+08:00')
  await appt(chall.id, '2026-11-23', 'BOOKED')
  await appt(ohall.id, '2026-04-13', 'DONE', 'APP', '2026-04-13T10:00:00+08:00')

  // Consultations: street CONSULT replied on time after 2 working hours, COMPLAINT replied late, SUGGESTION unreplied and overdue;
  // community CONSULT unreplied, not yet due.
  const consult = (orgId: string, kind: string, createdAt: string, dueAt: string, firstRepliedAt?: string) =>
    db.consultation.create({ data: { residentId: resident.id, orgId, kind: kind as never, title: '标题', content: '内容', createdAt: new Date(createdAt), dueAt: new Date(dueAt), status: firstRepliedAt ? 'REPLIED' : 'SUBMITTED', firstRepliedAt: firstRepliedAt ? new Date(firstRepliedAt) : null, repliedAt: firstRepliedAt ? new Date(firstRepliedAt) : null } })
  await consult(street.id, 'CONSULT', '2026-04-13T09:00:00+08:00', '2026-04-16T23:59:59+08:00', '2026-04-13T11:00:00+08:00')
  // Friday 17:00 → Monday 09:00 (weekend not counted): 7 h Friday + 9 h Monday = 16 working hours; late.
  await consult(street.id, 'COMPLAINT', '2026-04-10T17:00:00+08:00', '2026-04-10T23:59:59+08:00', '2026-04-13T09:00:00+08:00')
  await consult(street.id, 'SUGGESTION', '2026-04-13T09:00:00+08:00', '2026-04-27T23:59:59+08:00')
  await consult(community.id, 'CONSULT', '2026-11-23T08:00:00+08:00', '2026-11-26T23:59:59+08:00')

  // Ratings: 5, 4, 2 (差评, rectification closed) on street and community services; one excluded 1 (upheld appeal).
  const rating = (subjectId: string, level: number, orgId: string, hallId: string, excluded = false) =>
    db.rating.create({ data: { subjectType: 'APPOINTMENT', subjectId, residentId: resident.id, orgId, hallId, serviceItemId: item.id, level, tags: [], excluded, serviceDoneAt: new Date('2026-04-13T10:00:00+08:00'), createdAt: new Date('2026-04-14T10:00:00+08:00') } })
  await rating(done1.id, 5, street.id, hall.id)
  const bad = await rating(done2.id, 2, street.id, hall.id)
  await rating(done3.id, 4, community.id, chall.id)
  await rating('excluded-subject', 1, street.id, hall.id, true)
  await db.rectification.create({ data: { ratingId: bad.id, orgId: street.id, status: 'CLOSED', dueAt: new Date('2026-05-06T23:59:59+08:00'), closedAt: new Date('2026-04-20T10:00:00+08:00') } })
}

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T10:00:00+08:00' })
  await fixtures()
})
afterAll(async () => { await t.close() })

describe('statistics overview', () => {
  it('matches the hand-computed figures for the street (its subtree)', async () => {
    const s = await t.staff('sadmin')
    const o = await s.call('getStatsOverview', { query: { from: '2026-01-01', to: '2026-12-31' } })
    expect(o.notices.published).toBe(3)
    expect(o.notices.byCategory.find((c) => c.category === '通知公告')?.count).toBe(2)
    expect(o.notices.byCategory.find((c) => c.category === '政策文件')?.count).toBe(1)
    expect(o.notices.byChannel).toEqual([{ channel: '小程序', count: 2 }, { channel: '政府网站', count: 1 }])
    expect(o.appointments).toMatchObject({ booked: 7, done: 3, cancelled: 1, lateCancelled: 1, noShow: 1, pending: 1 })
    expect(o.appointments.byChannel).toEqual(expect.arrayContaining([{ channel: 'APP', count: 6 }, { channel: 'PHONE', count: 1 }]))
    expect(o.appointments.items).toMatchObject({ total: 3, fullyOnline: 1, maxOneVisit: 1 })
    expect(o.appointments.items.fullyOnlineShare).toBeCloseTo(1 / 3, 3)
    // 按时答复率 = on time ÷ (replied + past the deadline unanswered): the overdue SUGGESTION is not on time (issue 18).
    expect(o.consultations).toMatchObject({ received: 4, replied: 2, repliedOnTime: 1, overdue: 1, unansweredPastDue: 1, avgReplyWorkHours: 9 })
    expect(o.consultations.onTimeRate).toBeCloseTo(1 / 3, 4)
    expect(o.consultations.byKind.map((k) => k.count)).toEqual([2, 1, 1])
    expect(o.ratings).toMatchObject({ rated: 3, good: 2, bad: 1, excluded: 1 })
    expect(o.ratings.goodRate).toBeCloseTo(2 / 3, 3)
    expect(o.ratings.rectification).toMatchObject({ closed: 1, closedOnTime: 1, rate: 1 })
    const april = o.monthly.find((m) => m.month === '2026-04')
    expect(april).toMatchObject({ notices: 2, appointments: 5, appointmentsDone: 2, consultations: 3, ratings: 3 })
    expect(april?.goodRate).toBeCloseTo(2 / 3, 3)
    expect(o.monthly).toHaveLength(12)
  })

  it('confines a community to its own figures and other orgs to nothing of ours', async () => {
    const c = await t.staff('cadmin')
    const o = await c.call('getStatsOverview', { query: { from: '2026-01-01', to: '2026-12-31' } })
    expect(o.orgName).toBe('测试社区')
    expect(o.notices.published).toBe(1)
    expect(o.appointments).toMatchObject({ booked: 2, done: 1 })
    expect(o.consultations.received).toBe(1)
    expect(o.ratings.rated).toBe(1)
    await expectError(c.call('getStatsOverview', { query: { orgId: ids.street } }), 404, 'NOT_FOUND')
    await expectError(c.call('getStatsOverview', { query: { hallId: ids.hall } }), 404, 'NOT_FOUND')
    const other = await t.staff('oadmin')
    const oo = await other.call('getStatsOverview', { query: { from: '2026-01-01', to: '2026-12-31' } })
    expect(oo.appointments.booked).toBe(1)
    expect(oo.notices.published).toBe(1)
  })

  it('drills down by hall and rejects a reversed range', async () => {
    const s = await t.staff('sadmin')
    const o = await s.call('getStatsOverview', { query: { from: '2026-01-01', to: '2026-12-31', hallId: ids.chall } })
    expect(o.appointments.booked).toBe(2)
    expect(o.ratings.rated).toBe(1)
    await expectError(s.call('getStatsOverview', { query: { from: '2026-12-01', to: '2026-01-01' } }), 400, 'VALIDATION_FAILED')
  })
})

describe('workbench counters', () => {
  it('counts what needs each role now', async () => {
    const counters = async (u: string) => Object.fromEntries((await (await t.staff(u)).call('getWorkbench')).counters.map((c) => [c.key, c.count]))
    expect(await counters('rev')).toMatchObject({ noticesToReview: 1 })
    expect(await counters('hand')).toMatchObject({ consultationsOverdue: 1, consultationsDueToday: 0, rectificationsOpen: 0 })
    expect(await counters('clerk')).toMatchObject({ appointmentsToday: 1 })
    const r = await t.resident()
    await expectError(r.call('getWorkbench'), 403, 'FORBIDDEN')
  })
})

describe('annual report', () => {
  it('returns the tables as JSON and a CSV that parses back to the same numbers', async () => {
    const s = await t.staff('sadmin')
    const json = await s.call('getAnnualReport', { query: { year: 2026 } })
    expect(json.proactive.total).toBe(3)
    expect(json.disclosures.check.balanced).toBe(true)
    const res = await t.fetch('/api/v1/staff/reports/annual?year=2026&format=csv', { headers: { authorization: `Bearer ${s.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const buf = new Uint8Array(await res.arrayBuffer())
    expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = new TextDecoder().decode(buf.slice(3)).split('\r\n').map((l) => l.split(','))
    const value = (label: string) => rows.find((r) => r[0] === label || r[1] === label)
    expect(value('通知公告')?.[1]).toBe('2')
    expect(value('合计')?.[1]).toBe(String(json.proactive.total))
    for (const f of json.figures) expect(value(f.label)?.[2], f.label).toBe(String(f.value))
    await expectError(s.call('getAnnualReport', { query: { year: 1999 } }), 400, 'VALIDATION_FAILED')
  })

  it('is not for clerks', async () => {
    const c = await t.staff('clerk')
    await expectError(c.call('getAnnualReport', { query: { year: 2026 } }), 403, 'FORBIDDEN')
  })
})
