// The notice editor and review in the H5 build at desk width (1280×800), against the real server: an editor writes
// a notice in HTML with a table, attaches files (upload, list, remove), previews it exactly as residents will see it
// (the server's sanitised HTML: the table kept, the script gone) and submits it; the reviewer's 退回 is not sent
// without a reason, 审核通过并发布 asks for confirmation first; the resident sees the same table and the attachment.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { deskPage, staffSignIn } from '../support/staff-browser'
import { PDF_MIN } from '../support/uploads'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const TITLE = '关于调整小区临时停车收费标准的公示'
const BODY = '<p>经业主大会表决，临时停车收费标准调整如下：</p><table><thead><tr><th>车型</th><th>标准</th></tr></thead>' +
  '<tbody><tr><td>小型车</td><td>每小时 2 元</td></tr><tr><td>大型车</td><td>每小时 5 元</td></tr></tbody></table><script>alert(1)</script>'
const CELLS = ['车型', '标准', '小型车', '每小时 2 元', '大型车', '每小时 5 元']

const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)
const field = (page: Page, id: string, tag: 'input' | 'textarea' = 'input') => page.locator(`[data-testid="${id}"]:visible ${tag}`)
/** The text of every table cell under the element with this test id. */
const cells = (page: Page, id: string) => visible(page, id).first().locator('th, td').allTextContents()

const signIn = (page: Page, username: string) => staffSignIn(page, t, username)

async function attach (page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser')
  await visible(page, 'notice-file-add').click()
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: PDF_MIN })
}

it('an editor attaches files, keeps a table and previews; the reviewer must give a reason to 退回 and confirms 发布', async () => {
  // Editor: a new notice in HTML mode with a table.
  const editor = await deskPage(browser)
  const page = editor.page
  await signIn(page, 'editor')
  await openPage(page, t.url, pageUrl('staffNoticeEdit'))
  await field(page, 'notice-form-title').fill(TITLE)
  await visible(page, 'notice-form-mode').click()
  await field(page, 'notice-form-body', 'textarea').fill(BODY)

  // Attachments: two uploaded and listed, one removed.
  await attach(page, '停车收费表决结果.pdf')
  await expect.poll(() => visible(page, 'notice-file').count(), { timeout: 15_000 }).toBe(1)
  await attach(page, '旧版收费标准.pdf')
  await expect.poll(() => visible(page, 'notice-file').count(), { timeout: 15_000 }).toBe(2)
  expect(await visible(page, 'notice-files').textContent()).toContain('旧版收费标准.pdf')
  await visible(page, 'notice-file').filter({ hasText: '旧版收费标准.pdf' }).getByTestId('notice-file-remove').click()
  await expect.poll(() => visible(page, 'notice-file').count()).toBe(1)
  expect(await visible(page, 'notice-file').textContent()).toContain('停车收费表决结果.pdf')

  // 预览: the server's sanitised HTML as residents will see it — the table kept, the script removed.
  await visible(page, 'notice-form-preview').click()
  await visible(page, 'notice-preview').waitFor({ timeout: 15_000 })
  await expect.poll(() => cells(page, 'notice-preview-body'), { timeout: 15_000 }).toEqual(CELLS)
  const preview = await (await t.staff('editor')).call('previewNotice', { body: { body: BODY } })
  expect(preview.body).toContain('<table>')
  expect(preview.body).not.toContain('script')
  expect(await visible(page, 'notice-preview').textContent()).toContain('停车收费表决结果.pdf')
  await screenshot(page, 'notice-editor-preview')

  await visible(page, 'notice-form-submit').click()
  await expect.poll(() => visible(page, 'staff-notice-status').first().textContent(), { timeout: 15_000 }).toBe('待审核')
  const row = await t.deps.db.notice.findFirstOrThrow({ where: { title: TITLE } })
  expect(row.status).toBe('PENDING_REVIEW')
  expect(row.body).toBe(preview.body)
  const saved = await (await t.staff('editor')).call('getStaffNotice', { params: { id: row.id } })
  expect(saved.attachments.map((a) => a.name)).toEqual(['停车收费表决结果.pdf'])
  expect(editor.errors).toEqual([])
  await editor.close()

  // Reviewer: 退回 without a reason is not sent; with one it is.
  const reviewer = await deskPage(browser)
  const rp = reviewer.page
  await signIn(rp, 'reviewer')
  await openPage(rp, t.url, pageUrl('staffNoticeDetail', { id: row.id }))
  await visible(rp, 'staff-notice-reject').click()
  await expect.poll(() => visible(rp, 'staff-notice-reason-input').locator('..').textContent(), { timeout: 10_000 }).toContain('请填写退回原因')
  expect((await t.deps.db.notice.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('PENDING_REVIEW')
  await field(rp, 'staff-notice-reason-input', 'textarea').fill('请补充表决日期')
  await visible(rp, 'staff-notice-reject').click()
  await expect.poll(() => visible(rp, 'staff-notice-status').first().textContent(), { timeout: 15_000 }).toBe('已退回')
  expect(await t.deps.db.notice.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'REJECTED', rejectReason: '请补充表决日期' })

  // Resubmitted; 审核通过并发布 asks first (cancel: nothing changes), then publishes on 确认发布.
  await (await t.staff('editor')).call('submitNotice', { params: { id: row.id } })
  await rp.reload()
  await visible(rp, 'staff-notice-approve').click()
  await visible(rp, 'inline-confirm').waitFor({ timeout: 10_000 })
  expect(await visible(rp, 'inline-confirm').textContent()).toContain('审核通过并发布？')
  await visible(rp, 'inline-confirm-cancel').click()
  expect((await t.deps.db.notice.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('PENDING_REVIEW')
  await visible(rp, 'staff-notice-approve').click()
  await visible(rp, 'inline-confirm-ok').click()
  await expect.poll(() => visible(rp, 'staff-notice-status').first().textContent(), { timeout: 15_000 }).toBe('已发布')
  expect(reviewer.errors).toEqual([])
  await reviewer.close()

  // The resident sees what the preview showed: the same table and the attachment.
  const resident = await phonePage(browser)
  await openPage(resident.page, t.url, pageUrl('noticeDetail', { id: row.id }))
  await expect.poll(() => visible(resident.page, 'notice-title').textContent(), { timeout: 15_000 }).toBe(TITLE)
  expect(await cells(resident.page, 'notice-body')).toEqual(CELLS)
  expect(await visible(resident.page, 'notice-attachment').textContent()).toContain('停车收费表决结果')
  await screenshot(resident.page, 'notice-editor-resident')
  expect(resident.errors).toEqual([])
  await resident.context.close()
})
