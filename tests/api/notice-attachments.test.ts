// Notice editor: files uploaded through POST /api/v1/uploads are attached, listed and removed on a draft; the preview
// answers the body exactly as it will be stored and shown to residents: tables kept, scripts and event attributes gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, expectError, type TestApp } from '../support/app'
import { PDF_MIN, upload } from '../support/uploads'

let t: TestApp

beforeAll(async () => { t = await startTestApp({ demo: true }) })
afterAll(async () => { await t.close() })

const TABLE = '<p>补贴标准如下：</p><table><thead><tr><th>年龄</th><th>每月</th></tr></thead><tbody><tr><td onclick="steal()">80–89 岁</td><td colspan="1">100 元</td></tr></tbody></table><script>alert(1)</script>'

describe('notice editor', () => {
  it('previews the body as residents will see it: the table stays, scripts and event attributes go; nothing is saved', async () => {
    const editor = await t.staff('editor')
    const before = await t.deps.db.notice.count()
    const p = await editor.call('previewNotice', { body: { body: TABLE } })
    expect(p.body).toContain('<table><thead><tr><th>年龄</th>')
    expect(p.body).toContain('<td colspan="1">100 元</td>')
    expect(p.body).not.toMatch(/script|onclick|steal/)
    expect(p.summary).toContain('补贴标准如下')
    expect(await t.deps.db.notice.count()).toBe(before)
    // The stored body is the preview.
    const n = await editor.call('createNotice', { body: { title: '高龄津贴标准', category: '通知公告', body: TABLE } })
    expect(n.body).toBe(p.body)
    await expectError(editor.call('previewNotice', { body: { body: '' } }), 400, 'VALIDATION_FAILED')
    await expectError((await t.staff('clerk')).call('previewNotice', { body: { body: TABLE } }), 403, 'FORBIDDEN')
  })

  it('attaches uploads, lists them, removes one', async () => {
    const editor = await t.staff('editor')
    const a = await upload(t.url, editor.token, PDF_MIN, '补贴申请表.pdf', 'application/pdf')
    const b = await upload(t.url, editor.token, PDF_MIN, '办理流程.pdf', 'application/pdf')
    const n = await editor.call('createNotice', { body: { title: '附件测试', category: '通知公告', body: '<p>见附件</p>', attachments: [a.body.id!, b.body.id!] } })
    expect(n.attachments.map((x) => x.name)).toEqual(['补贴申请表.pdf', '办理流程.pdf'])
    const u = await editor.call('updateNotice', { params: { id: n.id }, body: { attachments: [b.body.id!], version: n.version } })
    expect(u.attachments.map((x) => x.name)).toEqual(['办理流程.pdf'])
    expect((await editor.call('getStaffNotice', { params: { id: n.id } })).attachments).toHaveLength(1)
  })
})
