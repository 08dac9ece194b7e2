// Erasure and the public Q&A: an erased resident's cases leave the public list and their open cases close as
// 居民已注销; published answers hide what the question hid; the erased placeholder is never name-masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError, startTestApp, type TestApp } from '../support/app'
import { demoOrgs } from '../support/actors'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp
let streetId: string
beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  streetId = (await demoOrgs(t)).street.id
})
afterAll(async () => { await t?.close() })

const QUESTION = '我住在东荣路22号3单元，家里电话0592-5551234，楼下路灯坏了一个月，请尽快维修。'
const ANSWER = '您好，已安排社区人员到东荣路22号现场查看，并将回电0592-5551234告知进度。如有疑问请拨打街道服务热线0592-12345678。'

async function publishedCase (code: string) {
  const r = await t.resident(code)
  const c = await r.call('createConsultation', { body: { kind: 'COMPLAINT', orgId: streetId, title: '路灯不亮', content: QUESTION, allowPublish: true } })
  const handler = await t.staff('handler')
  await handler.call('replyConsultation', { params: { id: c.id }, body: { content: ANSWER } })
  await handler.call('publishConsultation', { params: { id: c.id }, body: {} })
  return { r, c, handler }
}

describe('published Q&A', () => {
  it('hides in the answer the address and phone the question hid, keeping the office hotline', async () => {
    const { c } = await publishedCase('erase-mask')
    const p = await t.anon('getPublicConsultation', { params: { id: c.id } })
    expect(p.question).toContain('东荣路**号')
    expect(p.question).not.toContain('5551234')
    expect(p.answer).toContain('东荣路**号')
    expect(p.answer).not.toContain('东荣路22号')
    expect(p.answer).not.toContain('5551234')
    expect(p.answer).toContain('0592-12345678')
  })

  it('takes an erased resident\'s cases off the public Q&A', async () => {
    const { r, c } = await publishedCase('erase-public')
    expect((await t.anon('listPublicConsultations', { query: { limit: 100 } })).items.map((x) => x.id)).toContain(c.id)
    await r.call('deleteMe')
    expect((await t.anon('listPublicConsultations', { query: { limit: 100 } })).items.map((x) => x.id)).not.toContain(c.id)
    await expectError(t.anon('getPublicConsultation', { params: { id: c.id } }), 404, 'NOT_FOUND')
    const row = await t.deps.db.consultation.findUniqueOrThrow({ where: { id: c.id } })
    expect(row).toMatchObject({ published: false, publicTitle: null, publicQuestion: null, publicAnswer: null })
  })
})

describe('an erased resident\'s open cases', () => {
  it('closes an open complaint as 居民已注销: out of 待答复 and overdue, kept for statistics', async () => {
    const r = await t.resident('erase-open')
    const c = await r.call('createConsultation', { body: { kind: 'COMPLAINT', orgId: streetId, title: '噪音扰民', content: '夜间施工噪音很大，影响休息。', allowPublish: false } })
    const handler = await t.staff('handler')
    expect((await handler.call('listStaffConsultations', { query: { awaiting: true, limit: 100 } })).items.map((x) => x.id)).toContain(c.id)
    await r.call('deleteMe')
    const after = await handler.call('getStaffConsultation', { params: { id: c.id } })
    expect(after).toMatchObject({ status: 'CLOSED', closedBy: 'ERASED', awaitingReply: false, overdue: false })
    expect((await handler.call('listStaffConsultations', { query: { awaiting: true, limit: 100 } })).items.map((x) => x.id)).not.toContain(c.id)
    t.deps.clock.set('2026-12-10T09:00:00+08:00')
    try {
      const later = await t.staff('handler') // signed in again after the idle timeout
      expect((await later.call('listStaffConsultations', { query: { overdue: true, limit: 100 } })).items.map((x) => x.id)).not.toContain(c.id)
      const stats = await (await t.staff('admin')).call('getStatsOverview', { query: { from: '2026-11-23', to: '2026-11-23' } })
      expect(stats.consultations.received).toBeGreaterThanOrEqual(1) // still counted as received
    } finally {
      t.deps.clock.freeze(MONDAY)
    }
  })

  it('shows the erased applicant as 已注销 in the disclosure queue, not masked as a name', async () => {
    const r = await t.resident('erase-disclosure')
    const d = await r.call('createDisclosure', { body: { applicantType: 'NATURAL_PERSON', orgId: streetId, description: '申请公开本社区路灯维护合同', form: 'ELECTRONIC', contactName: '李四', contactPhone: '13911112222', applicantIdNumber: '350203199001011234' } })
    const staff = await t.staff('admin')
    const before = (await staff.call('listStaffDisclosures', { query: { limit: 100 } })).items.find((x) => x.id === d.id)!
    expect(before.contactName).toBe('李*')
    await r.call('deleteMe')
    const after = (await staff.call('listStaffDisclosures', { query: { limit: 100 } })).items.find((x) => x.id === d.id)!
    expect(after.contactName).toBe('已注销')
  })

  it('leaves 我的 with no 待评价 after erasure (the same WeChat user starts afresh)', async () => {
    const r = await t.resident('erase-pending')
    const c = await r.call('createConsultation', { body: { kind: 'CONSULT', orgId: streetId, title: '居住证续签', content: '请问居住证续签需要什么材料？', allowPublish: false } })
    await (await t.staff('handler')).call('replyConsultation', { params: { id: c.id }, body: { content: '您好，请携带身份证和租房合同到窗口办理。' } })
    expect((await r.call('listPendingRatings')).count).toBe(1)
    await r.call('deleteMe')
    const again = await t.resident('erase-pending')
    expect((await again.call('listPendingRatings')).count).toBe(0)
  })
})
