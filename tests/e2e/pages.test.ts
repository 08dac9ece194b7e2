// The H5 shell around the pages (issue 18 item 10): the tab bar switches tabs without a Content-Security-Policy
// violation and is keyboard navigation; an address that names no page says 页面不存在 with a way home; pages outside the
// tabs have a title bar with the page's title and a back control (返回, or 首页 when opened straight from a link);
// Taro's buttons are in the focus order. axe-core checks each page shown.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage } from '../support/browser'
import { expectAccessible } from '../support/axe'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const visible = (p: Page, id: string) => p.locator(`[data-testid="${id}"]:visible`)

/** A resident's phone that records every CSP violation the page reports (the event, and the console line). */
async function recordingPage () {
  const p = await consentedPhonePage(browser, t)
  await p.context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  const consoleCsp: string[] = []
  p.page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text()) })
  const violations = async () => [...consoleCsp, ...await p.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)]
  return { ...p, violations }
}

it('switches every tab without a CSP violation; the tab bar is navigation with links in the focus order', async () => {
  const p = await recordingPage()
  await openPage(p.page, t.url, pageUrl('home'))
  await visible(p.page, 'home-greeting').waitFor({ timeout: 30_000 })
  for (const tab of ['办事', '消息', '我的', '首页']) {
    await p.page.locator('.weui-tabbar__item', { hasText: tab }).click()
    await expect.poll(() => p.page.locator('.weui-tabbar__item[aria-current="page"]').textContent(), { timeout: 15_000 }).toBe(tab)
  }
  expect(await p.violations()).toEqual([])
  // No javascript: URL left to follow; the items are links a keyboard reaches, Enter switches the tab.
  expect(await p.page.locator('.weui-tabbar a[href]').count()).toBe(0)
  expect(await p.page.getByRole('navigation', { name: '主导航' }).count()).toBe(1)
  await p.page.getByRole('link', { name: '我的' }).focus()
  await p.page.keyboard.press('Enter')
  await visible(p.page, 'mine-name').waitFor({ timeout: 15_000 })
  expect(await p.violations()).toEqual([])
  await expectAccessible(p.page, 'mine')
  expect(p.errors).toEqual([])
  await p.context.close()
})

it('an address that names no page says 页面不存在 and leads home', async () => {
  const p = await recordingPage()
  await openPage(p.page, t.url, '/pages/nowhere/index?id=1')
  await expect.poll(() => visible(p.page, 'page-state-empty').textContent(), { timeout: 30_000 }).toContain('页面不存在')
  expect(await visible(p.page, 'page-title').textContent()).toBe('页面不存在')
  await expectAccessible(p.page, 'not-found')
  await visible(p.page, 'not-found-home').click()
  await visible(p.page, 'home-greeting').waitFor({ timeout: 15_000 })
  expect(p.errors).toEqual([])
  await p.context.close()
})

it('pages outside the tabs have a title bar: the page title, 返回 to the page before, 首页 when opened from a link', async () => {
  const p = await recordingPage()
  await openPage(p.page, t.url, pageUrl('home'))
  await visible(p.page, 'home-greeting').waitFor({ timeout: 30_000 })
  // Tab pages have none (the tab bar is their navigation).
  expect(await visible(p.page, 'title-bar').count()).toBe(0)
  await visible(p.page, 'entry-notices').click()
  await visible(p.page, 'notice-search').waitFor({ timeout: 15_000 })
  expect(await visible(p.page, 'page-title').textContent()).toBe('政务公开')
  expect(await p.page.getByRole('heading', { level: 1, name: '政务公开' }).count()).toBe(1)
  await expectAccessible(p.page, 'notices')
  await visible(p.page, 'page-back').click()
  await visible(p.page, 'home-greeting').waitFor({ timeout: 15_000 })
  await expect.poll(() => visible(p.page, 'notice-search').count()).toBe(0)

  // Opened straight on 办事指南 (a QR code): the bar leads to 首页.
  const item = await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })
  await openPage(p.page, t.url, pageUrl('serviceDetail', { id: item.id }))
  await visible(p.page, 'guide-name').waitFor({ timeout: 30_000 })
  expect(await visible(p.page, 'page-title').textContent()).toBe('办事指南')
  expect(await visible(p.page, 'page-back').count()).toBe(0)
  // Taro's buttons are buttons in the focus order: Tab reaches 预约办理.
  const book = visible(p.page, 'guide-book')
  expect(await book.getAttribute('role')).toBe('button')
  expect(await book.getAttribute('tabindex')).toBe('0')
  await expectAccessible(p.page, 'guide (from a link)')
  await visible(p.page, 'home-link').click()
  await visible(p.page, 'home-greeting').waitFor({ timeout: 15_000 })
  expect(await p.violations()).toEqual([])
  expect(p.errors).toEqual([])
  await p.context.close()
})
