// 上门服务: request for items marked for it, staff schedule / decline with a reason / complete, notifications,
// privacy (others 404, phone masked, address encrypted) and org scoping.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, createStaff, expectError, type TestApp } from '../support/app'
import { MONDAY, demoItem, testPhone } from '../support/booking'

let t: TestApp
let item: Awaited<ReturnType<typeof demoItem>>

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  item = await demoItem(t, 'HL-LN-002') // 高龄老人津贴申请: home visits
  const heshan = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206002' } })
  await createStaff(t.deps, 'hs-clerk', 'CLERK', heshan.id)
})
afterAll(async () => { await t.close() })
beforeEach(() => { t.deps.clock.freeze(MONDAY) })

const request = (extra: Record<string, unknown> = {}) => ({
  serviceItemId: item.id, contactName: '郑阿公', contactPhone: testPhone(), address: '湖里区东荣路 22 号 3 单元 502', reason: '行动不便，长期卧床',
  preferredDays: ['2026-09-30', '2026-09-29'], ...extra,
})

describe('home visits', () => {
  it('is requested by a resident, scheduled, completed, with messages at each step', async () => {
    const r = await t.resident()
    const body = request()
    const h = await r.call('createHomeVisit', { body })
    expect(h).toMatchObject({ status: 'REQUESTED', preferredDays: ['2026-09-29', '2026-09-30'], address: body.address, serviceItemName: item.name })
    expect(h.contactPhone).toBe(`${body.contactPhone.slice(0, 3)}****${body.contactPhone.slice(-4)}`)
    const row = await t.deps.db.homeVisit.findUniqueOrThrow({ where: { id: h.id } })
    expect(row.addressEnc).not.toContain('东荣路')
    expect(row.contactPhoneEnc).not.toContain(body.contactPhone)
    await expectError(r.call('createHomeVisit', { body: request() }), 409, 'DUPLICATE')
    const clerk = await t.staff('clerk')
    const inbox = await clerk.call('listStaffHomeVisits', { query: { status: 'REQUESTED' } })
    expect(inbox.items.map((x) => x.id)).toContain(h.id)
    await expectError(clerk.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: '2026-09-27T10:00:00+08:00' } }), 400, 'VALIDATION_FAILED')
    await expectError(clerk.call('completeHomeVisit', { params: { id: h.id } }), 422, 'INVALID_STATE')
    const s = await clerk.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: '2026-09-29T15:00:00+08:00' } })
    expect(s).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2026-09-29T15:00:00.000+08:00' })
    const done = await clerk.call('completeHomeVisit', { params: { id: h.id } })
    expect(done.status).toBe('DONE')
    const msgs = (await r.call('listMessages')).items.filter((m) => m.kind === 'HOME_VISIT_UPDATE').map((m) => m.title)
    expect(msgs.sort()).toEqual(['上门服务已办结', '上门服务已安排'].sort())
    expect((await r.call('getHomeVisit', { params: { id: h.id } })).status).toBe('DONE')
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: h.id } })).map((a) => a.action).sort()
    expect(actions).toEqual(['homeVisit.complete', 'homeVisit.schedule'])
  })

  it('declines with a reason the resident sees', async () => {
    const r = await t.resident()
    const h = await r.call('createHomeVisit', { body: request() })
    const clerk = await t.staff('clerk')
    await expectError(clerk.call('declineHomeVisit', { params: { id: h.id }, body: { reason: '' } }), 400, 'VALIDATION_FAILED')
    const d = await clerk.call('declineHomeVisit', { params: { id: h.id }, body: { reason: '申请人不在本街道辖区' } })
    expect(d).toMatchObject({ status: 'DECLINED', declineReason: '申请人不在本街道辖区' })
    expect((await r.call('listMessages')).items[0]!.body).toContain('申请人不在本街道辖区')
    await expectError(clerk.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: '2026-09-29T15:00:00+08:00' } }), 422, 'INVALID_STATE')
  })

  it('is only for items marked for it, with valid days; residents can withdraw; others get 404', async () => {
    const r = await t.resident()
    const notHome = await demoItem(t, 'HL-HJ-001')
    await expectError(r.call('createHomeVisit', { body: request({ serviceItemId: notHome.id }) }), 422, 'INVALID_STATE')
    await expectError(r.call('createHomeVisit', { body: request({ preferredDays: [] }) }), 400, 'VALIDATION_FAILED')
    await expectError(r.call('createHomeVisit', { body: request({ preferredDays: ['2026-09-01'] }) }), 400, 'VALIDATION_FAILED')
    const h = await r.call('createHomeVisit', { body: request() })
    const stranger = await t.resident()
    await expectError(stranger.call('getHomeVisit', { params: { id: h.id } }), 404, 'NOT_FOUND')
    await expectError(stranger.call('cancelHomeVisit', { params: { id: h.id } }), 404, 'NOT_FOUND')
    expect((await stranger.call('listHomeVisits')).items).toEqual([])
    const outsider = await t.staff('hs-clerk')
    await expectError(outsider.call('scheduleHomeVisit', { params: { id: h.id }, body: { scheduledAt: '2026-09-29T15:00:00+08:00' } }), 404, 'NOT_FOUND')
    expect((await outsider.call('listStaffHomeVisits')).items).toEqual([])
    expect((await r.call('cancelHomeVisit', { params: { id: h.id } })).status).toBe('CANCELLED')
    expect((await r.call('listHomeVisits')).items.map((x) => x.status)).toEqual(['CANCELLED'])
  })
})
