// 政务公开 workflow: drafting, review, 三同步, sanitising, validation, org scoping and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noticeCategories } from '@bianmin/shared'
import { startTestApp, createStaff, expectError, type TestApp } from '../support/app'
import { noticeWorld, publish, fakeUpload, type NoticeWorld } from '../support/notices'
import { upload, PDF_MIN } from '../support/uploads'

let t: TestApp
let w: NoticeWorld

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' })
  w = await noticeWorld(t, 'wf')
})
afterAll(async () => { await t.close() })

const auditOf = (id: string) => t.deps.db.auditLog.findMany({ where: { targetType: 'Notice', targetId: id }, orderBy: { createdAt: 'asc' } })

describe('workflow', () => {
  it('DRAFT → PENDING_REVIEW → REJECTED → PENDING_REVIEW → PUBLISHED → WITHDRAWN, hidden from residents except while published', async () => {
    const resident = await t.resident()
    const n = await w.editor.call('createNotice', { body: { title: '关于开展垃圾分类志愿服务的通知', category: '通知公告', body: '<p>请各社区于本周内报名。</p>' } })
    expect(n).toMatchObject({ status: 'DRAFT', authorId: w.editor.id, orgId: w.street.id, summary: '请各社区于本周内报名。', version: 0, publishedAt: null })
    await expectError(resident.call('getNotice', { params: { id: n.id } }), 404, 'NOT_FOUND')
    await expectError(t.anon('getNotice', { params: { id: n.id } }), 404, 'NOT_FOUND')

    const edited = await w.editor2.call('updateNotice', { params: { id: n.id }, body: { title: '关于开展垃圾分类志愿服务活动的通知', version: 0 } })
    expect(edited).toMatchObject({ title: '关于开展垃圾分类志愿服务活动的通知', version: 1 })
    await expectError(w.editor.call('updateNotice', { params: { id: n.id }, body: { title: '旧版本', version: 0 } }), 409, 'CONFLICT')

    const pending = await w.editor.call('submitNotice', { params: { id: n.id } })
    expect(pending.status).toBe('PENDING_REVIEW')
    await expectError(w.editor.call('updateNotice', { params: { id: n.id }, body: { title: '审核中修改' } }), 422, 'INVALID_STATE')
    await expectError(w.editor.call('submitNotice', { params: { id: n.id } }), 422, 'INVALID_STATE')
    await expectError(resident.call('getNotice', { params: { id: n.id } }), 404, 'NOT_FOUND')

    const noReason = await expectError(w.reviewer.call('rejectNotice', { params: { id: n.id }, body: { reason: '' } }), 400, 'VALIDATION_FAILED')
    expect(noReason.fieldErrors().reason).toMatch(/退回原因/)
    const rejected = await w.reviewer.call('rejectNotice', { params: { id: n.id }, body: { reason: '请补充报名方式和截止时间' } })
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectReason: '请补充报名方式和截止时间', reviewerId: w.reviewer.id, reviewerName: '测试wf_reviewer' })

    await w.editor.call('updateNotice', { params: { id: n.id }, body: { body: '<p>请各社区于 11 月 30 日前电话报名。</p>' } })
    await w.editor.call('submitNotice', { params: { id: n.id } })
    const published = await w.reviewer.call('approveNotice', { params: { id: n.id } })
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: '2026-11-23T09:00:00.000+08:00', reviewerId: w.reviewer.id, rejectReason: null })

    const seen = await resident.call('getNotice', { params: { id: n.id } })
    expect(seen).toMatchObject({ id: n.id, title: '关于开展垃圾分类志愿服务活动的通知', category: '通知公告', orgName: 'wf街道', body: '<p>请各社区于 11 月 30 日前电话报名。</p>' })
    expect(seen.summary).toBe('请各社区于 11 月 30 日前电话报名。')
    expect((await t.anon('listNotices', { query: { limit: 100 } })).items.map((i) => i.id)).toContain(n.id)
    await expectError(w.editor.call('updateNotice', { params: { id: n.id }, body: { title: '发布后修改' } }), 422, 'INVALID_STATE')
    await expectError(w.reviewer.call('approveNotice', { params: { id: n.id } }), 422, 'INVALID_STATE')

    const withdrawn = await w.reviewer.call('withdrawNotice', { params: { id: n.id }, body: { reason: '活动延期' } })
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: '2026-11-23T09:00:00.000+08:00' })
    await expectError(resident.call('getNotice', { params: { id: n.id } }), 404, 'NOT_FOUND')
    expect((await t.anon('listNotices', { query: { limit: 100 } })).items.map((i) => i.id)).not.toContain(n.id)
    await expectError(w.reviewer.call('withdrawNotice', { params: { id: n.id }, body: {} }), 422, 'INVALID_STATE')
    await expectError(w.editor.call('submitNotice', { params: { id: n.id } }), 422, 'INVALID_STATE')

    // Every action is in the audit log, with who, which org and which request.
    const trail = await auditOf(n.id)
    expect(trail.map((a) => a.action)).toEqual(['notice.create', 'notice.update', 'notice.submit', 'notice.reject', 'notice.update', 'notice.submit', 'notice.approve', 'notice.withdraw'])
    expect(trail.map((a) => a.actorId)).toEqual([w.editor.id, w.editor2.id, w.editor.id, w.reviewer.id, w.editor.id, w.editor.id, w.reviewer.id, w.reviewer.id])
    expect(trail.every((a) => a.orgId === w.street.id && a.actorType === 'STAFF' && a.requestId)).toBe(true)
    expect(trail[3]!.detail).toMatchObject({ reason: '请补充报名方式和截止时间' })
    expect(trail[7]!.detail).toMatchObject({ reason: '活动延期' })
    // …and readable by reviewers through the audit endpoint.
    const viaApi = await w.reviewer.call('listAudit', { query: { targetId: n.id, limit: 50 } })
    expect(viaApi.items).toHaveLength(8)
  })

  it('refuses self-approval and self-rejection with a clear message, changing nothing', async () => {
    const n = await w.both.call('createNotice', { body: { title: '自审测试', category: '工作动态', body: '<p>内容</p>' } })
    await w.both.call('submitNotice', { params: { id: n.id } })
    const e = await expectError(w.both.call('approveNotice', { params: { id: n.id } }), 403, 'FORBIDDEN')
    expect(e.message).toMatch(/不能审核自己起草/)
    await expectError(w.both.call('rejectNotice', { params: { id: n.id }, body: { reason: '自己退回' } }), 403, 'FORBIDDEN')
    expect((await w.both.call('getStaffNotice', { params: { id: n.id } })).status).toBe('PENDING_REVIEW')
    expect((await auditOf(n.id)).map((a) => a.action)).toEqual(['notice.create', 'notice.submit'])
    expect((await w.reviewer.call('approveNotice', { params: { id: n.id } })).status).toBe('PUBLISHED')
  })

  it('lets exactly one of two concurrent approvals win', async () => {
    const n = await w.editor.call('createNotice', { body: { title: '并发审核测试', category: '工作动态', body: '<p>内容</p>' } })
    await w.editor.call('submitNotice', { params: { id: n.id } })
    const results = await Promise.allSettled([w.reviewer.call('approveNotice', { params: { id: n.id } }), w.reviewer2.call('approveNotice', { params: { id: n.id } })])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect((await auditOf(n.id)).filter((a) => a.action === 'notice.approve')).toHaveLength(1)
  })

  it('enforces roles: residents and editors cannot review, reviewers cannot draft', async () => {
    const resident = await t.resident()
    await expectError(resident.call('listStaffNotices'), 403, 'FORBIDDEN')
    const n = await w.editor.call('createNotice', { body: { title: '角色测试', category: '工作动态', body: '<p>内容</p>' } })
    await w.editor.call('submitNotice', { params: { id: n.id } })
    await expectError(w.editor2.call('approveNotice', { params: { id: n.id } }), 403, 'FORBIDDEN')
    await expectError(w.reviewer.call('createNotice', { body: { title: '审核人起草', category: '工作动态', body: '<p>x</p>' } }), 403, 'FORBIDDEN')
    await createStaff(t.deps, 'wf_clerk', 'CLERK', w.street.id)
    await expectError((await t.staff('wf_clerk')).call('listStaffNotices'), 403, 'FORBIDDEN')
  })
})

describe('validation', () => {
  it('rejects an unknown category with 400 and creates nothing', async () => {
    const before = await t.deps.db.notice.count()
    const e = await expectError(w.editor.call('createNotice', { body: { title: '未知栏目', category: '新闻中心' as never, body: '<p>x</p>' } }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().category).toContain(noticeCategories.join('、'))
    await expectError(t.anon('listNotices', { query: { category: '新闻中心' as never } }), 400, 'VALIDATION_FAILED')
    await expectError(w.editor.call('listStaffNotices', { query: { category: '新闻中心' as never } }), 400, 'VALIDATION_FAILED')
    expect(await t.deps.db.notice.count()).toBe(before)
  })

  it('rejects empty titles, past publish times, bad cursors and limits with Chinese messages', async () => {
    const before = await t.deps.db.notice.count()
    const a = await expectError(w.editor.call('createNotice', { body: { title: ' ', category: '通知公告', body: '<p>x</p>' } }), 400, 'VALIDATION_FAILED')
    expect(a.fieldErrors().title).toBe('请填写标题')
    const b = await expectError(w.editor.call('createNotice', { body: { title: '定时', category: '通知公告', body: '<p>x</p>', publishAt: '2026-11-22T09:00:00+08:00' } }), 400, 'VALIDATION_FAILED')
    expect(b.message).toMatch(/定时发布时间须晚于当前时间/)
    await expectError(w.editor.call('createNotice', { body: { title: '定时', category: '通知公告', body: '<p>x</p>', publishAt: '明天' } }), 400, 'VALIDATION_FAILED')
    await expectError(t.anon('listNotices', { query: { cursor: 'bm90LWEtY3Vyc29y' } }), 400, 'VALIDATION_FAILED')
    await expectError(t.anon('listNotices', { query: { limit: 101 } }), 400, 'VALIDATION_FAILED')
    await expectError(t.anon('getNotice', { params: { id: 'bad id!' } }), 400, 'VALIDATION_FAILED')
    expect(await t.deps.db.notice.count()).toBe(before)
  })
})

describe('sanitising', () => {
  const payloads = [
    '<script>alert("xss")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">点我</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">再点</a>',
    '<p onclick="steal()" style="text-align:center;background:url(javascript:alert(1))">居中段落</p>',
    '<iframe src="https://evil.example/"></iframe><svg onload="alert(1)"></svg>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<div><style>body{display:none}</style><form action="https://evil.example"><input name="pw"></form></div>',
  ]

  it('stores and serves the body without scripts, event attributes or javascript: URLs, keeping safe markup', async () => {
    const body = `<h2>公开标题</h2>${payloads.join('')}<a href="https://www.gov.cn/">中国政府网</a><table><tr><td colspan="2">表格</td></tr></table>`
    const n = await publish(w.editor.call, w.reviewer.call, { title: 'XSS 测试', category: '通知公告', body })
    const row = await t.deps.db.notice.findUniqueOrThrow({ where: { id: n.id } })
    const seen = await t.anon('getNotice', { params: { id: n.id } })
    for (const html of [row.body, seen.body, n.body]) {
      expect(html).not.toMatch(/<script|<iframe|<svg|<style|<form|<input|onerror|onclick|onload|javascript|data:/i)
      expect(html).toContain('<h2>公开标题</h2>')
      expect(html).toContain('<p style="text-align:center">居中段落</p>')
      expect(html).toContain('<a href="https://www.gov.cn/">中国政府网</a>')
      expect(html).toContain('<td colspan="2">表格</td>')
    }
    expect(row.searchText).not.toMatch(/alert|display:none/)
  })

  it('refuses a body that is empty once sanitised', async () => {
    const e = await expectError(w.editor.call('createNotice', { body: { title: '只有脚本', category: '通知公告', body: '<script>alert(1)</script>' } }), 400, 'VALIDATION_FAILED')
    expect(e.message).toMatch(/正文不能为空/)
  })
})

describe('三同步: a 政策解读 and its 政策文件 are published together', () => {
  const doc = { title: '湖里区城乡居民基本医疗保障参保政策', category: '政策文件' as const, body: '<p>城乡居民基本医疗保险参保政策。</p>' }
  const reading = (relatedNoticeId: string) => ({ title: '《湖里区城乡居民基本医疗保障参保政策》解读', category: '政策解读' as const, body: '<p>政策解读。</p>', relatedNoticeId })

  it('refuses approving the 解读 while its 文件 is a draft, then publishes both at once when both are pending', async () => {
    const f = await w.editor.call('createNotice', { body: doc })
    const r = await w.editor.call('createNotice', { body: reading(f.id) })
    await w.editor.call('submitNotice', { params: { id: r.id } })
    const e = await expectError(w.reviewer.call('approveNotice', { params: { id: r.id } }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/三同步/)
    expect(e.message).toContain(doc.title)
    expect((await w.reviewer.call('getStaffNotice', { params: { id: r.id } })).status).toBe('PENDING_REVIEW')

    await w.editor.call('submitNotice', { params: { id: f.id } })
    const approved = await w.reviewer.call('approveNotice', { params: { id: r.id } })
    const file = await w.reviewer.call('getStaffNotice', { params: { id: f.id } })
    expect(approved.status).toBe('PUBLISHED')
    expect(file.status).toBe('PUBLISHED')
    expect(file.publishedAt).toBe(approved.publishedAt)
    expect((await auditOf(f.id)).find((a) => a.action === 'notice.approve')?.detail).toMatchObject({ together: [r.id, f.id] })

    const seenFile = await t.anon('getNotice', { params: { id: f.id } })
    const seenReading = await t.anon('getNotice', { params: { id: r.id } })
    expect(seenFile.related).toEqual([{ id: r.id, title: reading(f.id).title, category: '政策解读' }])
    expect(seenReading).toMatchObject({ relatedNoticeId: f.id, related: [{ id: f.id, title: doc.title, category: '政策文件' }] })

    // Withdrawing the 文件 takes its 解读 with it.
    await w.reviewer.call('withdrawNotice', { params: { id: f.id }, body: { reason: '政策调整' } })
    expect((await w.reviewer.call('getStaffNotice', { params: { id: r.id } })).status).toBe('WITHDRAWN')
    await expectError(t.anon('getNotice', { params: { id: r.id } }), 404, 'NOT_FOUND')
  })

  it('refuses approving the 文件 while its 解读 is a draft; a 解读 of a published 文件 publishes alone', async () => {
    const f = await w.editor.call('createNotice', { body: doc })
    const r = await w.editor.call('createNotice', { body: reading(f.id) })
    await w.editor.call('submitNotice', { params: { id: f.id } })
    const e = await expectError(w.reviewer.call('approveNotice', { params: { id: f.id } }), 422, 'INVALID_STATE')
    expect(e.message).toMatch(/三同步.*解读/)
    // Once the 解读 is pending too, approving the 文件 publishes both.
    await w.editor.call('submitNotice', { params: { id: r.id } })
    await w.reviewer.call('approveNotice', { params: { id: f.id } })
    expect((await w.reviewer.call('getStaffNotice', { params: { id: r.id } })).status).toBe('PUBLISHED')
    // A second 解读 of the already published 文件 is published on its own.
    const r2 = await publish(w.editor.call, w.reviewer.call, { ...reading(f.id), title: '图解：城乡居民医保参保' })
    expect(r2.status).toBe('PUBLISHED')
  })

  it('validates links: only a 解读 links, only to a 政策文件 of the same org', async () => {
    const f = await w.editor.call('createNotice', { body: doc })
    const other = await w.editor.call('createNotice', { body: { title: '工作动态', category: '工作动态', body: '<p>x</p>' } })
    const e1 = await expectError(w.editor.call('createNotice', { body: { ...doc, title: '通知', category: '通知公告', relatedNoticeId: f.id } }), 400, 'VALIDATION_FAILED')
    expect(e1.message).toMatch(/只有“政策解读”可以关联/)
    await expectError(w.editor.call('createNotice', { body: reading(other.id) }), 400, 'VALIDATION_FAILED')
    await expectError(w.editor.call('createNotice', { body: { ...reading(f.id), orgId: w.community.id } }), 400, 'VALIDATION_FAILED')
    await expectError(w.editor.call('createNotice', { body: reading('no_such_notice') }), 404, 'NOT_FOUND')
    const r = await w.editor.call('createNotice', { body: reading(f.id) })
    await expectError(w.editor.call('updateNotice', { params: { id: f.id }, body: { category: '通知公告' } }), 422, 'INVALID_STATE')
    expect((await w.editor.call('getStaffNotice', { params: { id: f.id } })).related).toEqual([{ id: r.id, title: reading(f.id).title, category: '政策解读', status: 'DRAFT' }])
  })
})

describe('org scoping', () => {
  it('lets staff see and act only in their subtree (404 elsewhere)', async () => {
    const streetNotice = await w.editor.call('createNotice', { body: { title: '街道草稿', category: '工作动态', body: '<p>x</p>' } })
    const communityNotice = await w.cEditor.call('createNotice', { body: { title: '社区草稿', category: '工作动态', body: '<p>x</p>' } })
    expect(communityNotice.orgId).toBe(w.community.id)
    // A community editor cannot see or touch the street's notice; a street editor can touch the community's.
    await expectError(w.cEditor.call('getStaffNotice', { params: { id: streetNotice.id } }), 404, 'NOT_FOUND')
    await expectError(w.cEditor.call('updateNotice', { params: { id: streetNotice.id }, body: { title: '越权' } }), 404, 'NOT_FOUND')
    await expectError(w.cEditor.call('submitNotice', { params: { id: streetNotice.id } }), 404, 'NOT_FOUND')
    await expectError(w.cEditor.call('createNotice', { body: { title: '越级', category: '工作动态', body: '<p>x</p>', orgId: w.street.id } }), 404, 'NOT_FOUND')
    const byStreet = await w.editor.call('createNotice', { body: { title: '为社区起草', category: '工作动态', body: '<p>x</p>', orgId: w.community.id } })
    expect(byStreet.orgName).toBe('wf社区')
    await w.editor.call('updateNotice', { params: { id: communityNotice.id }, body: { summary: '街道代为修改' } })

    const cList = await w.cEditor.call('listStaffNotices', { query: { limit: 100 } })
    expect(cList.items.every((n) => n.orgId === w.community.id)).toBe(true)
    const sList = await w.editor.call('listStaffNotices', { query: { limit: 100 } })
    expect(sList.items.map((n) => n.id)).toEqual(expect.arrayContaining([streetNotice.id, communityNotice.id]))

    // Reviewers: only within their subtree.
    await w.editor.call('submitNotice', { params: { id: streetNotice.id } })
    await w.cEditor.call('submitNotice', { params: { id: communityNotice.id } })
    await expectError(w.cReviewer.call('approveNotice', { params: { id: streetNotice.id } }), 404, 'NOT_FOUND')
    await expectError(w.otherReviewer.call('approveNotice', { params: { id: communityNotice.id } }), 404, 'NOT_FOUND')
    await expectError(w.otherReviewer.call('rejectNotice', { params: { id: streetNotice.id }, body: { reason: '越权退回' } }), 404, 'NOT_FOUND')
    const queue = await w.reviewer.call('listStaffNotices', { query: { status: 'PENDING_REVIEW', limit: 100 } })
    expect(queue.items.map((n) => n.id)).toEqual(expect.arrayContaining([streetNotice.id, communityNotice.id]))
    expect((await w.otherReviewer.call('listStaffNotices', { query: { status: 'PENDING_REVIEW' } })).items).toHaveLength(0)
    await w.cReviewer.call('approveNotice', { params: { id: communityNotice.id } })
    await w.reviewer.call('approveNotice', { params: { id: streetNotice.id } })
    await expectError(w.otherReviewer.call('withdrawNotice', { params: { id: streetNotice.id }, body: {} }), 404, 'NOT_FOUND')

    // A community's notice is public to everyone; the orgId filter takes the org and the orgs below it.
    const resident = await t.resident()
    expect((await resident.call('getNotice', { params: { id: communityNotice.id } })).orgName).toBe('wf社区')
    const streetList = await t.anon('listNotices', { query: { orgId: w.street.id, limit: 100 } })
    expect(streetList.items.map((n) => n.id)).toEqual(expect.arrayContaining([streetNotice.id, communityNotice.id]))
    const communityList = await t.anon('listNotices', { query: { orgId: w.community.id, limit: 100 } })
    expect(communityList.items.map((n) => n.id)).toContain(communityNotice.id)
    expect(communityList.items.map((n) => n.id)).not.toContain(streetNotice.id)
    await expectError(t.anon('listNotices', { query: { orgId: 'no_such_org' } }), 404, 'NOT_FOUND')
  })
})

describe('attachments', () => {
  it('attaches own uploads of allowed types, serves them once published, and refuses others', async () => {
    const pdf = await fakeUpload(t, w.editor.id, { name: '2026年预算公开表.pdf' })
    const exe = await fakeUpload(t, w.editor.id, { name: 'setup.exe', mime: 'application/x-msdownload' })
    const big = await fakeUpload(t, w.editor.id, { name: '大文件.pdf', size: 25 * 1024 * 1024 })
    const someoneElses = await fakeUpload(t, w.editor2.id, { name: '他人的.pdf' })
    const body = { title: '2026年部门预算公开', category: '财政信息' as const, body: '<p>见附件。</p>' }
    const before = await t.deps.db.notice.count()
    expect((await expectError(w.editor.call('createNotice', { body: { ...body, attachments: [exe.id] } }), 400, 'VALIDATION_FAILED')).message).toMatch(/类型不支持/)
    expect((await expectError(w.editor.call('createNotice', { body: { ...body, attachments: [big.id] } }), 400, 'VALIDATION_FAILED')).message).toMatch(/20 MB/)
    await expectError(w.editor.call('createNotice', { body: { ...body, attachments: [someoneElses.id] } }), 400, 'VALIDATION_FAILED')
    await expectError(w.editor.call('createNotice', { body: { ...body, attachments: ['no_such_upload'] } }), 400, 'VALIDATION_FAILED')
    expect(await t.deps.db.notice.count()).toBe(before)

    const n = await w.editor.call('createNotice', { body: { ...body, attachments: [pdf.id] } })
    expect(n.attachments).toMatchObject([{ id: pdf.id, name: '2026年预算公开表.pdf', mime: 'application/pdf' }])
    const url = n.attachments[0]!.url
    expect((await t.fetch(url)).status).toBe(404) // not published yet
    // Another notice cannot take it.
    await expectError(w.editor.call('createNotice', { body: { ...body, attachments: [pdf.id] } }), 400, 'VALIDATION_FAILED')
    await w.editor.call('submitNotice', { params: { id: n.id } })
    await w.reviewer.call('approveNotice', { params: { id: n.id } })

    const seen = await t.anon('getNotice', { params: { id: n.id } })
    expect(seen.attachments).toEqual(n.attachments)
    expect((await t.anon('listNotices', { query: { q: '2026年部门预算公开' } })).items[0]).toMatchObject({ id: n.id, attachmentCount: 1 })
    const file = await t.fetch(url)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('2026年预算公开表.pdf'))
    expect(await file.text()).toBe('%PDF-1.4 测试附件')
    // The search text includes attachment names.
    expect((await t.anon('listNotices', { query: { q: '预算公开表' } })).items.map((i) => i.id)).toEqual([n.id])
  })

  it('takes a file uploaded through POST /api/v1/uploads, and the attachment list can be replaced while a draft', async () => {
    const { token } = await t.staff('wf_editor')
    const up = await upload(t.url, token, PDF_MIN, '决算说明.pdf', 'application/pdf')
    expect(up.status).toBe(201)
    const n = await w.editor.call('createNotice', { body: { title: '2025年度决算公开', category: '财政信息', body: '<p>见附件。</p>', attachments: [up.body.id!] } })
    expect(n.attachments).toMatchObject([{ id: up.body.id, name: '决算说明.pdf', mime: 'application/pdf', size: PDF_MIN.length }])
    const other = await fakeUpload(t, w.editor.id, { name: '补充说明.pdf' })
    const edited = await w.editor.call('updateNotice', { params: { id: n.id }, body: { attachments: [other.id] } })
    expect(edited.attachments.map((a) => a.id)).toEqual([other.id])
    // The file taken off is free again (unattached), and the search text follows the names.
    expect(await t.deps.db.upload.findUniqueOrThrow({ where: { id: up.body.id! } })).toMatchObject({ refType: null, refId: null })
    expect((await t.deps.db.notice.findUniqueOrThrow({ where: { id: n.id } })).searchText).toContain('补充说明')
  })
})
