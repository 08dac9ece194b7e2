// axe-core on the staff desk (issue 18 item 11): every page of the workbench a member opens, at a desk's 1280×800 and
// on a phone, has no critical or serious violation (系统设置's inputs carry their labels, and so on).
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl, type PageName } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { launchBrowser, openPage, taroStorage } from '../support/browser'
import { axeFindings, describeFindings } from '../support/axe'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

async function staffPage (username: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  const token = (await t.staff(username)).token
  await context.addInitScript((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v) }, taroStorage({ bm_staff_token: token }))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors, close: () => context.close() }
}

/** Opens each page, waits for its content, and collects what axe-core finds, page by page. */
async function audit (username: string, pages: PageName[], viewport = { width: 1280, height: 800 }) {
  const s = await staffPage(username, viewport)
  const found: Record<string, string[]> = {}
  for (const name of pages) {
    await openPage(s.page, t.url, pageUrl(name))
    await s.page.locator('.bm-page.bm-staff:visible').first().waitFor({ timeout: 30_000 })
    // The page's data: no loading placeholder left.
    await expect.poll(() => s.page.locator('[data-testid="page-state-loading"]:visible').count(), { timeout: 15_000 }).toBe(0)
    await s.page.waitForTimeout(300)
    found[name] = describeFindings(await axeFindings(s.page))
  }
  expect(s.errors).toEqual([])
  await s.close()
  return found
}

const none = (pages: PageName[]) => Object.fromEntries(pages.map((p) => [p, []]))

it('an admin\'s pages at a desk: 系统设置, 账号, 日历, 审计, 统计, 服务管理', async () => {
  const pages: PageName[] = ['staffHome', 'staffSettings', 'staffAccounts', 'staffCalendar', 'staffAudit', 'staffDashboard', 'staffReport', 'staffHalls', 'staffServiceItems', 'staffSlotTemplates', 'staffSlots']
  expect(await audit('admin', pages)).toEqual(none(pages))
})

it('the handler\'s, editor\'s and reviewer\'s pages at a desk and on a phone', async () => {
  expect(await audit('handler', ['staffConsultations', 'staffDisclosures', 'staffRectifications'])).toEqual(none(['staffConsultations', 'staffDisclosures', 'staffRectifications']))
  expect(await audit('editor', ['staffNotices', 'staffNoticeEdit'])).toEqual(none(['staffNotices', 'staffNoticeEdit']))
  expect(await audit('reviewer', ['staffNoticeReview'])).toEqual(none(['staffNoticeReview']))
  const phone = { width: 375, height: 812 }
  expect(await audit('admin', ['staffHome', 'staffSettings'], phone)).toEqual(none(['staffHome', 'staffSettings']))
})
