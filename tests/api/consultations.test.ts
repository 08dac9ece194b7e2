import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCall } from '@bianmin/shared'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { uploadPng, type ErrorBody } from '../support/uploads'
import { runJob } from '../../server/src/platform/jobs'
import { autoCloseJob } from '../../server/src/modules/consultations/consultation.jobs'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp
let street: { id: string; path: string }
let communityA: { id: string; path: string }
let otherStreet: { id: string; path: string }

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY })
  const district = await createOrg(t.deps, '咨询区', 'DISTRICT')
  street = await createOrg(t.deps, '咨询街道办事处', 'STREET', district)
  communityA = await createOrg(t.deps, '东荣社区', 'COMMUNITY', street)
  otherStreet = await createOrg(t.deps, '禾山街道办事处', 'STREET', district)
  await createStaff(t.deps, 'c_handler', 'HANDLER', street.id)
  await createStaff(t.deps, 'c_handler2', 'HANDLER', street.id)
  await createStaff(t.deps, 'c_comm', 'HANDLER', communityA.id)
  await createStaff(t.deps, 'c_admin', 'ADMIN', street.id)
  await createStaff(t.deps, 'c_editor', 'EDITOR', street.id)
  await createStaff(t.deps, 'c_clerk', 'CLERK', street.id)
  await createStaff(t.deps, 'c_outside', 'HANDLER,ADMIN', otherStreet.id)
})
afterAll(async () => { await t.close() })

type Kind = 'CONSULT' | 'COMPLAINT' | 'SUGGESTION'
const submit = (call: ApiCall, over: Partial<{ kind: Kind; orgId: string; title: string; content: string; imageIds: string[]; allowPublish: boolean; contactConsent: boolean }> = {}) =>
  call('createConsultation', { body: { kind: 'CONSULT', orgId: street.id, title: '居住证怎么续签', content: '我的居住证下个月到期，请问续签要带哪些材料？', allowPublish: false, ...over } })

describe('submitting', () => {
  it('sets the reply deadline in working days: 咨询 3, 投诉 5, 建议 10', async () => {
    const me = await t.resident()
    const consult = await submit(me.call)
    expect(consult).toMatchObject({ kind: 'CONSULT', status: 'SUBMITTED', dueAt: '2026-11-26T23:59:59.999+08:00', overdue: false, orgName: '咨询街道办事处', messages: [], images: [] })
    expect(consult.createdAt).toBe('2026-11-23T09:00:00.000+08:00')
    expect((await submit(me.call, { kind: 'COMPLAINT' })).dueAt).toBe('2026-11-30T23:59:59.999+08:00')
    expect((await submit(me.call, { kind: 'SUGGESTION' })).dueAt).toBe('2026-12-07T23:59:59.999+08:00')
  })

  it('counts across the National Day holiday and its make-up Saturday', async () => {
    const me = await t.resident()
    t.deps.clock.freeze('2026-09-29T10:00:00+08:00')
    try {
      expect((await submit(me.call)).dueAt).toBe('2026-10-09T23:59:59.999+08:00')
      expect((await submit(me.call, { kind: 'COMPLAINT' })).dueAt).toBe('2026-10-12T23:59:59.999+08:00')
    } finally {
      t.deps.clock.freeze(MONDAY)
    }
  })

  it('takes the deadlines from the settings', async () => {
    const me = await t.resident()
    await t.deps.settings.update({ consultation: { consultWorkdays: 1, complaintWorkdays: 5, suggestionWorkdays: 10, autoCloseDays: 7 } }, null)
    try {
      expect((await submit(me.call)).dueAt).toBe('2026-11-24T23:59:59.999+08:00')
    } finally {
      await t.deps.settings.update({ consultation: { consultWorkdays: 3, complaintWorkdays: 5, suggestionWorkdays: 10, autoCloseDays: 7 } }, null)
    }
  })

  it('rejects bad input with field messages and creates nothing', async () => {
    const me = await t.resident()
    const before = await t.deps.db.consultation.count()
    const long = await expectError(submit(me.call, { content: '长'.repeat(2001) }), 400, 'VALIDATION_FAILED')
    expect(long.fieldErrors().content).toBe('内容最多 2000 个字')
    const kind = await expectError(submit(me.call, { kind: 'PRAISE' as Kind }), 400, 'VALIDATION_FAILED')
    expect(kind.fieldErrors().kind).toMatch(/咨询、投诉或建议/)
    const org = await expectError(submit(me.call, { orgId: 'no_such_org' }), 400, 'VALIDATION_FAILED')
    expect(org.fieldErrors().orgId).toMatch(/机构不存在/)
    const ids = await Promise.all([1, 2, 3, 4].map(() => uploadPng(t.url, me.token)))
    const many = await expectError(submit(me.call, { imageIds: ids }), 400, 'VALIDATION_FAILED')
    expect(many.fieldErrors().imageIds).toBe('最多上传 3 张图片')
    const dup = await expectError(submit(me.call, { imageIds: [ids[0]!, ids[0]!] }), 400, 'VALIDATION_FAILED')
    expect(dup.fieldErrors().imageIds).toBe('图片不能重复')
    expect(await t.deps.db.consultation.count()).toBe(before)
  })

  it('attaches only the resident’s own unused images, atomically', async () => {
    const me = await t.resident()
    const other = await t.resident()
    const mine = await uploadPng(t.url, me.token)
    const theirs = await uploadPng(t.url, other.token)
    const before = await t.deps.db.consultation.count()
    const e = await expectError(submit(me.call, { imageIds: [mine, theirs] }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().imageIds).toMatch(/图片无效或已被使用/)
    expect(await t.deps.db.consultation.count()).toBe(before)
    expect((await t.deps.db.upload.findUniqueOrThrow({ where: { id: mine } })).refId).toBeNull()

    const c = await submit(me.call, { imageIds: [mine] })
    expect(c.images).toHaveLength(1)
    expect(c.images[0]).toMatchObject({ id: mine, mime: 'image/png' })
    expect((await t.fetch(c.images[0]!.url)).status).toBe(200)
    await expectError(submit(me.call, { imageIds: [mine] }), 400, 'VALIDATION_FAILED')

    // Staff in scope see the image; staff of another street do not.
    const get = async (username: string) => t.fetch(`/api/v1/uploads/${mine}`, { headers: { authorization: `Bearer ${(await t.staff(username)).token}` } })
    expect((await get('c_handler')).status).toBe(200)
    expect((await get('c_outside')).status).toBe(404)
    expect((await t.fetch(`/api/v1/uploads/${mine}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404)
  })
})

describe('privacy and scope', () => {
  it('residents see only their own cases (404 otherwise, absent from lists)', async () => {
    const owner = await t.resident()
    const other = await t.resident()
    const c = await submit(owner.call, { title: '只属于我的咨询' })
    expect((await owner.call('listMyConsultations')).items.map((i) => i.id)).toContain(c.id)
    expect((await other.call('listMyConsultations')).items.map((i) => i.id)).not.toContain(c.id)
    await expectError(other.call('getConsultation', { params: { id: c.id } }), 404, 'NOT_FOUND')
    await expectError(other.call('addConsultationMessage', { params: { id: c.id }, body: { content: '冒充追问' } }), 404, 'NOT_FOUND')
    await expectError(other.call('closeConsultation', { params: { id: c.id } }), 404, 'NOT_FOUND')
    expect((await owner.call('getConsultation', { params: { id: c.id } })).messages).toHaveLength(0)
    await expectError(t.anon('getConsultation', { params: { id: c.id } }), 401, 'UNAUTHENTICATED')
  })

  it('staff act only in their org subtree and only as HANDLER or ADMIN', async () => {
    const me = await t.resident()
    const c = await submit(me.call, { orgId: communityA.id, title: '社区范围内的咨询' })
    const outside = await t.staff('c_outside')
    expect((await outside.call('listStaffConsultations')).items.map((i) => i.id)).not.toContain(c.id)
    await expectError(outside.call('getStaffConsultation', { params: { id: c.id } }), 404, 'NOT_FOUND')
    await expectError(outside.call('replyConsultation', { params: { id: c.id }, body: { content: '越权答复的内容' } }), 404, 'NOT_FOUND')
    await expectError((await t.staff('c_clerk')).call('listStaffConsultations'), 403, 'FORBIDDEN')
    await expectError(me.call('listStaffConsultations'), 403, 'FORBIDDEN')
    // The street's handler and the community's handler both see it; a street-level case is hidden from the community.
    expect((await (await t.staff('c_handler')).call('getStaffConsultation', { params: { id: c.id } })).id).toBe(c.id)
    expect((await (await t.staff('c_comm')).call('getStaffConsultation', { params: { id: c.id } })).id).toBe(c.id)
    const streetCase = await submit(me.call)
    await expectError((await t.staff('c_comm')).call('getStaffConsultation', { params: { id: streetCase.id } }), 404, 'NOT_FOUND')
  })
})

describe('handling', () => {
  it('flags overdue and due-soon cases in the inbox and its counters', async () => {
    const me = await t.resident()
    const c = await submit(me.call, { title: '即将到期的咨询' })
    t.deps.clock.freeze('2026-11-25T10:00:00+08:00') // due Thursday 26th: due soon on Wednesday
    try {
      let handler = await t.staff('c_handler') // staff sessions expire when idle: sign in after moving the clock
      const soon = await handler.call('listStaffConsultations', { query: { dueSoon: 'true' } })
      expect(soon.items.find((i) => i.id === c.id)).toMatchObject({ overdue: false, awaitingReply: true, assignee: null })
      t.deps.clock.freeze('2026-11-27T08:30:00+08:00')
      handler = await t.staff('c_handler')
      const overdue = await handler.call('listStaffConsultations', { query: { overdue: 'true' } })
      expect(overdue.items.find((i) => i.id === c.id)).toMatchObject({ overdue: true, repliedOnTime: null })
      expect(overdue.items.every((i) => i.overdue)).toBe(true)
      expect((await handler.call('listStaffConsultations', { query: { overdue: 'false' } })).items.map((i) => i.id)).not.toContain(c.id)
      const open = await handler.call('listStaffConsultations', { query: { awaiting: 'true' } })
      expect(open.items.map((i) => i.id)).toContain(c.id)
      expect(open.items.every((i) => i.awaitingReply)).toBe(true)
      expect(open.items.map((i) => i.dueAt)).toEqual(open.items.map((i) => i.dueAt).sort())
      const counts = await handler.call('staffConsultationSummary')
      expect(counts.overdue).toBeGreaterThanOrEqual(1)
      expect(counts.awaitingReply).toBeGreaterThanOrEqual(counts.overdue)
      expect((await me.call('getConsultation', { params: { id: c.id } })).overdue).toBe(true)
      const late = await handler.call('replyConsultation', { params: { id: c.id }, body: { content: '您好，续签居住证请携带身份证到窗口办理。' } })
      expect(late).toMatchObject({ status: 'REPLIED', overdue: false, repliedOnTime: false })
    } finally {
      t.deps.clock.freeze(MONDAY)
    }
  })

  it('assigns to a handler in scope (default self), refuses others, audits', async () => {
    const me = await t.resident()
    const admin = await t.staff('c_admin')
    const handler = await t.staff('c_handler')
    const c = await submit(me.call)
    const editorId = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'c_editor' } })).id
    const outsideId = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'c_outside' } })).id
    const commId = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'c_comm' } })).id
    const handler2Id = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'c_handler2' } })).id
    expect((await expectError(admin.call('assignConsultation', { params: { id: c.id }, body: { handlerId: editorId } }), 400, 'VALIDATION_FAILED')).message).toMatch(/不是咨询办理岗/)
    await expectError(admin.call('assignConsultation', { params: { id: c.id }, body: { handlerId: outsideId } }), 404, 'NOT_FOUND')
    expect((await expectError(admin.call('assignConsultation', { params: { id: c.id }, body: { handlerId: commId } }), 400, 'VALIDATION_FAILED')).message).toMatch(/不负责该机构/)
    await expectError(admin.call('assignConsultation', { params: { id: c.id }, body: {} }), 400, 'VALIDATION_FAILED')
    expect((await t.deps.db.consultation.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('SUBMITTED')

    const candidates = await admin.call('listConsultationHandlers', { params: { id: c.id } })
    expect(candidates.items.map((i) => i.name).sort()).toEqual(['测试c_handler', '测试c_handler2'])
    await expectError((await t.staff('c_outside')).call('listConsultationHandlers', { params: { id: c.id } }), 404, 'NOT_FOUND')
    const mine = await handler.call('assignConsultation', { params: { id: c.id }, body: {} })
    expect(mine).toMatchObject({ status: 'ASSIGNED', assignee: { id: handler.id, name: '测试c_handler' } })
    const moved = await admin.call('assignConsultation', { params: { id: c.id }, body: { handlerId: handler2Id } })
    expect(moved.assignee?.id).toBe(handler2Id)
    const trail = await t.deps.db.auditLog.findMany({ where: { targetId: c.id, action: 'consultation.assign' }, orderBy: { createdAt: 'asc' } })
    expect(trail.map((a) => a.actorId)).toEqual([handler.id, admin.id])
    expect((await (await t.staff('c_handler2')).call('listStaffConsultations', { query: { mine: 'true' } })).items.map((i) => i.id)).toContain(c.id)
  })

  it('reply → resident notified and reads it; follow-up reopens; close ends the thread', async () => {
    const me = await t.resident()
    const c = await submit(me.call, { kind: 'COMPLAINT', title: '楼道堆放杂物', content: '五号楼楼道堆放杂物两个月无人清理，存在消防隐患。' })
    t.deps.clock.advance(3600_000)
    let handler = await t.staff('c_handler')
    const replied = await handler.call('replyConsultation', { params: { id: c.id }, body: { content: '您好，社区已督促物业于本周内清理完毕。' } })
    expect(replied).toMatchObject({ status: 'REPLIED', repliedOnTime: true, firstRepliedAt: '2026-11-23T10:00:00.000+08:00', assignee: { id: handler.id } })
    expect(replied.messages[0]).toMatchObject({ authorType: 'STAFF', authorName: '测试c_handler' })
    const audit = await t.deps.db.auditLog.findFirst({ where: { targetId: c.id, action: 'consultation.reply' } })
    expect(audit?.actorId).toBe(handler.id)

    const inbox = await me.call('listMessages')
    expect(inbox.items[0]).toMatchObject({ kind: 'CONSULTATION_REPLIED', page: `/pages/consultations/detail/index?id=${c.id}`, read: false })
    const seen = await me.call('getConsultation', { params: { id: c.id } })
    expect(seen.messages).toEqual([expect.objectContaining({ authorType: 'STAFF', authorName: '咨询街道办事处', content: '您好，社区已督促物业于本周内清理完毕。' })])
    expect(seen.autoCloseAt).toBe('2026-11-30T10:00:00.000+08:00')

    t.deps.clock.advance(3600_000)
    const followed = await me.call('addConsultationMessage', { params: { id: c.id }, body: { content: '今天去看还是没有清理。' } })
    expect(followed).toMatchObject({ status: 'ASSIGNED', autoCloseAt: null })
    expect(followed.messages.map((m) => m.authorType)).toEqual(['STAFF', 'RESIDENT'])
    handler = await t.staff('c_handler')
    const again = await handler.call('replyConsultation', { params: { id: c.id }, body: { content: '已再次联系物业，今天下午清理。' } })
    expect(again).toMatchObject({ status: 'REPLIED', firstRepliedAt: '2026-11-23T10:00:00.000+08:00', repliedAt: '2026-11-23T11:00:00.000+08:00' })
    expect(await t.deps.db.notification.count({ where: { residentId: me.id, kind: 'CONSULTATION_REPLIED' } })).toBe(2)

    const closed = await me.call('closeConsultation', { params: { id: c.id } })
    expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'RESIDENT', closedAt: '2026-11-23T11:00:00.000+08:00' })
    expect((await expectError(me.call('addConsultationMessage', { params: { id: c.id }, body: { content: '再问一句' } }), 422, 'INVALID_STATE')).message).toMatch(/已办结/)
    await expectError(me.call('closeConsultation', { params: { id: c.id } }), 422, 'INVALID_STATE')
    await expectError(handler.call('replyConsultation', { params: { id: c.id }, body: { content: '办结后的答复内容' } }), 422, 'INVALID_STATE')
    expect((await me.call('listMyConsultations', { query: { status: 'CLOSED' } })).items.map((i) => i.id)).toEqual([c.id])
    t.deps.clock.freeze(MONDAY)
  })

  it('auto-closes an answered case 7 days after the reply, once', async () => {
    const me = await t.resident()
    const handler = await t.staff('c_handler')
    const c = await submit(me.call)
    await handler.call('replyConsultation', { params: { id: c.id }, body: { content: '您好，续签请带身份证原件。' } })
    try {
      t.deps.clock.freeze('2026-11-30T08:59:00+08:00')
      await runJob(t.deps, autoCloseJob)
      expect((await me.call('getConsultation', { params: { id: c.id } })).status).toBe('REPLIED')
      t.deps.clock.freeze('2026-11-30T09:01:00+08:00')
      await runJob(t.deps, autoCloseJob)
      await runJob(t.deps, autoCloseJob)
      const closed = await me.call('getConsultation', { params: { id: c.id } })
      expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'AUTO', closedAt: '2026-11-30T09:01:00.000+08:00' })
      expect(await t.deps.db.notification.count({ where: { residentId: me.id, kind: 'CONSULTATION_CLOSED' } })).toBe(1)
      expect(await t.deps.db.auditLog.count({ where: { targetId: c.id, action: 'consultation.auto-close', actorType: 'SYSTEM' } })).toBe(1)
    } finally {
      t.deps.clock.freeze(MONDAY)
    }
  })
})

describe('published Q&A', () => {
  const question = '我叫王小明，住东荣小区3栋502室，电话13812345678，身份证35020619900101123X，邮箱wxm@example.com，老家在东荣路 22 号 1 单元。请问居住证续签要本人到场吗？'

  it('is refused without the resident’s consent or before a reply', async () => {
    const me = await t.resident()
    const handler = await t.staff('c_handler')
    const noConsent = await submit(me.call, { allowPublish: false })
    await handler.call('replyConsultation', { params: { id: noConsent.id }, body: { content: '需要本人到场办理。' } })
    const e = await expectError(handler.call('publishConsultation', { params: { id: noConsent.id }, body: {} }), 422, 'INVALID_STATE')
    expect(e.message).toBe('居民提交时未同意公开，此咨询不能公开')
    const unanswered = await submit(me.call, { allowPublish: true })
    expect((await expectError(handler.call('publishConsultation', { params: { id: unanswered.id }, body: {} }), 422, 'INVALID_STATE')).message).toMatch(/答复后才能公开/)
    expect(await t.deps.db.consultation.count({ where: { id: { in: [noConsent.id, unanswered.id] }, published: true } })).toBe(0)
  })

  it('masks names, phone and ID numbers, addresses and emails; searchable; withdrawable', async () => {
    const me = await t.resident()
    const handler = await t.staff('c_handler')
    const c = await submit(me.call, { title: '居住证续签要本人到场吗', content: question, allowPublish: true })
    await handler.call('replyConsultation', { params: { id: c.id }, body: { content: '王小明您好：需要本人携带身份证到湖里大道68号便民服务中心办理，咨询电话0592-5620000。' } })
    const pub = await handler.call('publishConsultation', { params: { id: c.id }, body: {} })
    expect(pub.published).toBe(true)
    const audit = await t.deps.db.auditLog.findFirst({ where: { targetId: c.id, action: 'consultation.publish' } })
    expect(audit?.actorId).toBe(handler.id)

    const list = await t.anon('listPublicConsultations', { query: { q: '续签' } })
    const item = list.items.find((i) => i.id === c.id)!
    expect(item).toMatchObject({ kind: 'CONSULT', orgName: '咨询街道办事处', title: '居住证续签要本人到场吗' })
    const text = `${item.title}${item.question}${item.answer}`
    for (const secret of ['13812345678', '35020619900101123X', '王小明', 'wxm@example.com', '502室']) expect(text).not.toContain(secret)
    expect(item.question).toContain('138****5678')
    expect(item.question).toContain('*'.repeat(18))
    expect(item.question).toContain('我叫王*明')
    expect(item.question).toContain('*栋***室')
    expect(item.question).toContain('东荣路 ** 号 * 单元')
    expect(item.answer).toContain('王*明您好')
    expect(item.answer).toContain('0592-5620000') // the office's own hotline stays
    expect(JSON.stringify(await t.anon('getPublicConsultation', { params: { id: c.id } }))).not.toContain('13812345678')
    expect((await t.anon('listPublicConsultations', { query: { q: '不存在的关键词' } })).items).toHaveLength(0)

    // Staff may edit the public text; masking still applies.
    const edited = await handler.call('publishConsultation', { params: { id: c.id }, body: { publicAnswer: '需要本人到场。如有疑问请联系13900001111。' } })
    expect(edited.publicAnswer).toBe('需要本人到场。如有疑问请联系139****1111。')

    await handler.call('unpublishConsultation', { params: { id: c.id } })
    expect((await t.anon('listPublicConsultations')).items.map((i) => i.id)).not.toContain(c.id)
    await expectError(t.anon('getPublicConsultation', { params: { id: c.id } }), 404, 'NOT_FOUND')
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After after 10 submissions an hour', async () => {
    const limited = await startTestApp({ clock: MONDAY, env: { RATE_LIMITS: 'on' } })
    try {
      const district = await createOrg(limited.deps, '限流区', 'DISTRICT')
      const me = await limited.resident()
      const body = { kind: 'CONSULT' as const, orgId: district.id, title: '限流测试', content: '这是第几次提交的测试内容', allowPublish: false }
      for (let i = 0; i < 10; i++) await me.call('createConsultation', { body })
      const before = await limited.deps.db.consultation.count()
      const r = await limited.fetch('/api/v1/consultations', { method: 'POST', headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(r.status).toBe(429)
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await r.json() as ErrorBody).error).toMatchObject({ code: 'RATE_LIMITED' })
      expect(await limited.deps.db.consultation.count()).toBe(before)
    } finally {
      await limited.close()
    }
  })
})

describe('demo data', () => {
  it('seeds a published Q&A, an overdue complaint and a new suggestion for the demo handler', async () => {
    const demo = await startTestApp({ clock: MONDAY, demo: true })
    try {
      const handler = await demo.staff('handler')
      const overdue = await handler.call('listStaffConsultations', { query: { overdue: 'true' } })
      expect(overdue.items.map((i) => i.kind)).toContain('COMPLAINT')
      const fresh = await handler.call('listStaffConsultations', { query: { status: 'SUBMITTED' } })
      expect(fresh.items.some((i) => i.kind === 'SUGGESTION' && !i.overdue)).toBe(true)
      const published = await demo.anon('listPublicConsultations')
      expect(published.items).toHaveLength(1)
      expect(published.items[0]!.question).toContain('139****1234')
      const resident = await demo.resident('demo-resident')
      expect((await resident.call('listMyConsultations')).items.length).toBeGreaterThanOrEqual(3)
    } finally {
      await demo.close()
    }
  })
})
