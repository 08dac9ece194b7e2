import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCall } from '@bianmin/shared'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { expireUnansweredCorrections } from '../../server/src/modules/disclosures/disclosure.jobs'
import { PDF_MIN, upload } from '../support/uploads'

// Monday 2026-09-28: the 国庆/中秋 holiday (10-01 … 10-07) and the 调休 Saturday 10-10 fall inside the first 20 working days.
const MONDAY = '2026-09-28T09:00:00+08:00'

let t: TestApp
let street: { id: string; path: string }
let community: { id: string; path: string }
let otherStreet: { id: string; path: string }
let me: { call: ApiCall; id: string }
let stranger: { call: ApiCall; id: string }
let handler: ApiCall
let reviewer: ApiCall
let outsider: ApiCall
let communityHandler: ApiCall

// Moving the clock by days expires sessions (staff idle timeout): clients log in again after every move.
let generation = 0
const at = (iso: string) => { t.deps.clock.freeze(iso); generation++ }
function relogin (login: () => Promise<ApiCall>): ApiCall {
  let seen = -1
  let call: ApiCall | null = null
  return (async (...args: Parameters<ApiCall>) => {
    if (!call || seen !== generation) { call = await login(); seen = generation }
    return call(...args)
  }) as ApiCall
}
const day = (iso: string) => iso.slice(0, 10)
const application = (orgId: string, extra: Record<string, unknown> = {}) => ({
  applicantType: 'NATURAL_PERSON' as const, orgId, description: '申请公开本街道2026年老旧小区改造项目清单', purpose: '了解小区改造安排',
  form: 'ELECTRONIC' as const, contactName: '李明', contactPhone: '13812345678', applicantIdNumber: '350203199001011234', ...extra,
})
const apply = (call: ApiCall = me.call, orgId = street.id, extra: Record<string, unknown> = {}) =>
  call('createDisclosure', { body: application(orgId, extra) as never })

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY })
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  community = await createOrg(t.deps, '测试社区', 'COMMUNITY', street)
  otherStreet = await createOrg(t.deps, '另一街道', 'STREET', district)
  await createStaff(t.deps, 'dhandler', 'HANDLER', street.id)
  await createStaff(t.deps, 'dreviewer', 'REVIEWER', street.id)
  await createStaff(t.deps, 'doutsider', 'HANDLER,REVIEWER,ADMIN', otherStreet.id)
  await createStaff(t.deps, 'dcomm', 'HANDLER', community.id)
  await createStaff(t.deps, 'dclerk', 'CLERK', street.id)
  await createStaff(t.deps, 'dadmin', 'ADMIN', street.id)
  me = { id: (await t.resident('disclosure-me')).id, call: relogin(async () => (await t.resident('disclosure-me')).call) }
  stranger = { id: (await t.resident('disclosure-stranger')).id, call: relogin(async () => (await t.resident('disclosure-stranger')).call) }
  const staff = (username: string) => relogin(async () => (await t.staff(username)).call)
  handler = staff('dhandler')
  reviewer = staff('dreviewer')
  outsider = staff('doutsider')
  communityHandler = staff('dcomm')
})
afterAll(async () => { await t.close() })

describe('applying and the 20-working-day deadline', () => {
  it('receives a Monday application that day and answers by the 20th working day after it, skipping 国庆', async () => {
    at(MONDAY)
    const d = await apply()
    expect(d.status).toBe('RECEIVED')
    expect(day(d.receivedAt)).toBe('2026-09-28')
    // 09-29, 09-30, 10-08, 10-09, 10-10 (调休), 10-12 … 10-16, 10-19 … 10-23, 10-26 … 10-30 = 20 working days
    expect(d.dueAt).toBe('2026-10-30T23:59:59.999+08:00')
    expect(d.overdue).toBe(false)
    expect(d.contactPhone).toBe('138****5678')
    expect(d.events.map((e) => e.action)).toEqual(['SUBMITTED'])
    const row = await t.deps.db.disclosure.findUniqueOrThrow({ where: { id: d.id } })
    expect(row.contactPhoneEnc).not.toContain('13812345678')
    expect(t.deps.cipher.decrypt(row.contactPhoneEnc)).toBe('13812345678')
    const mine = await me.call('listMyDisclosures')
    expect(mine.items.map((i) => i.id)).toContain(d.id)
    const msgs = await me.call('listMessages')
    expect(msgs.items.some((m) => m.kind === 'DISCLOSURE_UPDATE' && m.body.includes('2026-10-30'))).toBe(true)
  })

  it('keeps the ID number and postal address encrypted, shows the ID masked and answers the 申请编号', async () => {
    at(MONDAY)
    const d = await apply(me.call, street.id, { form: 'PAPER', applicantIdNumber: '350203199001011234', postalAddress: '厦门市湖里区东荣路 22 号 3 楼' })
    expect(d.serialNo).toMatch(/^2026-\d{6}$/)
    expect(d).toMatchObject({ form: 'PAPER', postalAddress: '厦门市湖里区东荣路 22 号 3 楼' })
    expect(d.applicantIdNumber).not.toContain('199001011')
    expect(d.applicantIdNumber).toMatch(/^3502\*+1234$/)
    const row = await t.deps.db.disclosure.findUniqueOrThrow({ where: { id: d.id } })
    expect(JSON.stringify(row)).not.toContain('350203199001011234')
    expect(JSON.stringify(row)).not.toContain('东荣路')
    expect(t.deps.cipher.decrypt(row.applicantIdEnc!)).toBe('350203199001011234')
  })

  it('counts a holiday submission as received on the next working day', async () => {
    at('2026-10-03T15:00:00+08:00')
    const d = await apply()
    expect(day(d.receivedAt)).toBe('2026-10-08')
    // 10-09 … 10-10, 10-12 … 10-16, 10-19 … 10-23, 10-26 … 10-30, 11-02 … 11-04
    expect(day(d.dueAt)).toBe('2026-11-04')
  })

  it('recomputes open deadlines when an admin changes the working-day calendar', async () => {
    at(MONDAY)
    const d = await apply()
    const admin = (await t.staff('dadmin')).call
    const due = async () => day((await me.call('getDisclosure', { params: { id: d.id } })).dueAt)
    await admin('setCalendarDay', { params: { date: '2026-10-16' }, body: { isWorkday: false, note: '临时停止办公' } })
    await expect.poll(due).toBe('2026-11-02')
    await admin('clearCalendarDay', { params: { date: '2026-10-16' } })
    await expect.poll(due).toBe('2026-10-30')
  })

  it('rejects bad applications with clear messages and stores nothing', async () => {
    at(MONDAY)
    const before = await t.deps.db.disclosure.count()
    let e = await expectError(apply(me.call, street.id, { applicantType: 'ROBOT' }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().applicantType).toMatch(/申请人类型/)
    e = await expectError(apply(me.call, street.id, { contactPhone: '12345' }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().contactPhone).toMatch(/手机号码/)
    e = await expectError(apply(me.call, street.id, { form: 'FAX' }), 400, 'VALIDATION_FAILED')
    e = await expectError(apply(me.call, 'no-such-org'), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().orgId).toMatch(/机构不存在/)
    await expectError(apply(me.call, street.id, { description: '' }), 400, 'VALIDATION_FAILED')
    // The applicant's identity (条例第二十九条), and where to post a paper reply.
    e = await expectError(apply(me.call, street.id, { applicantIdNumber: undefined }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().applicantIdNumber).toBe('请填写身份证号或统一社会信用代码')
    e = await expectError(apply(me.call, street.id, { applicantIdNumber: '12' }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().applicantIdNumber).toMatch(/证件号码/)
    e = await expectError(apply(me.call, street.id, { form: 'PAPER' }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().postalAddress).toBe('申请纸质文件时请填写邮寄地址')
    await expectError(t.anon('createDisclosure', { body: application(street.id) }), 401, 'UNAUTHENTICATED')
    await expectError(apply(handler), 403, 'FORBIDDEN')
    expect(await t.deps.db.disclosure.count()).toBe(before)
  })
})

describe('privacy and org scope', () => {
  it('hides a request from other residents and from staff outside the org subtree', async () => {
    at(MONDAY)
    const d = await apply()
    await expectError(stranger.call('getDisclosure', { params: { id: d.id } }), 404, 'NOT_FOUND')
    await expectError(stranger.call('answerDisclosureCorrection', { params: { id: d.id }, body: { content: '补充说明' } }), 404, 'NOT_FOUND')
    expect((await stranger.call('listMyDisclosures')).items.map((i) => i.id)).not.toContain(d.id)
    // Staff of another street and of a community below the street see nothing of a street-level request.
    for (const s of [outsider, communityHandler]) {
      await expectError(s('getStaffDisclosure', { params: { id: d.id } }), 404, 'NOT_FOUND')
      await expectError(s('replyDisclosure', { params: { id: d.id }, body: { outcome: 'DISCLOSED', content: '答复' } }), 404, 'NOT_FOUND')
      expect((await s('listStaffDisclosures', { query: { limit: 100 } })).items.map((i) => i.id)).not.toContain(d.id)
    }
    await expectError(outsider('extendDisclosure', { params: { id: d.id }, body: { days: 5, reason: '需要调取档案' } }), 404, 'NOT_FOUND')
    // The handler of the street sees it, with the full phone number (masked names in the list).
    const full = await handler('getStaffDisclosure', { params: { id: d.id } })
    expect(full.contactPhone).toBe('13812345678')
    const list = await handler('listStaffDisclosures', { query: { limit: 100 } })
    expect(list.items.find((i) => i.id === d.id)?.contactName).toBe('李*')
    // A community request is visible to the street above it.
    const c = await apply(me.call, community.id)
    expect((await handler('getStaffDisclosure', { params: { id: c.id } })).orgName).toBe('测试社区')
    expect((await communityHandler('getStaffDisclosure', { params: { id: c.id } })).id).toBe(c.id)
    await expectError((await t.staff('dclerk')).call('listStaffDisclosures'), 403, 'FORBIDDEN')
  })

  it('records an in-person application for an org in scope only', async () => {
    at('2026-10-09T10:00:00+08:00')
    const body = { ...application(street.id), applicantType: 'COMMERCIAL' as const, applicantName: '厦门某某科技有限公司', channel: 'IN_PERSON' as const, receivedDate: '2026-10-09', applicantIdNumber: '91350200MA31234567' }
    const d = await handler('recordDisclosure', { body })
    expect(d.channel).toBe('IN_PERSON')
    expect(day(d.receivedAt)).toBe('2026-10-09')
    expect(d.events[0]?.action).toBe('RECORDED')
    await expectError(handler('recordDisclosure', { body: { ...body, receivedDate: '2026-10-10' } }), 400, 'VALIDATION_FAILED')
    await expectError(handler('recordDisclosure', { body: { ...body, orgId: otherStreet.id } }), 404, 'NOT_FOUND')
    await expectError(handler('recordDisclosure', { body: { ...body, channel: 'ONLINE' as never } }), 400, 'VALIDATION_FAILED')
    // A letter signed for on a holiday counts from the next working day.
    const post = await handler('recordDisclosure', { body: { ...body, channel: 'POST', receivedDate: '2026-10-04' } })
    expect(day(post.receivedAt)).toBe('2026-10-08')
    await expectError(me.call('getDisclosure', { params: { id: d.id } }), 404, 'NOT_FOUND')
  })
})

describe('补正', () => {
  it('is requested once, within 7 working days, and restarts the clock from the day it is supplied', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-10-09T10:00:00+08:00') // 4th working day after receipt
    const r = await handler('requestDisclosureCorrection', { params: { id: d.id }, body: { content: '请写明项目所在社区及年份' } })
    expect(r.status).toBe('CORRECTION_REQUESTED')
    // The applicant's 补正 deadline: 15 working days (10-10 … 10-29)
    expect(day(r.dueAt)).toBe('2026-10-29')
    expect(r.correction?.request).toBe('请写明项目所在社区及年份')
    expect(r.overdue).toBe(false)
    await expectError(handler('requestDisclosureCorrection', { params: { id: d.id }, body: { content: '再补充' } }), 422, 'INVALID_STATE')
    expect((await me.call('listMessages')).items.some((m) => m.title.includes('补正') && m.body.includes('请写明项目所在社区'))).toBe(true)
    // Staff cannot reply while waiting for the 补正.
    await expectError(handler('replyDisclosure', { params: { id: d.id }, body: { outcome: 'DISCLOSED', content: '答复' } }), 422, 'INVALID_STATE')

    at('2026-10-14T20:00:00+08:00')
    await expectError(me.call('answerDisclosureCorrection', { params: { id: d.id }, body: { content: '' } }), 400, 'VALIDATION_FAILED')
    const a = await me.call('answerDisclosureCorrection', { params: { id: d.id }, body: { content: '湖里社区，2026年度' } })
    expect(a.status).toBe('RECEIVED')
    expect(a.correction?.content).toBe('湖里社区，2026年度')
    // 20 working days from 10-14: 10-15 … 11-11
    expect(day(a.dueAt)).toBe('2026-11-11')
    expect(day(a.receivedAt)).toBe('2026-09-28')
    await expectError(me.call('answerDisclosureCorrection', { params: { id: d.id }, body: { content: '再说一次' } }), 422, 'INVALID_STATE')
    expect((await handler('getStaffDisclosure', { params: { id: d.id } })).events.map((e) => e.action))
      .toEqual(['SUBMITTED', 'CORRECTION_REQUESTED', 'CORRECTION_SUPPLIED'])
  })

  it('is refused after the 7th working day from receipt', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-10-13T17:00:00+08:00') // 7th working day: still possible
    const ok = await apply()
    at('2026-10-14T09:00:00+08:00') // 8th working day
    await expectError(handler('requestDisclosureCorrection', { params: { id: d.id }, body: { content: '请补充' } }), 422, 'OUT_OF_WINDOW')
    expect((await handler('getStaffDisclosure', { params: { id: d.id } })).status).toBe('RECEIVED')
    expect((await handler('requestDisclosureCorrection', { params: { id: ok.id }, body: { content: '请补充' } })).status).toBe('CORRECTION_REQUESTED')
  })

  it('ends an unanswered 补正 as 逾期不补正 by the job, once', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-09-29T10:00:00+08:00')
    const r = await handler('requestDisclosureCorrection', { params: { id: d.id }, body: { content: '请说明所需文件名称' } })
    expect(day(r.dueAt)).toBe('2026-10-26') // 09-30, 10-08 … 10-26: 15 working days
    at('2026-10-26T23:00:00+08:00')
    await expireUnansweredCorrections(t.deps)
    expect((await me.call('getDisclosure', { params: { id: d.id } })).status).toBe('CORRECTION_REQUESTED')
    at('2026-10-27T09:00:00+08:00')
    await expectError(me.call('answerDisclosureCorrection', { params: { id: d.id }, body: { content: '迟到的补正' } }), 422, 'OUT_OF_WINDOW')
    expect(await expireUnansweredCorrections(t.deps)).toBeGreaterThanOrEqual(1)
    const v = await me.call('getDisclosure', { params: { id: d.id } })
    expect(v.status).toBe('CLOSED')
    expect(v.outcome).toBe('OTHER_NO_CORRECTION')
    expect(v.outcomeCategory).toBe('OTHER')
    expect(v.outcomeLabel).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')
    expect(v.events.at(-1)?.action).toBe('CORRECTION_EXPIRED')
    const messages = async () => (await me.call('listMessages', { query: { limit: 100 } })).items.filter((m) => m.title.includes('终止')).length
    const before = await messages()
    expect(await expireUnansweredCorrections(t.deps)).toBe(0)
    expect(await messages()).toBe(before)
    const audits = await t.deps.db.auditLog.findMany({ where: { targetId: d.id, action: 'disclosure.correction_expired' } })
    expect(audits).toHaveLength(1)
  })
})

describe('extension', () => {
  it('is approved by a reviewer only, once, up to 20 working days, and the applicant is told', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-10-20T09:00:00+08:00')
    await expectError(handler('extendDisclosure', { params: { id: d.id }, body: { days: 10, reason: '需要调取档案' } }), 403, 'FORBIDDEN')
    await expectError(reviewer('extendDisclosure', { params: { id: d.id }, body: { days: 21, reason: '需要调取档案' } }), 400, 'VALIDATION_FAILED')
    await expectError(reviewer('extendDisclosure', { params: { id: d.id }, body: { days: 5, reason: '' } }), 400, 'VALIDATION_FAILED')
    expect((await reviewer('getStaffDisclosure', { params: { id: d.id } })).extended).toBe(false)
    const x = await reviewer('extendDisclosure', { params: { id: d.id }, body: { days: 20, reason: '所需信息涉及多个科室，需要调取档案' } })
    expect(x.status).toBe('EXTENDED')
    // 10-30 + 20 working days: 11-02 … 11-27
    expect(day(x.dueAt)).toBe('2026-11-27')
    await expectError(reviewer('extendDisclosure', { params: { id: d.id }, body: { days: 1, reason: '再延一次' } }), 422, 'INVALID_STATE')
    const msg = (await me.call('listMessages')).items.find((m) => m.title.includes('延长'))
    expect(msg?.body).toContain('2026-11-27')
    const mine = await me.call('getDisclosure', { params: { id: d.id } })
    expect(mine.events.find((e) => e.action === 'EXTENDED')?.note).toBe('所需信息涉及多个科室，需要调取档案')
  })

  it('is refused once the deadline has passed', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-11-02T09:00:00+08:00')
    await expectError(reviewer('extendDisclosure', { params: { id: d.id }, body: { days: 5, reason: '需要调取档案' } }), 422, 'OUT_OF_WINDOW')
  })
})

describe('third-party consultation pause', () => {
  it('does not count paused working days, up to 15 in total', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-10-12T10:00:00+08:00')
    const p = await handler('pauseDisclosure', { params: { id: d.id }, body: { reason: '征求某公司（第三方）意见' } })
    expect(p.status).toBe('PAUSED')
    expect(p.overdue).toBe(false)
    await expectError(handler('pauseDisclosure', { params: { id: d.id }, body: { reason: '再次暂停' } }), 422, 'INVALID_STATE')
    at('2026-10-19T10:00:00+08:00')
    const r = await handler('resumeDisclosure', { params: { id: d.id } })
    expect(r.status).toBe('RECEIVED')
    expect(r.pausedWorkdays).toBe(5) // 10-13 … 10-16, 10-19
    expect(day(r.dueAt)).toBe('2026-11-06') // 10-30 + 5 working days
    // The applicant sees the pause but not whom the office consulted.
    const mine = await me.call('getDisclosure', { params: { id: d.id } })
    expect(mine.events.find((e) => e.action === 'PAUSED')?.note).toBeNull()

    at('2026-10-20T10:00:00+08:00')
    await handler('pauseDisclosure', { params: { id: d.id }, body: { reason: '再次征求第三方意见' } })
    at('2026-11-05T10:00:00+08:00') // 12 more working days, only 10 still allowed
    const r2 = await handler('resumeDisclosure', { params: { id: d.id } })
    expect(r2.pausedWorkdays).toBe(15)
    expect(day(r2.dueAt)).toBe('2026-11-20') // 10-30 + 15 working days
    await expectError(handler('pauseDisclosure', { params: { id: d.id }, body: { reason: '第三次' } }), 422, 'INVALID_STATE')
  })
})

describe('overdue flag', () => {
  it('turns on after the end of the due day and shows in the staff queue filter', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-10-30T23:30:00+08:00')
    expect((await me.call('getDisclosure', { params: { id: d.id } })).overdue).toBe(false)
    expect((await handler('listStaffDisclosures', { query: { overdue: 'true', limit: 100 } })).items.map((i) => i.id)).not.toContain(d.id)
    at('2026-11-02T09:00:00+08:00')
    expect((await me.call('getDisclosure', { params: { id: d.id } })).overdue).toBe(true)
    const overdue = await handler('listStaffDisclosures', { query: { overdue: 'true', limit: 100 } })
    expect(overdue.items.find((i) => i.id === d.id)?.overdue).toBe(true)
    expect(overdue.items.every((i) => i.overdue)).toBe(true)
    expect((await handler('listStaffDisclosures', { query: { overdue: 'false', limit: 100 } })).items.map((i) => i.id)).not.toContain(d.id)
    await handler('replyDisclosure', { params: { id: d.id }, body: { outcome: 'DISCLOSED', content: '现将所申请信息提供给您。' } })
    expect((await me.call('getDisclosure', { params: { id: d.id } })).overdue).toBe(false)
  })

  it('pages the queue by deadline with a cursor', async () => {
    at('2026-11-02T09:00:00+08:00')
    const open = await handler('listStaffDisclosures', { query: { status: 'OPEN', limit: 100 } })
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await handler('listStaffDisclosures', { query: { status: 'OPEN', limit: 2, cursor } })
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(open.items.map((i) => i.id))
    const dues = open.items.map((i) => i.dueAt)
    expect([...dues].sort()).toEqual(dues)
    await expectError(handler('listStaffDisclosures', { query: { status: 'LOST' as never } }), 400, 'VALIDATION_FAILED')
  })
})

describe('reply and outcomes', () => {
  it('accepts only the annual table outcome codes and tells the applicant', async () => {
    at(MONDAY)
    const d = await apply()
    at('2026-10-15T10:00:00+08:00')
    const reply = (body: Record<string, unknown>) => handler('replyDisclosure', { params: { id: d.id }, body: body as never })
    let e = await expectError(reply({ outcome: 'WITHHELD_BECAUSE', content: '不予公开' }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().outcome).toMatch(/年度报告/)
    await expectError(reply({ outcome: 'OTHER_NO_CORRECTION', content: '不再处理' }), 400, 'VALIDATION_FAILED')
    e = await expectError(reply({ outcome: 'UNAVAILABLE_STILL_UNCLEAR', content: '仍不明确' }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/补正/)
    await expectError(reply({ outcome: 'PARTIAL' }), 400, 'VALIDATION_FAILED')
    await expectError(reply({ outcome: 'PARTIAL', content: '部分公开', attachmentIds: ['no-such-upload'] }), 400, 'VALIDATION_FAILED')
    expect((await handler('getStaffDisclosure', { params: { id: d.id } })).status).toBe('RECEIVED')

    const r = await reply({ outcome: 'PARTIAL', outcomeDetail: '涉及个人隐私部分不予公开', content: '经审查，现将可以公开的部分提供给您。' })
    expect(r.status).toBe('REPLIED')
    expect(r.outcomeLabel).toBe('部分公开')
    await expectError(reply({ outcome: 'DISCLOSED', content: '再答复' }), 422, 'INVALID_STATE')
    const mine = await me.call('getDisclosure', { params: { id: d.id } })
    expect(mine).toMatchObject({ status: 'REPLIED', outcome: 'PARTIAL', outcomeCategory: 'PARTIAL', replyContent: '经审查，现将可以公开的部分提供给您。' })
    expect((await me.call('listMessages')).items.some((m) => m.title === '政府信息公开申请已答复' && m.body.includes('部分公开'))).toBe(true)
    const closed = await handler('closeDisclosure', { params: { id: d.id } })
    expect(closed.status).toBe('CLOSED')
    await expectError(handler('closeDisclosure', { params: { id: d.id } }), 422, 'INVALID_STATE')
  })

  it('attaches a reply document that the applicant can open and nobody else can', async () => {
    at(MONDAY)
    const d = await apply()
    const s = await t.staff('dhandler')
    const doc = await upload(t.url, s.token, PDF_MIN, '政府信息公开申请答复书.pdf', 'application/pdf')
    expect(doc.status).toBe(201)
    const foreign = await upload(t.url, (await t.staff('dreviewer')).token, PDF_MIN, '他人的文件.pdf', 'application/pdf')
    const body = { outcome: 'DISCLOSED' as const, content: '现将您申请的信息以附件形式提供。' }
    await expectError(s.call('replyDisclosure', { params: { id: d.id }, body: { ...body, attachmentIds: [foreign.body.id!] } }), 400, 'VALIDATION_FAILED')
    expect((await s.call('getStaffDisclosure', { params: { id: d.id } })).status).toBe('RECEIVED')
    const r = await s.call('replyDisclosure', { params: { id: d.id }, body: { ...body, attachmentIds: [doc.body.id!] } })
    expect(r.attachments.map((a) => a.name)).toEqual(['政府信息公开申请答复书.pdf'])
    const mine = await me.call('getDisclosure', { params: { id: d.id } })
    const file = await t.fetch(mine.attachments[0]!.url)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    const strangerToken = (await t.resident('disclosure-stranger')).token
    expect((await t.fetch(`/api/v1/uploads/${doc.body.id}`, { headers: { authorization: `Bearer ${strangerToken}` } })).status).toBe(404)
    // A document already used cannot be attached to another request.
    const other = await apply()
    await expectError(s.call('replyDisclosure', { params: { id: other.id }, body: { ...body, attachmentIds: [doc.body.id!] } }), 400, 'VALIDATION_FAILED')
  })

  it('allows 补正后申请内容仍不明确 after a 补正 and audits every staff action', async () => {
    at(MONDAY)
    const d = await apply()
    await handler('requestDisclosureCorrection', { params: { id: d.id }, body: { content: '请明确所需信息' } })
    await me.call('answerDisclosureCorrection', { params: { id: d.id }, body: { content: '就是那个文件' } })
    const r = await handler('replyDisclosure', { params: { id: d.id }, body: { outcome: 'UNAVAILABLE_STILL_UNCLEAR', content: '补正后仍无法确定所需信息。' } })
    expect(r.outcomeCategory).toBe('UNAVAILABLE')
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: d.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)
    expect(actions).toEqual(['disclosure.submitted', 'disclosure.correction_requested', 'disclosure.correction_supplied', 'disclosure.replied'])
  })
})
