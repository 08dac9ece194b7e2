// Staff pages on a phone (375×812, below the 1024 px desk layout) in the H5 build against the real server: the
// workbench, lists (账号管理, 审计日志, 今日预约, 咨询待办, 依申请公开), details opened from their rows, 登记申请 and the
// 叫号台 console. On each:
// no sidebar, nothing wider than the screen (document.scrollingElement.scrollWidth ≤ innerWidth, and no visible element
// past the right edge), and list rows render as cards (no table header, one full-width card per row).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl, type PageName } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { staffSignIn } from '../support/staff-browser'

let t: TestApp
let browser: Browser

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
  // Rows to show: three cases for the demo handler's org, a walk-in ticket waiting at the clerk's hall.
  const handler = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'handler' } })
  const resident = await t.resident()
  for (let i = 1; i <= 3; i++) {
    await resident.call('createConsultation', { body: { kind: 'CONSULT', orgId: handler.orgId, title: `手机测试留言第${i}条：楼道灯不亮`, content: '楼道灯坏了一周，晚上上下楼看不清台阶，请尽快维修。', allowPublish: false } })
  }
  await resident.call('createDisclosure', {
    body: { applicantType: 'NATURAL_PERSON', orgId: (await t.deps.db.org.findFirstOrThrow({ where: { code: '350206001' } })).id, description: '申请公开本社区2026年老旧小区改造项目清单', form: 'ELECTRONIC', contactName: '林芳', contactPhone: '13700002222', applicantIdNumber: '350203199001011234' },
  })
  const clerk = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk' } })
  const item = await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })
  await (await t.staff('clerk')).call('issueDeskTicket', { params: { id: clerk.hallId! }, body: { serviceItemId: item.id } })
}, 120_000)
afterAll(async () => { await browser?.close(); await t?.close() })

const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

const signIn = (page: Page, username: string) => staffSignIn(page, t, username)

/** Horizontal overflow of the page: the document's scroll width and the visible elements that end past the screen. */
async function overflow (page: Page) {
  // Measured at rest: a page sliding in sits a few px past the edge until its transition ends (bounded wait).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined, { timeout: 5000, polling: 50 }).catch(() => undefined)
  await page.waitForTimeout(300)
  return page.evaluate(() => {
    const width = window.innerWidth
    const past: string[] = []
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
      if (r.right > width + 1) past.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} right=${Math.round(r.right)} "${(el.textContent ?? '').trim().slice(0, 20)}"`)
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, past: past.slice(0, 5) }
  })
}

async function expectNoOverflow (page: Page) {
  const o = await overflow(page)
  expect(o.past).toEqual([])
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth)
}

/** Rows of a DataTable as cards: no visible header row; each row a rounded flex card (not the desk grid), nearly screen wide. */
async function expectCards (page: Page, rowTestId: string) {
  await expect.poll(() => visible(page, rowTestId).count(), { timeout: 30_000 }).toBeGreaterThan(0)
  expect(await page.locator('.staff-table__head:visible').count()).toBe(0)
  const rows = await visible(page, rowTestId).evaluateAll((els) => els.map((el) => {
    const s = getComputedStyle(el)
    return { display: s.display, width: el.getBoundingClientRect().width, radius: parseFloat(s.borderTopLeftRadius) }
  }))
  for (const r of rows) {
    expect(r.display).toBe('flex')
    expect(r.width).toBeGreaterThan(280) // full width, or inside a section's card
    expect(r.radius).toBeGreaterThan(0)
  }
}

async function open (page: Page, name: PageName, query?: Record<string, string>) {
  await openPage(page, t.url, pageUrl(name, query))
}

describe('staff pages at 375 px', () => {
  it('the workbench: entries, no sidebar, nothing wider than the screen', async () => {
    const { page, errors, context } = await phonePage(browser)
    await signIn(page, 'admin')
    await visible(page, 'entry-accounts').waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-testid="staff-nav"]:visible').count()).toBe(0)
    await expectNoOverflow(page)
    await screenshot(page, 'staff-phone-workbench')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lists as cards: 账号管理, 审计日志, 今日预约', async () => {
    const { page, errors, context } = await phonePage(browser)
    await signIn(page, 'admin')
    await open(page, 'staffAccounts')
    await expectCards(page, 'account-admin')
    await expectNoOverflow(page)
    await screenshot(page, 'staff-phone-accounts')

    await open(page, 'staffAudit')
    await expectCards(page, 'audit-row')
    await expectNoOverflow(page)
    await screenshot(page, 'staff-phone-audit')
    expect(errors).toEqual([])
    await context.close()

    const clerk = await phonePage(browser)
    await signIn(clerk.page, 'clerk')
    await open(clerk.page, 'staffAppointmentsToday')
    await visible(clerk.page, 'st-code').waitFor({ timeout: 30_000 })
    await expectNoOverflow(clerk.page)
    expect(clerk.errors).toEqual([])
    await clerk.context.close()
  })

  it('咨询待办: rows as cards, a row opens the case on its own page, which fits the screen', async () => {
    const { page, errors, context } = await phonePage(browser)
    await signIn(page, 'handler')
    await open(page, 'staffConsultations')
    await expectCards(page, 'cs-inbox-item')
    await expectNoOverflow(page)
    await visible(page, 'cs-inbox-item').first().click()
    await visible(page, 'cs-staff-title').waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-testid="staff-detail-pane"]:visible').count()).toBe(0)
    await expectNoOverflow(page)
    await screenshot(page, 'staff-phone-case')
    expect(errors).toEqual([])
    await context.close()
  })

  it('依申请公开: rows as cards, the request on its own page; 登记申请 from the list opens the recording form', async () => {
    const { page, errors, context } = await phonePage(browser)
    await signIn(page, 'handler')
    await open(page, 'staffDisclosures')
    await expectCards(page, 'staff-disclosure-item')
    await expectNoOverflow(page)
    await visible(page, 'staff-disclosure-item').first().click()
    await visible(page, 'staff-detail-status').waitFor({ timeout: 30_000 })
    await expectNoOverflow(page)
    await open(page, 'staffDisclosures')
    await visible(page, 'disclosure-record').click()
    await visible(page, 'dr-name').waitFor({ timeout: 30_000 })
    expect(page.url()).toContain(pageUrl('staffDisclosureRecord'))
    await expectNoOverflow(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('the 叫号台 console: the window, the current number and the waiting queue as cards', async () => {
    const { page, errors, context } = await phonePage(browser)
    await signIn(page, 'clerk')
    await open(page, 'staffHallConsole')
    await visible(page, 'pick-window-3').click()
    await visible(page, 'console-current-none').waitFor({ timeout: 30_000 })
    await expectCards(page, 'console-queue-item')
    await expectNoOverflow(page)
    await screenshot(page, 'staff-phone-console')
    expect(errors).toEqual([])
    await context.close()
  })
})
