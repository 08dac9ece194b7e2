// The staff desk layout in the H5 build: the handler's inbox, the notice review queue and the dashboard at 1280×800
// (navigation beside the work, lists as tables with more than five rows on screen, no phone tab bar, text ≥ 14 px,
// a record opening beside its list) and the same pages at 375×812 (the phone layout: no sidebar, rows as cards).
// With UPDATE_SCREENSHOTS=1 the desk screenshots also go to docs/screenshots/ (scripts/screenshots.mjs).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl, type PageName } from '@bianmin/shared'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'

let t: TestApp
let browser: Browser
const DOCS = path.resolve('docs/screenshots')

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
  // Enough rows to fill a desk screen: twelve cases for the demo handler's org, twelve notices awaiting review.
  const handler = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'handler' } })
  const resident = await t.resident()
  for (let i = 1; i <= 12; i++) {
    await resident.call('createConsultation', { body: { kind: i % 2 ? 'CONSULT' : 'COMPLAINT', orgId: handler.orgId, title: `桌面测试留言第${i}条：小区路灯不亮`, content: '小区东门路灯连续几晚不亮，老人晚上出门不方便，请尽快维修。', allowPublish: false } })
  }
  const editor = await t.staff('editor')
  for (let i = 1; i <= 12; i++) {
    const n = await editor.call('createNotice', { body: { title: `桌面测试通知第${i}号：冬季供暖安排`, category: '通知公告', body: '<p>供暖时间自11月15日起。</p>' } })
    await editor.call('submitNotice', { params: { id: n.id } })
  }
}, 120_000)
afterAll(async () => { await browser?.close(); await t?.close() })

async function deskPage (): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors, close: () => context.close() }
}

async function signIn (page: Page, username: string, then: PageName): Promise<void> {
  await openPage(page, t.url, pageUrl('staffLogin'))
  await page.getByTestId('staff-username').locator('input').fill(username)
  await page.getByTestId('staff-password').locator('input').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: 30_000 })
  await openPage(page, t.url, pageUrl(then))
}

/** What is on screen: the sidebar, list rows fully inside the viewport, a visible tab bar, the smallest text. */
async function layout (page: Page, rowTestId: string) {
  return page.evaluate((rowId) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    }
    const nav = [...document.querySelectorAll('[data-testid="staff-nav"]')].find(shown)
    const main = [...document.querySelectorAll('.staff-shell__main')].find(shown)
    const rows = [...document.querySelectorAll(`[data-testid="${rowId}"]`)].filter((el) => {
      const r = el.getBoundingClientRect()
      return shown(el) && r.top >= 0 && r.bottom <= window.innerHeight
    })
    const tabBar = [...document.querySelectorAll('.taro-tabbar__tabbar, .weui-tabbar')].some((el) => shown(el) && getComputedStyle(el).display !== 'none')
    let minFont = Infinity
    for (const el of [nav, main]) {
      if (!el) continue
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement
        if (!parent || !n.textContent?.trim() || !shown(parent)) continue
        minFont = Math.min(minFont, parseFloat(getComputedStyle(parent).fontSize))
      }
    }
    return {
      nav: nav ? nav.getBoundingClientRect().toJSON() as DOMRect : null,
      main: main ? main.getBoundingClientRect().toJSON() as DOMRect : null,
      rows: rows.length,
      rowWidth: rows[0]?.getBoundingClientRect().width ?? 0,
      tabBar,
      minFont,
    }
  }, rowTestId)
}

async function deskShot (page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  await screenshot(page, name)
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(DOCS, { recursive: true })
    await page.screenshot({ path: path.join(DOCS, `${name}.png`) })
  }
}

const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

describe('desk PC (1280×800)', () => {
  it('the inbox: navigation beside a table of cases, the case opens beside the list', async () => {
    const { page, errors, close } = await deskPage()
    await signIn(page, 'handler', 'staffConsultations')
    await expect.poll(() => visible(page, 'cs-inbox-item').count(), { timeout: 30_000 }).toBeGreaterThan(5)
    const l = await layout(page, 'cs-inbox-item')
    expect(l.nav).not.toBeNull()
    expect(l.nav!.right).toBeLessThanOrEqual(l.main!.left)
    expect(await visible(page, 'nav-inbox').getAttribute('aria-current')).toBe('page')
    expect(l.rows).toBeGreaterThan(5)
    expect(l.tabBar).toBe(false)
    expect(l.minFont).toBeGreaterThanOrEqual(14)
    // A table: a header row with column names.
    expect(await page.locator('.staff-table__head:visible [role="columnheader"]').allTextContents()).toEqual(expect.arrayContaining(['留言', '受理单位', '答复期限 ↕']))

    // The first case opens beside the list (no new page), with the reply box.
    const first = visible(page, 'cs-inbox-item').first()
    const title = (await first.locator('.staff-table__cell--title').textContent()) ?? ''
    await first.click()
    const pane = visible(page, 'staff-detail-pane')
    await expect.poll(() => pane.getByTestId('cs-staff-title').textContent(), { timeout: 15_000 }).not.toBeNull()
    expect(title).toContain(await pane.getByTestId('cs-staff-title').textContent())
    expect(await pane.getByTestId('cs-reply-send').count()).toBe(1)
    const paneBox = (await pane.boundingBox())!
    expect(paneBox.x).toBeGreaterThan((await first.boundingBox())!.x + 200)
    await deskShot(page, 'desk-consultations')

    // Keyboard: the rows' links are in the Tab order and Enter opens one.
    const link = visible(page, 'cs-inbox-item').nth(1).locator('[role="link"]')
    await link.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => visible(page, 'cs-inbox-item').nth(1).getAttribute('aria-selected')).toBe('true')
    expect(errors).toEqual([])
    await close()
  })

  it('the notice review queue: a table of pending notices, sortable, the notice beside it with 审核通过', async () => {
    const { page, errors, close } = await deskPage()
    await signIn(page, 'reviewer', 'staffNoticeReview')
    await expect.poll(() => visible(page, 'staff-notice-item').count(), { timeout: 30_000 }).toBeGreaterThan(5)
    const l = await layout(page, 'staff-notice-item')
    expect(l.nav).not.toBeNull()
    expect(l.rows).toBeGreaterThan(5)
    expect(l.tabBar).toBe(false)
    expect(l.minFont).toBeGreaterThanOrEqual(14)
    expect(await visible(page, 'nav-review').getAttribute('aria-current')).toBe('page')

    // Sorting by 更新时间: ascending, then descending.
    const times = () => page.locator('[data-testid="staff-notice-item"]:visible .staff-table__cell--updated').allTextContents()
    await visible(page, 'sort-updated').click()
    const up = await times()
    expect([...up].sort()).toEqual(up)
    await visible(page, 'sort-updated').click()
    const down = await times()
    expect([...down].sort().reverse()).toEqual(down)

    await visible(page, 'staff-notice-item').first().click()
    const pane = visible(page, 'staff-detail-pane')
    await pane.getByTestId('staff-notice-approve').waitFor({ timeout: 15_000 })
    expect(await pane.getByTestId('staff-notice-status').textContent()).toBe('待审核')
    await deskShot(page, 'desk-notice-review')
    expect(errors).toEqual([])
    await close()
  })

  it('the dashboard: navigation beside the figures, no tab bar', async () => {
    const { page, errors, close } = await deskPage()
    await signIn(page, 'admin', 'staffDashboard')
    await visible(page, 'chart-appointments-summary').waitFor({ timeout: 30_000 })
    const l = await layout(page, 'staff-nav')
    expect(l.nav).not.toBeNull()
    expect(l.nav!.right).toBeLessThanOrEqual(l.main!.left)
    expect(l.tabBar).toBe(false)
    expect(l.minFont).toBeGreaterThanOrEqual(14)
    expect(await visible(page, 'nav-stats').getAttribute('aria-current')).toBe('page')
    // An admin sees the admin section; a clerk's entries are not there.
    expect(await visible(page, 'nav-settings').count()).toBe(1)
    expect(await visible(page, 'nav-today').count()).toBe(0)
    await deskShot(page, 'desk-dashboard')
    expect(errors).toEqual([])
    await close()
  })
})

describe('phone (375×812)', () => {
  const pages: { user: string; page: PageName; row: string }[] = [
    { user: 'handler', page: 'staffConsultations', row: 'cs-inbox-item' },
    { user: 'reviewer', page: 'staffNoticeReview', row: 'staff-notice-item' },
  ]
  for (const p of pages) {
    it(`${p.page}: no sidebar, rows as full-width cards, a row opens its own page`, async () => {
      const { page, errors, context } = await phonePage(browser)
      await signIn(page, p.user, p.page)
      await expect.poll(() => visible(page, p.row).count(), { timeout: 30_000 }).toBeGreaterThan(2)
      const l = await layout(page, p.row)
      expect(l.nav).toBeNull()
      expect(l.rowWidth).toBeGreaterThan(330)
      expect(await page.locator('.staff-table__head:visible').count()).toBe(0)
      await visible(page, p.row).first().click()
      await expect.poll(() => page.locator('.staff-case:visible').count(), { timeout: 15_000 }).toBe(1)
      expect(await page.locator('[data-testid="staff-detail-pane"]:visible').count()).toBe(0)
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('the dashboard without the sidebar', async () => {
    const { page, errors, context } = await phonePage(browser)
    await signIn(page, 'admin', 'staffDashboard')
    await visible(page, 'chart-appointments-summary').waitFor({ timeout: 30_000 })
    expect((await layout(page, 'staff-nav')).nav).toBeNull()
    expect(errors).toEqual([])
    await context.close()
  })
})
