// Staff pages in the browser: a desk-sized page and signing in through the staff login page.
import type { Browser, Page } from 'playwright-core'
import { pageUrl, type PageName } from '@bianmin/shared'
import { TEST_PASSWORD, type TestApp } from './app'
import { openPage } from './browser'

/** A desk PC page (1280×800) that collects uncaught page errors. */
export async function deskPage (browser: Browser): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors, close: () => context.close() }
}

/** Signs in on the staff login page (TEST_PASSWORD), waits for the workbench, then opens `then` if given. */
export async function staffSignIn (page: Page, t: TestApp, username: string, then?: PageName): Promise<void> {
  await openPage(page, t.url, pageUrl('staffLogin'))
  await page.getByTestId('staff-username').locator('input').fill(username)
  await page.getByTestId('staff-password').locator('input').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: 30_000 })
  if (then) await openPage(page, t.url, pageUrl(then))
}
