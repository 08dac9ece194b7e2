// 好差评: 一事一评, the rating window, 差评 rectification with working-day deadlines, 回访, 申诉复核 and statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'

const MONDAY = '2026-11-23T09:00:00+08:00'
const PHONE = '13812345678'
let t: TestApp
type Org = { id: string; path: string }
let district: Org, street: Org, community: Org, otherStreet: Org
let hall: { id: string }, communityHall: { id: string }, win: { id: string }, item: { id: string }
type Call = Awaited<ReturnType<TestApp['resident']>>
let alice: Call, bob: Call
let handler: Call['call'], communityHandler: Call['call'], otherAdmin: Call['call'], otherReviewer: Call['call'], streetReviewer: Call['call'], districtReviewer: Call['call']

const at = (iso: string) => t.deps.clock.freeze(iso)

async function hallIn (org: Org, name: string) {
  const h = await t.deps.db.hall.create({ data: { orgId: org.id, name, address: `${name}地址` } })
  const w = await t.deps.db.window.create({ data: { hallId: h.id, name: '综合窗口', number: '1' } })
  return { hall: h, window: w }
}

let seq = 0
/** An appointment row written directly (the appointments module is not needed): DONE unless told otherwise. */
async function appointment (residentId: string, opts: { hallId?: string; windowId?: string | null; doneAt?: string; status?: 'DONE' | 'BOOKED' } = {}) {
  const hallId = opts.hallId ?? hall.id
  const doneAt = new Date(opts.doneAt ?? t.deps.clock.now().toISOString())
  const date = doneAt.toISOString().slice(0, 10)
  const slot = await t.deps.db.slot.create({
    data: { hallId, date, start: `${String(8 + (seq % 10)).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}`, end: '23:00', startsAt: doneAt, capacity: 99, windowKey: `k${seq++}` },
  })
  return t.deps.db.appointment.create({
    data: {
      residentId, slotId: slot.id, serviceItemId: item.id, hallId, windowId: opts.windowId === undefined ? (hallId === hall.id ? win.id : null) : opts.windowId,
      date, status: opts.status ?? 'DONE', code: `C${seq++}`, contactName: '张三丰', contactPhoneEnc: t.deps.cipher.encrypt(PHONE),
      doneAt: (opts.status ?? 'DONE') === 'DONE' ? doneAt : null,
    },
  })
}

async function consultation (residentId: string, orgId: string, status: 'SUBMITTED' | 'REPLIED' | 'CLOSED' = 'REPLIED') {
  const now = t.deps.clock.now()
  return t.deps.db.consultation.create({
    data: {
      residentId, orgId, kind: 'CONSULT', title: '居住证办理咨询', content: '请问居住证需要什么材料？', status, dueAt: new Date(now.getTime() + 3 * 86_400_000),
      ...(status === 'SUBMITTED' ? {} : { firstRepliedAt: now, repliedAt: now }),
    },
  })
}

const rate = (who: Call, body: Record<string, unknown>) => who.call('createRating', { body: body as never })
const bad = (subjectId: string, extra: Record<string, unknown> = {}) => ({ subjectType: 'APPOINTMENT', subjectId, level: 2, tags: ['办理拖沓'], comment: '等了很久才办完', ...extra })

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY })
  district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  community = await createOrg(t.deps, '测试社区', 'COMMUNITY', street)
  otherStreet = await createOrg(t.deps, '另一街道', 'STREET', district)
  const h = await hallIn(street, '街道便民服务中心')
  hall = h.hall; win = h.window
  communityHall = (await hallIn(community, '社区服务站')).hall
  item = await t.deps.db.serviceItem.create({ data: { orgId: street.id, code: 'T-001', name: '居住证办理', category: '户籍居住', materials: [], timeLimitDays: 5 } })
  await createStaff(t.deps, 'handler1', 'HANDLER', street.id)
  await createStaff(t.deps, 'chandler', 'HANDLER', community.id)
  await createStaff(t.deps, 'oadmin', 'ADMIN', otherStreet.id)
  await createStaff(t.deps, 'oreviewer', 'REVIEWER', otherStreet.id)
  await createStaff(t.deps, 'sreviewer', 'REVIEWER', street.id)
  await createStaff(t.deps, 'dreviewer', 'REVIEWER', district.id)
  alice = await t.resident('alice')
  bob = await t.resident('bob')
  const staff = async (u: string) => (await t.staff(u)).call
  handler = await staff('handler1')
  communityHandler = await staff('chandler')
  otherAdmin = await staff('oadmin')
  otherReviewer = await staff('oreviewer')
  streetReviewer = await staff('sreviewer')
  districtReviewer = await staff('dreviewer')
})
afterAll(async () => { await t.close() })

describe('rating a finished service (一事一评)', () => {
  it('publishes the levels, sub-scores and tag lists', async () => {
    const tags = await t.anon('getRatingTags')
    expect(tags.levels.map((l) => l.label)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(tags.levels.filter((l) => l.bad).map((l) => l.level)).toEqual([2, 1])
    expect(tags.dimensions.map((d) => d.label)).toEqual(['服务态度', '办事效率', '办事指南精确度', '办事便捷度'])
    expect(tags.good).toContain('热情周到')
    expect(tags.bad).toContain('推诿扯皮')
    expect(tags.windowDays).toBe(7)
  })

  it('rates a DONE appointment once; a second rating is 409 DUPLICATE, also when sent at the same time', async () => {
    at(MONDAY)
    const a = await appointment(alice.id)
    const pending = await alice.call('listPendingRatings')
    expect(pending.items.map((p) => p.subjectId)).toContain(a.id)
    const r = await rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 5, dimensions: { attitude: 5, efficiency: 4 }, tags: ['热情周到', '一次办成'], comment: '很快办好了' })
    expect(r).toMatchObject({ subjectType: 'APPOINTMENT', subjectId: a.id, level: 5, levelLabel: '非常满意', tags: ['热情周到', '一次办成'], comment: '很快办好了' })
    expect(r.rectification).toBeUndefined()
    expect(r.subject).toMatchObject({ title: '居住证办理', hallName: '街道便民服务中心', orgName: '测试街道' })
    await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 4 }), 409, 'DUPLICATE')
    expect((await alice.call('listPendingRatings')).items.map((p) => p.subjectId)).not.toContain(a.id)
    const status = await alice.call('getRatingSubject', { params: { subjectType: 'APPOINTMENT', subjectId: a.id } })
    expect(status).toMatchObject({ canRate: false, ratingId: r.id, reason: '该事项已评价' })

    const b = await appointment(alice.id)
    const results = await Promise.allSettled([1, 2, 3].map(() => rate(alice, { subjectType: 'APPOINTMENT', subjectId: b.id, level: 4 })))
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1)
    for (const x of results) if (x.status === 'rejected') expect((x.reason as { code: string }).code).toBe('DUPLICATE')
    expect(await t.deps.db.rating.count({ where: { subjectId: b.id } })).toBe(1)
  })

  it('rates an answered consultation and a done home visit', async () => {
    at(MONDAY)
    const c = await consultation(alice.id, community.id)
    const r = await rate(alice, { subjectType: 'CONSULTATION', subjectId: c.id, level: 4, tags: ['耐心细致'] })
    expect(r.subject).toMatchObject({ title: '咨询：居住证办理咨询', orgName: '测试社区', hallName: null })
    const v = await t.deps.db.homeVisit.create({
      data: { residentId: alice.id, serviceItemId: item.id, orgId: community.id, contactName: '李四', contactPhoneEnc: t.deps.cipher.encrypt(PHONE), addressEnc: t.deps.cipher.encrypt('某路 1 号'), reason: '行动不便', preferredDays: [], status: 'DONE', doneAt: t.deps.clock.now() },
    })
    const hv = await rate(alice, { subjectType: 'HOME_VISIT', subjectId: v.id, level: 5 })
    expect(hv.subject?.title).toBe('居住证办理（上门服务）')
    const rows = await t.deps.db.rating.findMany({ where: { id: { in: [r.id, hv.id] } } })
    expect(rows.map((x) => x.orgId).sort()).toEqual([community.id, community.id])
  })

  it('refuses a service that is not finished (422 INVALID_STATE) and changes nothing', async () => {
    at(MONDAY)
    const a = await appointment(alice.id, { status: 'BOOKED' })
    const e = await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 5 }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/办结/)
    const c = await consultation(alice.id, street.id, 'SUBMITTED')
    await expectError(rate(alice, { subjectType: 'CONSULTATION', subjectId: c.id, level: 5 }), 422, 'INVALID_STATE')
    expect(await t.deps.db.rating.count({ where: { subjectId: { in: [a.id, c.id] } } })).toBe(0)
    expect((await alice.call('getRatingSubject', { params: { subjectType: 'APPOINTMENT', subjectId: a.id } })).canRate).toBe(false)
  })

  it("answers 404 for someone else's service or rating, and for unknown ids", async () => {
    at(MONDAY)
    const a = await appointment(alice.id)
    await expectError(rate(bob, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 1, tags: ['态度生硬'] }), 404, 'NOT_FOUND')
    await expectError(bob.call('getRatingSubject', { params: { subjectType: 'APPOINTMENT', subjectId: a.id } }), 404, 'NOT_FOUND')
    await expectError(rate(bob, { subjectType: 'CONSULTATION', subjectId: a.id, level: 5 }), 404, 'NOT_FOUND')
    await expectError(rate(bob, { subjectType: 'APPOINTMENT', subjectId: 'nope', level: 5 }), 404, 'NOT_FOUND')
    const r = await rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 3 })
    await expectError(bob.call('getRating', { params: { id: r.id } }), 404, 'NOT_FOUND')
    expect((await bob.call('listMyRatings')).items).toEqual([])
    await expectError(handler('createRating', { body: { subjectType: 'APPOINTMENT', subjectId: a.id, level: 5 } }), 403, 'FORBIDDEN')
  })

  it('accepts ratings within 7 days of completion only (422 OUT_OF_WINDOW after)', async () => {
    at(MONDAY)
    const early = await appointment(alice.id)
    const late = await appointment(alice.id)
    t.deps.clock.advance(7 * 86_400_000 - 60_000)
    await rate(alice, { subjectType: 'APPOINTMENT', subjectId: early.id, level: 5 })
    t.deps.clock.advance(2 * 60_000)
    const e = await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: late.id, level: 5 }), 422, 'OUT_OF_WINDOW')
    expect(e.message).toMatch(/7 天/)
    expect((await alice.call('listPendingRatings')).items.map((p) => p.subjectId)).not.toContain(late.id)
    expect(await t.deps.db.rating.count({ where: { subjectId: late.id } })).toBe(0)
  })

  it('requires a 差评 to carry a tag or a written reason, with tags of the right group (400 with field details)', async () => {
    at(MONDAY)
    const a = await appointment(alice.id)
    const none = await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 2 }), 400, 'VALIDATION_FAILED')
    expect(none.fieldErrors()).toMatchObject({ tags: expect.stringMatching(/差评/), comment: expect.stringMatching(/5 个字/) })
    await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 1, comment: '不好' }), 400, 'VALIDATION_FAILED')
    const wrong = await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 1, tags: ['热情周到'] }), 400, 'VALIDATION_FAILED')
    expect(wrong.fieldErrors()['tags.0']).toMatch(/热情周到/)
    const goodWithBadTag = await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 4, tags: ['推诿扯皮'] }), 400, 'VALIDATION_FAILED')
    expect(goodWithBadTag.fieldErrors()['tags.0']).toMatch(/好评/)
    const dims = await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 4, dimensions: { attitude: 6 } }), 400, 'VALIDATION_FAILED')
    expect(dims.fieldErrors()['dimensions.attitude']).toMatch(/服务态度/)
    await expectError(rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 0 }), 400, 'VALIDATION_FAILED')
    await expectError(rate(alice, { subjectType: 'PARKING', subjectId: a.id, level: 5 }), 400, 'VALIDATION_FAILED')
    expect(await t.deps.db.rating.count({ where: { subjectId: a.id } })).toBe(0)
    expect(await t.deps.db.rectification.count({ where: { rating: { subjectId: a.id } } })).toBe(0)
    const byReason = await rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 1, comment: '窗口人员态度很差' })
    expect(byReason.rectification?.status).toBe('OPEN')
  })
})

describe('差评 rectification', () => {
  it('opens a case for the hall’s org in the same step, due 15 working days later (2026-11-23 → 2026-12-14)', async () => {
    at(MONDAY)
    const a = await appointment(alice.id)
    const r = await rate(alice, bad(a.id))
    expect(r.rectification).toMatchObject({ status: 'OPEN', dueAt: '2026-12-14T23:59:59.999+08:00', overdue: false })
    const row = await t.deps.db.rectification.findUniqueOrThrow({ where: { id: r.rectification!.id } })
    expect(row.orgId).toBe(street.id)
    const c = await consultation(alice.id, community.id)
    const rc = await rate(alice, { subjectType: 'CONSULTATION', subjectId: c.id, level: 1, tags: ['推诿扯皮'] })
    expect((await t.deps.db.rectification.findUniqueOrThrow({ where: { id: rc.rectification!.id } })).orgId).toBe(community.id)
  })

  it('counts working days across the National Day holiday and its make-up Saturday', async () => {
    at('2026-09-29T10:00:00+08:00')
    const a = await appointment(alice.id)
    const r = await rate(alice, bad(a.id))
    // 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12 … 10-16, 10-19 … 10-23, 10-26 = 15 working days.
    expect(r.rectification?.dueAt).toBe('2026-10-26T23:59:59.999+08:00')
  })

  it('goes OPEN → VERIFIED → RECTIFIED → REVISITED → CLOSED; the resident sees progress, is notified and gives feedback', async () => {
    at(MONDAY)
    const a = await appointment(alice.id)
    const r = await rate(alice, bad(a.id))
    const id = r.rectification!.id
    const listed = await handler('listRectifications', { query: { status: 'OPEN', limit: 100 } })
    expect(listed.items.find((x) => x.id === id)).toMatchObject({ ratingId: r.id, level: 2, tags: ['办理拖沓'], subjectTitle: '居住证办理', orgName: '测试街道' })

    const detail = await handler('getRectification', { params: { id } })
    expect(detail.contact).toEqual({ name: '张*丰', phone: '138****5678' })
    expect(detail.nextActions).toEqual(['verify'])
    expect(detail.canAppeal).toBe(true)
    await expectError(alice.call('giveRectificationFeedback', { params: { id: r.id }, body: { satisfied: true } }), 422, 'INVALID_STATE')

    t.deps.clock.advance(10 * 60_000)
    expect((await handler('verifyRectification', { params: { id }, body: { note: '经核实，当天等候超过一小时' } })).status).toBe('VERIFIED')
    expect((await handler('rectifyRectification', { params: { id }, body: { note: '增设高峰时段临时窗口' } })).status).toBe('RECTIFIED')
    const revealed = await handler('revealRectificationContact', { params: { id } })
    expect(revealed).toEqual({ name: '张三丰', phone: PHONE })
    const revisited = await handler('revisitRectification', { params: { id }, body: { note: '电话回访，群众表示理解' } })
    expect(revisited.nextActions).toEqual(['close'])
    const closed = await handler('closeRectification', { params: { id }, body: { note: '已增设临时窗口，高峰等候缩短至 20 分钟以内' } })
    expect(closed).toMatchObject({ status: 'CLOSED', result: '已增设临时窗口，高峰等候缩短至 20 分钟以内', nextActions: [] })
    expect(closed.steps.map((s) => [s.action, s.staffName])).toEqual([['VERIFY', '测试handler1'], ['RECTIFY', '测试handler1'], ['REVISIT', '测试handler1'], ['CLOSE', '测试handler1']])
    // Verified and closed: the 差评 was accepted, so no 申诉 is offered or taken any more.
    expect(closed.canAppeal).toBe(false)
    const late = await expectError(handler('appealRating', { params: { id }, body: { reason: 'MISTAKEN', note: '办结后再申诉试试' } }), 422, 'INVALID_STATE')
    expect(late.message).toContain('不能再申诉')
    expect(await t.deps.db.ratingAppeal.count({ where: { ratingId: r.id } })).toBe(0)

    const mine = await alice.call('getRating', { params: { id: r.id } })
    expect(mine.rectification).toMatchObject({ status: 'CLOSED', result: closed.result, residentSatisfied: null })
    expect(mine.rectification?.steps.map((s) => s.action)).toEqual(['VERIFY', 'RECTIFY', 'REVISIT', 'CLOSE'])
    expect(mine.rectification?.steps[0]?.note).toBe('经核实，当天等候超过一小时')
    const messages = await alice.call('listMessages')
    expect(messages.items.find((m) => m.kind === 'RECTIFICATION_RESULT')).toMatchObject({ title: '差评整改结果', page: `/pages/ratings/detail/index?id=${r.id}` })

    const fb = await alice.call('giveRectificationFeedback', { params: { id: r.id }, body: { satisfied: true, comment: '满意' } })
    expect(fb.rectification).toMatchObject({ residentSatisfied: true, residentFeedback: '满意' })
    await expectError(alice.call('giveRectificationFeedback', { params: { id: r.id }, body: { satisfied: false } }), 409, 'DUPLICATE')

    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } })).map((x) => x.action)
    expect(actions).toEqual(['rectification.verify', 'rectification.rectify', 'rectification.contact_revealed', 'rectification.revisit', 'rectification.close'])
  })

  it('takes the 解释说明 path and refuses invalid transitions and closing before 回访 (422)', async () => {
    at(MONDAY)
    const r = await rate(alice, bad((await appointment(alice.id)).id))
    const id = r.rectification!.id
    const e = await expectError(handler('closeRectification', { params: { id }, body: { note: '直接办结' } }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/回访/)
    await expectError(handler('rectifyRectification', { params: { id }, body: { note: '未核实先整改' } }), 422, 'INVALID_STATE')
    await handler('verifyRectification', { params: { id }, body: { note: '已核实' } })
    await expectError(handler('revisitRectification', { params: { id }, body: { note: '未整改先回访' } }), 422, 'INVALID_STATE')
    await expectError(handler('verifyRectification', { params: { id }, body: { note: '再核实一次' } }), 422, 'INVALID_STATE')
    expect((await handler('explainRectification', { params: { id }, body: { note: '该诉求无法律依据，已向群众解释' } })).status).toBe('EXPLAINED')
    await expectError(handler('closeRectification', { params: { id }, body: { note: '未回访' } }), 422, 'INVALID_STATE')
    await expectError(handler('rectifyRectification', { params: { id }, body: { note: '' } }), 400, 'VALIDATION_FAILED')
    await handler('revisitRectification', { params: { id }, body: { note: '已回访' } })
    expect((await handler('closeRectification', { params: { id }, body: { note: '已解释说明' } })).status).toBe('CLOSED')
    await expectError(handler('closeRectification', { params: { id }, body: { note: '重复办结' } }), 422, 'INVALID_STATE')
    expect(await t.deps.db.rectificationStep.count({ where: { rectificationId: id } })).toBe(4)
  })

  it('flags cases past their due date as overdue', async () => {
    at(MONDAY)
    const r = await rate(alice, bad((await appointment(alice.id)).id))
    const id = r.rectification!.id
    const before = await handler('listRectifications', { query: { overdue: 'true', limit: 100 } })
    expect(before.items.map((x) => x.id)).not.toContain(id)
    at('2026-12-14T23:59:00+08:00')
    const later = (await t.staff('handler1')).call // staff sessions expire after 12 hours
    expect((await later('getRectification', { params: { id } })).overdue).toBe(false)
    at('2026-12-15T00:00:01+08:00')
    const after = await later('listRectifications', { query: { overdue: 'true', limit: 100 } })
    expect(after.items.find((x) => x.id === id)?.overdue).toBe(true)
    expect(after.overdueCount).toBeGreaterThanOrEqual(1)
    expect((await later('listRectifications', { query: { overdue: 'false', limit: 100 } })).items.map((x) => x.id)).not.toContain(id)
    expect((await alice.call('getRating', { params: { id: r.id } })).rectification?.overdue).toBe(true)
    at(MONDAY)
  })

  it('keeps staff to their org subtree (404 outside)', async () => {
    at(MONDAY)
    const streetCase = (await rate(alice, bad((await appointment(alice.id)).id))).rectification!.id
    const communityCase = (await rate(alice, bad((await appointment(alice.id, { hallId: communityHall.id })).id))).rectification!.id
    await expectError(otherAdmin('getRectification', { params: { id: streetCase } }), 404, 'NOT_FOUND')
    await expectError(otherAdmin('verifyRectification', { params: { id: streetCase }, body: { note: '越权核实' } }), 404, 'NOT_FOUND')
    await expectError(otherAdmin('revealRectificationContact', { params: { id: streetCase } }), 404, 'NOT_FOUND')
    expect((await otherAdmin('listRectifications', { query: { limit: 100 } })).items).toEqual([])
    await expectError(communityHandler('getRectification', { params: { id: streetCase } }), 404, 'NOT_FOUND')
    const seen = (await communityHandler('listRectifications', { query: { limit: 100 } })).items.map((x) => x.id)
    expect(seen).toContain(communityCase)
    expect(seen).not.toContain(streetCase)
    expect((await handler('getRectification', { params: { id: communityCase } })).orgName).toBe('测试社区')
    expect((await t.deps.db.rectification.findUniqueOrThrow({ where: { id: streetCase } })).status).toBe('OPEN')
    await expectError(alice.call('listRectifications'), 403, 'FORBIDDEN')
  })
})

describe('申诉复核', () => {
  it('lets a reviewer of a higher org uphold an appeal: the rating is excluded from statistics, never deleted', async () => {
    at(MONDAY)
    const a = await appointment(alice.id, { hallId: communityHall.id })
    const r = await rate(alice, { subjectType: 'APPOINTMENT', subjectId: a.id, level: 1, tags: ['态度生硬'] })
    const before = await t.anon('getRatingStats', { query: { orgId: community.id } })
    const appeal = await communityHandler('appealRating', { params: { id: r.rectification!.id }, body: { reason: 'MALICIOUS', note: '监控显示评价人未到窗口办理' } })
    expect(appeal).toMatchObject({ status: 'PENDING', reason: 'MALICIOUS', requestedByName: '测试chandler', canDecide: false })
    await expectError(communityHandler('appealRating', { params: { id: r.rectification!.id }, body: { reason: 'MISTAKEN', note: '再申诉一次试试' } }), 409, 'DUPLICATE')
    await expectError(communityHandler('upholdAppeal', { params: { id: appeal.id }, body: { note: '自己批准' } }), 403, 'FORBIDDEN')
    await expectError(otherAdmin('upholdAppeal', { params: { id: appeal.id }, body: { note: '越权' } }), 403, 'FORBIDDEN')

    const listed = await streetReviewer('listAppeals', { query: { status: 'PENDING' } })
    expect(listed.items.find((x) => x.id === appeal.id)?.canDecide).toBe(true)
    const upheld = await streetReviewer('upholdAppeal', { params: { id: appeal.id }, body: { note: '经调取监控，申诉成立' } })
    expect(upheld).toMatchObject({ status: 'UPHELD', decidedByName: '测试sreviewer', decisionNote: '经调取监控，申诉成立', rating: { excluded: true } })
    await expectError(districtReviewer('dismissAppeal', { params: { id: appeal.id }, body: { note: '再处理' } }), 422, 'INVALID_STATE')

    const row = await t.deps.db.rating.findUniqueOrThrow({ where: { id: r.id } })
    expect(row.excluded).toBe(true)
    const after = await t.anon('getRatingStats', { query: { orgId: community.id } })
    expect(after.rated).toBe(before.rated - 1)
    expect(after.bad).toBe(before.bad - 1)
    expect(after.excluded).toBe(before.excluded + 1)
    expect(after.services.rated).toBe(before.services.rated)
    const audits = await t.deps.db.auditLog.findMany({ where: { targetId: appeal.id } })
    expect(audits.map((x) => x.action).sort()).toEqual(['appeal.uphold', 'rating.appeal'])
  })

  it('refuses a reviewer of the same org (403) and another org (404); a higher reviewer may dismiss', async () => {
    at(MONDAY)
    const r = await rate(alice, bad((await appointment(alice.id)).id))
    const appeal = await handler('appealRating', { params: { id: r.rectification!.id }, body: { reason: 'MISTAKEN', note: '评价人选错了办件' } })
    const same = await expectError(streetReviewer('upholdAppeal', { params: { id: appeal.id }, body: { note: '本级批准' } }), 403, 'FORBIDDEN')
    expect(same.message).toMatch(/上级/)
    expect((await streetReviewer('listAppeals', { query: { status: 'PENDING' } })).items.find((x) => x.id === appeal.id)?.canDecide).toBe(false)
    await expectError(handler('upholdAppeal', { params: { id: appeal.id }, body: { note: '经办人批准' } }), 403, 'FORBIDDEN')
    await expectError(otherReviewer('upholdAppeal', { params: { id: appeal.id }, body: { note: '外单位批准' } }), 404, 'NOT_FOUND')
    expect((await otherReviewer('listAppeals')).items.map((x) => x.id)).not.toContain(appeal.id)
    const dismissed = await districtReviewer('dismissAppeal', { params: { id: appeal.id }, body: { note: '证据不足，驳回' } })
    expect(dismissed.status).toBe('DISMISSED')
    expect((await t.deps.db.rating.findUniqueOrThrow({ where: { id: r.id } })).excluded).toBe(false)
    const detail = await handler('getRectification', { params: { id: r.rectification!.id } })
    expect(detail.appeals.map((x) => x.status)).toEqual(['DISMISSED'])
  })
})

describe('statistics', () => {
  it('equals hand-computed figures on a small data set (好评率, 差评, 整改率, 未评价率, satisfaction, exclusion)', async () => {
    const s3 = await createOrg(t.deps, '统计街道', 'STREET', district)
    const { hall: h3, window: w3 } = await hallIn(s3, '统计中心')
    await createStaff(t.deps, 'h3', 'HANDLER', s3.id)
    const h3Handler = (await t.staff('h3')).call
    const carol = await t.resident('carol')
    // Earlier data outside the range: done and rated on 2026-11-10.
    at('2026-11-10T10:00:00+08:00')
    const old = await appointment(carol.id, { hallId: h3.id, windowId: w3.id })
    await rate(carol, { subjectType: 'APPOINTMENT', subjectId: old.id, level: 1, tags: ['多次跑动'] })

    at(MONDAY)
    const appts = []
    for (let i = 0; i < 6; i++) appts.push(await appointment(carol.id, { hallId: h3.id, windowId: i < 4 ? w3.id : null }))
    await appointment(carol.id, { hallId: h3.id, status: 'BOOKED' }) // not finished: not counted
    const ratings = []
    for (const [i, level] of [5, 4, 3, 2, 1].entries()) {
      ratings.push(await rate(carol, { subjectType: 'APPOINTMENT', subjectId: appts[i]!.id, level, ...(level <= 2 ? { tags: ['办理拖沓'] } : {}) }))
    }
    const cons = await consultation(carol.id, s3.id)
    await rate(carol, { subjectType: 'CONSULTATION', subjectId: cons.id, level: 5 })
    const range = { orgId: s3.id, from: '2026-11-20', to: '2026-11-30' }

    let s = await t.anon('getRatingStats', { query: range })
    expect(s.byLevel).toEqual([
      { level: 5, label: '非常满意', count: 2 }, { level: 4, label: '满意', count: 1 }, { level: 3, label: '基本满意', count: 1 },
      { level: 2, label: '不满意', count: 1 }, { level: 1, label: '非常不满意', count: 1 },
    ])
    expect(s).toMatchObject({ rated: 6, good: 4, bad: 2, goodRate: 0.6667, excluded: 0 })
    expect(s.rectification).toMatchObject({ closed: 0, closedOnTime: 0, overdueOpen: 0, rate: 0, onTimeRate: 0, satisfactionRate: null })
    // 7 finished services (6 appointments + 1 consultation), 6 rated, 1 unrated and still ratable.
    expect(s.services).toEqual({ done: 7, rated: 6, unrated: 1, stillRatable: 1, unratedRate: 0.1429 })

    // Close the 不满意 case on time with a satisfied resident; uphold an appeal against the 非常不满意 one.
    const case2 = ratings[3]!.rectification!.id
    for (const action of ['verifyRectification', 'rectifyRectification', 'revisitRectification', 'closeRectification'] as const) {
      await h3Handler(action, { params: { id: case2 }, body: { note: '处理完毕' } })
    }
    await carol.call('giveRectificationFeedback', { params: { id: ratings[3]!.id }, body: { satisfied: true } })
    const appeal = await h3Handler('appealRating', { params: { id: ratings[4]!.rectification!.id }, body: { reason: 'MALICIOUS', note: '评价人与窗口人员有私人纠纷' } })
    await districtReviewer('upholdAppeal', { params: { id: appeal.id }, body: { note: '申诉成立' } })

    s = await t.anon('getRatingStats', { query: range })
    expect(s).toMatchObject({ rated: 5, good: 4, bad: 1, goodRate: 0.8, excluded: 1 })
    expect(s.rectification).toEqual({ closed: 1, closedOnTime: 1, overdueOpen: 0, rate: 1, onTimeRate: 1, satisfied: 1, unsatisfied: 0, satisfactionRate: 1 })
    expect(s.services).toEqual({ done: 7, rated: 6, unrated: 1, stillRatable: 1, unratedRate: 0.1429 })

    // Per hall and window: the consultation drops out; the window has the first four appointments.
    const byHall = await t.anon('getRatingStats', { query: { ...range, hallId: h3.id } })
    expect(byHall).toMatchObject({ rated: 4, good: 3, bad: 1, goodRate: 0.75 })
    expect(byHall.services).toMatchObject({ done: 6, rated: 5, unrated: 1 })
    const byWindow = await t.anon('getRatingStats', { query: { ...range, windowId: w3.id } })
    expect(byWindow).toMatchObject({ rated: 4, good: 3, bad: 1, goodRate: 0.75 }) // levels 5, 4, 3, 2
    expect(byWindow.services).toMatchObject({ done: 4, rated: 4, unrated: 0, unratedRate: 0 })

    // All time: the old 非常不满意 rating counts, and its case is overdue (due 2026-12-01 → still open on a later day).
    const all = await t.anon('getRatingStats', { query: { orgId: s3.id } })
    expect(all).toMatchObject({ rated: 6, bad: 2, goodRate: 0.6667 })
    expect(all.services).toMatchObject({ done: 8, rated: 7, unrated: 1 })
    at('2026-12-02T09:00:00+08:00')
    const later = await t.anon('getRatingStats', { query: { orgId: s3.id } })
    expect(later.rectification).toMatchObject({ closed: 1, overdueOpen: 1, rate: 0.5 })
    expect(later.services.stillRatable).toBe(0)
    at(MONDAY)

    const breakdown = await t.anon('getRatingBreakdown', { query: { by: 'window', orgId: s3.id, from: '2026-11-20' } })
    expect(breakdown.items).toEqual([{ key: w3.id, name: '1 号窗口 综合窗口', rated: 4, good: 3, bad: 1, goodRate: 0.75 }])

    // Staff see the same figures for their subtree; another org's figures are 404.
    expect(await h3Handler('getStaffRatingStats', { query: range })).toEqual(s)
    await expectError(handler('getStaffRatingStats', { query: range }), 404, 'NOT_FOUND')
    await expectError(t.anon('getRatingStats', { query: { orgId: 'nope' } }), 404, 'NOT_FOUND')
    await expectError(t.anon('getRatingStats', { query: { from: '2026-12-01', to: '2026-11-01' } }), 400, 'VALIDATION_FAILED')
  })
})

describe('demo seed', () => {
  it('gives the stats page, the handler inbox and the demo resident something to show', async () => {
    const demo = await startTestApp({ clock: MONDAY, demo: true })
    try {
      const street = await demo.deps.db.org.findFirstOrThrow({ where: { level: 'STREET' }, orderBy: { sort: 'asc' } })
      const stats = await demo.anon('getRatingStats', { query: { orgId: street.id } })
      expect(stats).toMatchObject({ rated: 6, good: 5, bad: 1 })
      expect(stats.services.unrated).toBeGreaterThanOrEqual(2)
      const inbox = await (await demo.staff('handler')).call('listRectifications')
      expect(inbox.items.map((x) => x.status)).toEqual(['OPEN'])
      const resident = await demo.resident('demo-resident')
      expect((await resident.call('listPendingRatings')).count).toBe(1)
      expect((await resident.call('listMyRatings')).items[0]?.rectification?.status).toBe('OPEN')
    } finally {
      await demo.close()
    }
  })
})
