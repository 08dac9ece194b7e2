// 政务公开 in the H5 build: an editor drafts and submits a notice, a reviewer approves it, a resident finds it by
// search and opens it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { pageUrl } from '@bianmin/shared'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const field = (page: Page, id: string, tag: 'input' | 'textarea' = 'input') => page.locator(`[data-testid="${id}"] ${tag}`)
// H5 keeps earlier pages of the stack in the DOM (hidden): look at the visible ones only.
const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)
const TITLE = '关于东荣社区冬季用电安全检查的通知'
const BODY = '社区网格员将于工作日上午入户开展用电安全检查。\n请居民配合检查，发现隐患及时整改。'

async function signIn (page: Page, username: string): Promise<void> {
  await openPage(page, t.url, pageUrl('staffLogin'))
  await field(page, 'staff-username').fill(username)
  await field(page, 'staff-password').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor()
}

it('an editor drafts and submits, a reviewer approves, a resident finds the notice by search and reads it', async () => {
  // Editor: 信息发布 → 新建信息 → an empty title is refused, then 保存并提交审核.
  const editor = await phonePage(browser)
  await signIn(editor.page, 'editor')
  await editor.page.getByTestId('entry-drafts').click()
  await editor.page.getByTestId('staff-notice-new').click()
  await field(editor.page, 'notice-form-body', 'textarea').fill(BODY)
  await editor.page.getByTestId('notice-form-submit').click()
  await expect.poll(() => editor.page.getByTestId('notice-form-title-error').textContent()).toBe('请填写标题')
  expect(await t.deps.db.notice.count({ where: { title: TITLE } })).toBe(0)
  await field(editor.page, 'notice-form-title').fill(TITLE)
  await screenshot(editor.page, 'notice-form')
  await editor.page.getByTestId('notice-form-submit').click()
  await expect.poll(() => editor.page.getByTestId('staff-notice-status').textContent(), { timeout: 15_000 }).toBe('待审核')
  const row = await t.deps.db.notice.findFirstOrThrow({ where: { title: TITLE } })
  expect(row).toMatchObject({ status: 'PENDING_REVIEW', category: '通知公告', body: '<p>社区网格员将于工作日上午入户开展用电安全检查。</p><p>请居民配合检查，发现隐患及时整改。</p>' })
  expect(editor.errors).toEqual([])
  await editor.context.close()

  // Reviewer: 信息审核 → the queue → 审核通过并发布.
  const reviewer = await phonePage(browser)
  await signIn(reviewer.page, 'reviewer')
  await reviewer.page.getByTestId('entry-review').click()
  const item = reviewer.page.getByTestId('staff-notice-item').filter({ hasText: TITLE })
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
  await screenshot(reviewer.page, 'notice-review-queue')
  await item.click()
  await reviewer.page.getByTestId('staff-notice-approve').click()
  await reviewer.page.getByTestId('inline-confirm-ok').click() // 审核通过并发布 asks first
  await expect.poll(() => reviewer.page.getByTestId('staff-notice-status').textContent(), { timeout: 15_000 }).toBe('已发布')
  expect((await t.deps.db.notice.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('PUBLISHED')
  expect(await t.deps.db.auditLog.count({ where: { targetId: row.id } })).toBe(3)
  expect(reviewer.errors).toEqual([])
  await reviewer.context.close()

  // Resident: 首页 shows the latest notices; 政务公开 → search “用电安全” → open it.
  const resident = await phonePage(browser)
  const page = resident.page
  await openPage(page, t.url, pageUrl('home'))
  await expect.poll(() => page.getByTestId('home-notices').getByTestId('notice-item').filter({ hasText: TITLE }).count(), { timeout: 15_000 }).toBe(1)
  await screenshot(page, 'notice-home')
  await page.getByTestId('entry-notices').click()
  await expect.poll(() => visible(page, 'notice-item').count(), { timeout: 15_000 }).toBeGreaterThan(3)
  await field(page, 'notice-search').fill('用电安全')
  await visible(page, 'notice-search-submit').click()
  await expect.poll(() => visible(page, 'notice-item').count()).toBe(1)
  expect(await visible(page, 'notice-item').textContent()).toContain(TITLE)
  await screenshot(page, 'notice-search')
  await visible(page, 'notice-item').click()
  await expect.poll(() => visible(page, 'notice-title').textContent(), { timeout: 15_000 }).toBe(TITLE)
  expect(await visible(page, 'notice-body').textContent()).toContain('请居民配合检查')
  await screenshot(page, 'notice-detail')

  // A 政策解读 links to its 政策文件 (demo 三同步 pair).
  expect(resident.errors).toEqual([])
  await resident.context.close()
  const reader = await phonePage(browser)
  await openPage(reader.page, t.url, pageUrl('notices'))
  await visible(reader.page, 'notice-tab-政策解读').click()
  await expect.poll(() => visible(reader.page, 'notice-item').count(), { timeout: 15_000 }).toBe(1)
  await visible(reader.page, 'notice-item').click()
  await visible(reader.page, 'notice-related').click()
  await expect.poll(() => visible(reader.page, 'notice-title').textContent(), { timeout: 15_000 }).toBe('湖里区城乡居民基本医疗保障参保政策')
  await screenshot(reader.page, 'notice-policy-document')
  expect(reader.errors).toEqual([])
})
