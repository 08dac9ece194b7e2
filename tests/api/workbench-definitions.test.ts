// One definition per headline figure: 按时答复率 counts an overdue unanswered case as not on time; 预约总数 is the same
// set on the dashboard (1 Jan–today) and in the year's annual figures, and both say how it is counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statsDefinitions } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { demoOrgs } from '../support/actors'
import { bookingBody, demoItem, slotOn, testPhone } from '../support/booking'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: MONDAY, demo: true }) })
afterAll(async () => { await t?.close() })

describe('按时答复率', () => {
  it('is not 100% while a complaint is past its deadline without a reply', async () => {
    const { street } = await demoOrgs(t)
    const org = await t.deps.db.org.create({ data: { name: '按时率社区', level: 'COMMUNITY', parentId: street.id, path: `${street.path}tmp/` } })
    await t.deps.db.org.update({ where: { id: org.id }, data: { path: `${street.path}${org.id}/` } })
    const r = await t.resident('ontime-resident')
    const answered = await r.call('createConsultation', { body: { kind: 'CONSULT', orgId: org.id, title: '办事时间', content: '请问周六可以办理吗？', allowPublish: false } })
    await r.call('createConsultation', { body: { kind: 'COMPLAINT', orgId: org.id, title: '窗口无人', content: '上午十点窗口长时间无人。', allowPublish: false } })
    await (await t.staff('handler')).call('replyConsultation', { params: { id: answered.id }, body: { content: '您好，周六上午可以办理。' } })
    t.deps.clock.set('2026-12-15T09:00:00+08:00') // the complaint's 5 working days are over
    try {
      const admin = await t.staff('admin')
      const c = (await admin.call('getStatsOverview', { query: { from: '2026-11-01', to: '2026-12-15', orgId: org.id } })).consultations
      expect(c).toMatchObject({ received: 2, replied: 1, repliedOnTime: 1, overdue: 1, unansweredPastDue: 1, onTimeRate: 0.5 })
      expect(c.onTimeDefinition).toBe(statsDefinitions.onTimeRate)
      const figures = (await admin.call('getAnnualReport', { query: { year: 2026, orgId: org.id } })).figures
      expect(figures.find((f) => f.label === '按时答复率')).toMatchObject({ value: '50.00%', note: statsDefinitions.onTimeRate })
    } finally {
      t.deps.clock.freeze(MONDAY)
    }
  })
})

describe('预约总数', () => {
  it('counts the same bookings on the dashboard for 1 Jan–today and in the annual figures, with its definition', async () => {
    const admin = await t.staff('admin')
    // A booking for a coming day as well as today's: only today's is a figure yet.
    const item = await demoItem(t)
    const r = await t.resident('booked-definition')
    await r.call('createAppointment', { body: bookingBody(await slotOn(t, item.id, '2026-11-23', '15:00').catch(() => slotOn(t, item.id, '2026-11-23')), item, { contactPhone: testPhone() }) })
    await r.call('createAppointment', { body: bookingBody(await slotOn(t, item.id, '2026-11-25'), item, { contactPhone: testPhone() }) })
    expect(await t.deps.db.appointment.count({ where: { date: { gt: t.deps.clock.today() } } })).toBeGreaterThan(0)
    const dashboard = await admin.call('getStatsOverview', {})
    expect(dashboard.from).toBe('2026-01-01')
    const annual = await admin.call('getAnnualReport', { query: { year: 2026 } })
    const figure = annual.figures.find((f) => f.label === '预约办理')!
    expect(figure.value).toBe(dashboard.appointments.booked)
    expect(dashboard.appointments.definition).toBe(statsDefinitions.booked)
    expect(figure.note).toBe(statsDefinitions.booked)
    const csv = await (await t.fetch('/api/v1/staff/reports/annual?year=2026&format=csv', { headers: { Authorization: `Bearer ${admin.token}` } })).text()
    expect(csv).toContain(statsDefinitions.booked)
  })
})
