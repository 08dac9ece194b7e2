// 上门服务 desk: handlers and clerks list requests by status, schedule with a day, a time window and the staff member
// who visits (in scope, a clerk or handler), decline with a reason, complete; the resident is told at every step and
// is invited to rate the finished visit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, createStaff, expectError, type TestApp } from '../support/app'
import { MONDAY, demoItem, testPhone } from '../support/booking'

let t: TestApp
let item: Awaited<ReturnType<typeof demoItem>>
let outsiderId: string

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  item = await demoItem(t, 'HL-LN-002')
  const heshan = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206002' } })
  outsiderId = (await createStaff(t.deps, 'hs-handler', 'HANDLER', heshan.id)).id
})
afterAll(async () => { await t.close() })
beforeEach(() => { t.deps.clock.freeze(MONDAY) })

const request = () => ({
  serviceItemId: item.id, contactName: '郑阿公', contactPhone: testPhone(), address: '湖里区东荣路 22 号 3 单元 502', reason: '行动不便，长期卧床',
  preferredDays: ['2026-09-29', '2026-09-30'],
})

describe('home visit desk', () => {
  it('a handler schedules a time window with a visitor, completes it, and the resident is invited to rate', async () => {
    const r = await t.resident()
    const h = await r.call('createHomeVisit', { body: request() })
    const handler = await t.staff('handler')
    const queue = await handler.call('listStaffHomeVisits', { query: { status: 'REQUESTED' } })
    expect(queue.items.find((x) => x.id === h.id)).toMatchObject({ reason: '行动不便，长期卧床', preferredDays: ['2026-09-29', '2026-09-30'] })
    const people = await handler.call('listHomeVisitAssignees')
    const clerk = people.items.find((p) => p.name === '王芳') ?? people.items[0]!
    expect(people.items.some((p) => p.id === outsiderId)).toBe(false)
    const s = await handler.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: '2026-09-29T14:00:00+08:00', until: '16:00', assigneeId: clerk.id } })
    expect(s).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2026-09-29T14:00:00.000+08:00', scheduledEnd: '2026-09-29T16:00:00.000+08:00', assigneeId: clerk.id, assigneeName: clerk.name })
    const scheduled = (await r.call('listMessages')).items.find((m) => m.title === '上门服务已安排')
    expect(scheduled?.body).toContain('2026-09-29 14:00-16:00')
    const mine = await r.call('getHomeVisit', { params: { id: h.id } })
    expect(mine).toMatchObject({ scheduledEnd: '2026-09-29T16:00:00.000+08:00', assigneeName: clerk.name })
    await handler.call('completeHomeVisit', { params: { id: h.id } })
    const done = (await r.call('listMessages')).items.find((m) => m.title === '上门服务已办结')
    expect(done?.page).toBe(`/pages/ratings/rate/index?subjectType=HOME_VISIT&subjectId=${h.id}`)
    const pending = await r.call('listPendingRatings')
    expect(pending.items.some((p) => p.subjectType === 'HOME_VISIT' && p.subjectId === h.id)).toBe(true)
  })

  it('refuses a window that ends before it starts, a visitor outside the org or without a visiting role; nothing changes', async () => {
    const r = await t.resident()
    const h = await r.call('createHomeVisit', { body: request() })
    const handler = await t.staff('handler')
    const editor = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'editor' } })
    const at = '2026-09-29T14:00:00+08:00'
    let e = await expectError(handler.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: at, until: '13:00' } }), 400, 'VALIDATION_FAILED')
    expect(e.message).toContain('结束时间必须晚于开始时间')
    e = await expectError(handler.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: at, assigneeId: outsiderId } }), 400, 'VALIDATION_FAILED')
    expect(e.message).toContain('上门人员')
    await expectError(handler.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: at, assigneeId: editor.id } }), 400, 'VALIDATION_FAILED')
    await expectError(handler.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: at, until: '25:00' } }), 400, 'VALIDATION_FAILED')
    const row = await t.deps.db.homeVisit.findUniqueOrThrow({ where: { id: h.id } })
    expect(row).toMatchObject({ status: 'REQUESTED', scheduledAt: null, assigneeId: null })
    expect(await t.deps.db.auditLog.count({ where: { targetId: h.id } })).toBe(0)
    // Without a visitor the caller goes.
    const s = await handler.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: at } })
    expect(s.assigneeName).toBe('张伟')
  })

  it('declines with a reason the resident reads; another street sees nothing', async () => {
    const r = await t.resident()
    const h = await r.call('createHomeVisit', { body: request() })
    const outsider = await t.staff('hs-handler')
    await expectError(outsider.call('declineHomeVisit', { params: { id: h.id }, body: { reason: '不在辖区' } }), 404, 'NOT_FOUND')
    const handler = await t.staff('handler')
    await handler.call('declineHomeVisit', { params: { id: h.id }, body: { reason: '该事项需本人到场核验' } })
    const msg = (await r.call('listMessages')).items.find((m) => m.title === '上门服务申请未受理')
    expect(msg?.body).toContain('该事项需本人到场核验')
    expect((await r.call('listHomeVisits')).items.find((x) => x.id === h.id)?.declineReason).toBe('该事项需本人到场核验')
  })
})
