// 年度报告 in the H5 build: an editor drafts the 2026 report (figures offered, a 第二十条 figure entered), submits it; a
// reviewer approves and publishes it; a resident opens it under 政务公开 → 年度报告.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-12-20T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

async function signIn (page: Page, username: string): Promise<void> {
  await openPage(page, t.url, pageUrl('staffLogin'))
  await page.locator('[data-testid="staff-username"] input').fill(username)
  await page.locator('[data-testid="staff-password"] input').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor()
}

it('an editor drafts the 2026 report, a reviewer approves and publishes it, a resident opens it from 政务公开', async () => {
  const editor = await phonePage(browser)
  await signIn(editor.page, 'editor')
  await openPage(editor.page, t.url, pageUrl('staffAnnualReports'))
  await visible(editor.page, 'draft-2026').click()
  await expect.poll(() => visible(editor.page, 'report-status').textContent(), { timeout: 15_000 }).toBe('草稿')
  expect(await visible(editor.page, 'balance-check').textContent()).toContain('平衡')
  await editor.page.locator('[data-testid="cell-行政许可本年处理决定数量"]:visible input').fill('29')
  await visible(editor.page, 'report-save').click()
  await expect.poll(async () => ((await t.deps.db.annualReport.findFirst({ where: { year: 2026 } }))?.proactive as { licensing?: { decisions: number } } | undefined)?.licensing?.decisions, { timeout: 15_000 }).toBe(29)
  await screenshot(editor.page, 'annual-report-editor')
  await visible(editor.page, 'report-submit').click()
  await expect.poll(() => visible(editor.page, 'report-status').textContent(), { timeout: 15_000 }).toContain('待审核')
  expect(editor.errors).toEqual([])
  await editor.context.close()

  const reviewer = await phonePage(browser)
  await signIn(reviewer.page, 'reviewer')
  await openPage(reviewer.page, t.url, pageUrl('staffAnnualReports'))
  await visible(reviewer.page, 'report-2026').click()
  await visible(reviewer.page, 'report-approve').click()
  await expect.poll(() => visible(reviewer.page, 'report-status').textContent(), { timeout: 15_000 }).toContain('已审核')
  await visible(reviewer.page, 'report-publish').click()
  await expect.poll(() => visible(reviewer.page, 'report-status').textContent(), { timeout: 15_000 }).toContain('已发布')
  expect(reviewer.errors).toEqual([])
  await reviewer.context.close()

  const report = await t.deps.db.annualReport.findFirstOrThrow({ where: { year: 2026 } })
  const notice = await t.deps.db.notice.findUniqueOrThrow({ where: { id: report.noticeId! } })
  const resident = await phonePage(browser)
  await openPage(resident.page, t.url, pageUrl('notices'))
  await visible(resident.page, 'notice-tab-年度报告').click()
  const item = visible(resident.page, 'notice-item').filter({ hasText: notice.title })
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
  await item.click()
  await expect.poll(() => visible(resident.page, 'notice-title').textContent(), { timeout: 15_000 }).toBe(notice.title)
  const body = await visible(resident.page, 'notice-body').textContent()
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) expect(body).toContain(h)
  await screenshot(resident.page, 'annual-report-notice')
  expect(resident.errors).toEqual([])
  await resident.context.close()
})
