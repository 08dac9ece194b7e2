// A resident's first visit in the H5 build over the real server: the privacy notice comes first (consent recorded with
// its version), then a notice, a booking and its cancellation, a consultation; then 长辈模式, where every main page is
// measured (text ≥ 18px, line height ≥ 1.3, contrast ≥ 4.5:1, touch targets ≥ 44px) and confirmations are inline.
// Screenshots of each main page in both modes go to test-results/e2e/; with UPDATE_SCREENSHOTS=1 a few are also copied
// (375×812, CSS pixels) to docs/screenshots/ for the README (scripts/screenshots.mjs).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { clientFor, startTestApp, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { auditPage } from '../support/a11y'
import { expectAccessible } from '../support/axe'
import { pageUrl } from '@bianmin/shared'

const CLOCK = '2026-11-23T09:00:00+08:00'
const README_SHOTS = path.resolve('docs/screenshots')
const updateReadme = process.env.UPDATE_SCREENSHOTS === '1'
/** The pages the README shows (normal and -elder); the other screenshots stay test artefacts. */
const README_PAGES = new Set(['home-consent', 'home', 'services', 'book', 'notice', 'mine', 'home-elder', 'services-elder', 'book-elder', 'notice-elder', 'mine-elder', 'appointment-cancel-elder'])

let t: TestApp
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: CLOCK })
  browser = await launchBrowser()
  ;({ context, page, errors } = await phonePage(browser))
})
afterAll(async () => {
  console.log(`axe-core checked ${checked.length} pages: ${checked.join(', ')}`)
  await context?.close(); await browser?.close(); await t?.close()
})

const field = (id: string, tag: 'input' | 'textarea' = 'input') => page.locator(`[data-testid="${id}"]:visible ${tag}`)
// H5 keeps earlier pages of the stack in the DOM (hidden): look at the visible ones only.
const visible = (id: string, p = page) => p.locator(`[data-testid="${id}"]:visible`)

/** Switches tab like a resident in a browser: back (the browser's own button) until the tab bar shows, then the tab. */
async function tab (name: string, p = page): Promise<void> {
  const bar = p.locator('.weui-tabbar__item', { hasText: name })
  for (let i = 0; i < 6 && !(await bar.isVisible()); i++) {
    await p.goBack()
    await p.waitForTimeout(400)
  }
  await bar.click()
}

/** The resident the browser is signed in as (its token from Taro's storage, asked through GET /api/v1/me). */
async function browserResident (p = page) {
  const token = (JSON.parse(await p.evaluate(() => localStorage.getItem('bm_token') ?? '{}')) as { data?: string }).data
  const me = await clientFor(t.url, token)('getMe')
  if (me.type !== 'resident') throw new Error('not a resident')
  return { ...(await t.deps.db.resident.findUniqueOrThrow({ where: { id: me.resident.id } })), token }
}

/** Waits until the H5 router's slide-in has finished (the newest page sits at x = 0). */
async function settled (p = page): Promise<void> {
  await p.waitForFunction(() => {
    const pages = [...document.querySelectorAll('.taro_page')].filter((e) => (e as HTMLElement).checkVisibility())
    const current = pages[pages.length - 1]
    return !!current && Math.abs(current.getBoundingClientRect().left) < 1
  }, undefined, { timeout: 10_000 })
  await p.waitForTimeout(150)
}

/** Waits until the page on screen (the .bm-page under the middle of the viewport) holds the element with this test id. */
async function onScreen (testId: string, p = page): Promise<void> {
  await expect.poll(() => p.evaluate((id) => {
    const root = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)?.closest('.bm-page')
    return !!root?.querySelector(`[data-testid="${id}"]`)
  }, testId), { timeout: 15_000 }).toBe(true)
}

/** Pages axe-core checked (every page the journey visits), printed at the end. */
const checked: string[] = []
/** axe-core on the page as it is now: fails on any critical or serious violation. */
async function axe (name: string, p = page): Promise<void> {
  await settled(p)
  await expectAccessible(p, name, checked)
}

/**
 * A screenshot under test-results/e2e/journey-<name>.png (after axe-core has checked the page); with
 * UPDATE_SCREENSHOTS=1 also a small copy for the README.
 */
async function shot (name: string, p = page): Promise<void> {
  await axe(name, p)
  await screenshot(p, `journey-${name}`)
  if (updateReadme && README_PAGES.has(name)) {
    fs.mkdirSync(README_SHOTS, { recursive: true })
    await p.screenshot({ path: path.join(README_SHOTS, `${name}.png`), scale: 'css' })
  }
}

describe('a new resident', () => {
  it('is shown the privacy notice before anything else, reads it in full and agrees (recorded with its version)', async () => {
    await openPage(page, t.url, pageUrl('home'))
    await visible('home-greeting').waitFor({ timeout: 30_000 })
    const panel = visible('consent-panel')
    await panel.waitFor({ timeout: 15_000 })
    expect(await panel.textContent()).toContain('手机号')
    // Nothing is recorded yet: signed in (openid), no consent.
    expect(await browserResident()).toMatchObject({ consentVersion: null })
    await shot('home-consent')

    await visible('consent-read').click()
    await expect.poll(() => visible('privacy-version').textContent(), { timeout: 15_000 }).toBe('版本：2026-11')
    // Contact: the demo halls' addresses and phones come from the server.
    await expect.poll(() => visible('privacy-contact').textContent(), { timeout: 15_000 }).toContain('电话')
    expect(await page.locator('.bm-page.privacy').textContent()).toContain('注销账号')
    await shot('privacy')
    await visible('privacy-agree').click()
    await visible('privacy-accepted').waitFor({ timeout: 15_000 })
    const r = await browserResident()
    expect(r.consentVersion).toBe('2026-11')
    expect(await t.deps.db.privacyConsent.count({ where: { residentId: r.id, version: '2026-11' } })).toBe(1)

    await visible('privacy-back').click()
    await visible('home-greeting').waitFor()
    await expect.poll(() => visible('consent-panel').count()).toBe(0)
    await shot('home')
  })

  it('reads a notice from 首页', async () => {
    const item = page.locator('[data-testid="home-notices"]:visible [data-testid="notice-item"]').first()
    await item.waitFor({ timeout: 15_000 })
    const listed = await item.textContent() ?? ''
    await item.click()
    await visible('notice-body').waitFor({ timeout: 15_000 })
    const title = await visible('notice-title').textContent() ?? ''
    expect(title.length).toBeGreaterThan(4)
    expect(listed).toContain(title)
    expect((await visible('notice-body').textContent())?.length).toBeGreaterThan(20)
    await shot('notice')
  })

  it('books an appointment in 办事 and cancels it in 我的预约', async () => {
    await tab('办事')
    await field('item-search').fill('居住证')
    await visible('item-search-go').click()
    const item = visible('item').filter({ hasText: '居住证申领' })
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
    await shot('services')
    await item.click()
    await expect.poll(() => visible('guide-name').textContent(), { timeout: 15_000 }).toBe('居住证申领')
    await shot('guide')
    await visible('guide-book').click()

    // The form is there at once: consent was given on 首页. Tomorrow, so that cancelling is on time.
    await visible('book-submit').waitFor({ timeout: 15_000 })
    await visible('book-date-2026-11-24').click()
    await page.locator('[data-testid^="book-slot-"]:visible').filter({ hasText: '余' }).filter({ hasNotText: '已约满' }).first().click()
    await field('book-name').fill('陈阿婆')
    await field('book-phone').fill('13912340000')
    await shot('book')
    await visible('book-submit').click()
    await visible('booked-banner').waitFor({ timeout: 15_000 })
    const row = await t.deps.db.appointment.findFirstOrThrow({ where: { contactName: '陈阿婆' } })
    expect(row.status).toBe('BOOKED')
    expect(await visible('detail-code').textContent()).toBe(row.code)
    await shot('appointment')

    await visible('detail-to-list').click()
    const card = visible('appointment').filter({ hasText: '居住证申领' })
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1)
    await card.getByTestId('appointment-cancel').click()
    // The normal theme asks in the platform's dialog.
    await expect.poll(() => page.locator('.taro-modal__text').textContent()).toContain('确定取消')
    await axe('appointments-confirm')
    await page.locator('.taro-model__confirm').click()
    await expect.poll(() => card.getByTestId('appointment-status').textContent(), { timeout: 15_000 }).toBe('已取消')
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('CANCELLED')
    await shot('appointments')
  })

  it('submits a consultation', async () => {
    await tab('首页')
    await visible('entry-consult').click()
    await visible('cs-new').waitFor({ timeout: 15_000 })
    await axe('consultations')
    await visible('cs-new').click()
    await visible('cs-kind-CONSULT').click()
    await field('cs-title').fill('老年人乘车卡怎么办')
    await field('cs-content', 'textarea').fill('我今年七十岁了，想办老年人免费乘车卡，需要带什么材料？在哪里办？')
    await shot('consultation-new')
    await visible('cs-submit').click()
    await expect.poll(() => visible('cs-detail-title').textContent(), { timeout: 15_000 }).toBe('老年人乘车卡怎么办')
    await axe('consultation')
    const c = await t.deps.db.consultation.findFirstOrThrow({ where: { title: '老年人乘车卡怎么办' } })
    expect(c).toMatchObject({ kind: 'CONSULT', status: 'SUBMITTED', residentId: (await browserResident()).id })
  })

  it('switches to 长辈模式 in 我的: every main page reads large and clear, and confirmations stay on the page', async () => {
    await tab('我的')
    await visible('mine-name').waitFor({ timeout: 15_000 })
    await shot('mine')
    // The same measurement in the normal theme finds smaller text: it is 长辈模式 that makes the difference.
    const normal = await auditPage(page)
    expect(normal.texts).toBeGreaterThan(3)
    expect(normal.smallestFont).toBeLessThan(18)
    expect(normal.problems.some((x) => x.startsWith('font'))).toBe(true)
    await page.locator('[data-testid="elder-mode"]:visible taro-switch-core input').click()
    await expect.poll(() => page.locator('.bm-page.elder:visible').count()).toBe(1)
    expect(await page.evaluate(() => localStorage.getItem('bm_elder_mode'))).toContain('1')
    await expect.poll(async () => (await browserResident()).elderMode).toBe(true)

    const measured: Record<string, Awaited<ReturnType<typeof auditPage>>> = {}
    /** Measures the page once `testId` (something only that page has) is on screen. */
    const audit = async (name: string, testId: string) => {
      await onScreen(testId)
      await settled()
      const a = await auditPage(page)
      measured[name] = a
      expect({ page: name, problems: a.problems }).toEqual({ page: name, problems: [] })
      expect(a.texts).toBeGreaterThan(3)
      await shot(`${name}-elder`)
    }

    await audit('mine', 'mine-privacy')
    await tab('首页')
    await audit('home', 'home-greeting')
    await visible('entry-notices').click()
    await visible('notice-item').first().waitFor({ timeout: 15_000 })
    await audit('notices', 'notice-search')
    await visible('notice-item').first().click()
    await visible('notice-body').waitFor({ timeout: 15_000 })
    await audit('notice', 'notice-body')

    await tab('办事')
    await visible('item').first().waitFor({ timeout: 15_000 })
    await audit('services', 'item-search')
    await visible('item').filter({ hasText: '居住证申领' }).click()
    await visible('guide-book').waitFor({ timeout: 15_000 })
    await audit('guide', 'guide-book')
    await visible('guide-book').click()
    await visible('book-submit').waitFor({ timeout: 15_000 })
    await audit('book', 'book-submit')
    await visible('book-date-2026-11-25').click()
    await page.locator('[data-testid^="book-slot-"]:visible').filter({ hasText: '余' }).filter({ hasNotText: '已约满' }).first().click()
    await field('book-name').fill('陈阿婆')
    await field('book-phone').fill('13912340000')
    await visible('book-submit').click()
    await visible('booked-banner').waitFor({ timeout: 15_000 })
    await audit('appointment', 'booked-banner')

    // Cancelling in 长辈模式: the question appears on the page itself, no dialog.
    await visible('detail-cancel').click()
    await visible('inline-confirm').waitFor()
    expect(await visible('inline-confirm-text').textContent()).toContain('确定取消')
    expect(await page.locator('.taro-modal:visible').count()).toBe(0)
    await audit('appointment-cancel', 'inline-confirm')
    await visible('inline-confirm-ok').click()
    await expect.poll(() => visible('detail-status').textContent(), { timeout: 15_000 }).toBe('已取消')
    await axe('appointment-cancelled-elder')
    expect(await t.deps.db.appointment.count({ where: { contactName: '陈阿婆', status: 'CANCELLED' } })).toBe(2)

    await tab('消息')
    await visible('message').first().waitFor({ timeout: 15_000 })
    await audit('messages', 'message')
    await tab('首页')
    await visible('entry-consult').click()
    await visible('cs-new').waitFor({ timeout: 15_000 })
    await audit('consultations', 'cs-new')
    await visible('cs-item').first().click()
    await audit('consultation', 'cs-detail-title')
    await page.goBack()
    await visible('cs-new').click()
    await visible('cs-submit').waitFor({ timeout: 15_000 })
    await audit('consultation-new', 'cs-submit')
    await tab('首页')
    await visible('entry-disclosure').click()
    await audit('disclosures', 'disclosure-apply')
    await tab('我的')
    await visible('mine-ratings').click()
    await audit('ratings', 'open-rating-stats')
    await visible('open-rating-stats').click()
    await audit('rating-stats', 'rating-stats')
    await tab('我的')
    await visible('mine-privacy').click()
    await visible('privacy-accepted').waitFor({ timeout: 15_000 })
    await audit('privacy', 'privacy-accepted')

    // What was measured, for the record (and the README's claims).
    console.log(Object.entries(measured).map(([n, a]) => `${n}: ${a.texts} texts, smallest ${a.smallestFont}px, lowest contrast ${a.lowestContrast}:1; ${a.targets} targets, smallest ${a.smallestTarget}px`).join('\n'))
    expect(errors).toEqual([])
  })
})

describe('keyboard and screen readers (H5)', () => {
  it('Tab walks 首页 in reading order with names for every control; Enter opens the focused one', async () => {
    const p = await consentedPhonePage(browser, t)
    await openPage(p.page, t.url, pageUrl('home'))
    await visible('home-greeting', p.page).waitFor({ timeout: 30_000 })
    await visible('entry-booking', p.page).waitFor()
    await axe('home (keyboard)', p.page)
    const seen: { id: string | null; role: string | null; name: string | null; text: string }[] = []
    for (let i = 0; i < 12; i++) {
      await p.page.keyboard.press('Tab')
      seen.push(await p.page.evaluate(() => {
        const el = document.activeElement
        return { id: el?.getAttribute('data-testid') ?? null, role: el?.getAttribute('role') ?? null, name: el?.getAttribute('aria-label') ?? null, text: el?.textContent?.trim() ?? '', description: el?.getAttribute('aria-description') ?? null }
      }))
    }
    // Every stop has a name a screen reader can say (aria-label or its text).
    for (const x of seen) expect({ ...x, named: Boolean(x.name || x.text) }).toMatchObject({ named: true })
    const entries = seen.map((x) => x.id).filter((id): id is string => !!id?.startsWith('entry-'))
    // The grid in reading order: left to right, top to bottom.
    expect(entries).toEqual(['entry-notices', 'entry-booking', 'entry-rating', 'entry-consult', 'entry-disclosure', 'entry-my-bookings'])
    // Named by its visible title (WCAG 2.5.3, axe's label-content-name-mismatch), the description read after it.
    expect(seen.find((x) => x.id === 'entry-booking')).toMatchObject({ role: 'button', name: null, description: '先预约，再到窗口办事' })
    expect(await p.page.getByRole('button', { name: '预约办理', exact: true }).count()).toBe(1)

    await p.page.locator('[data-testid="entry-notices"]:visible').focus()
    await p.page.keyboard.press('Enter')
    await visible('notice-search', p.page).waitFor({ timeout: 15_000 })
    await axe('notices (keyboard)', p.page)
    // Images carry alt text; form fields carry their names.
    expect(await p.page.locator('[data-testid="notice-search"]:visible input').getAttribute('aria-label')).toBe('搜索政务公开')
    expect(p.errors).toEqual([])
    await p.context.close()
  })
})

describe('privacy choices', () => {
  it('不同意: notices stay readable, booking asks again and works after 同意; a shared link has 返回首页', async () => {
    const p = await phonePage(browser)
    await openPage(p.page, t.url, pageUrl('home'))
    await visible('consent-panel', p.page).waitFor({ timeout: 30_000 })
    await axe('home-consent (declining)', p.page)
    await visible('consent-decline', p.page).click()
    await expect.poll(() => visible('consent-panel', p.page).count()).toBe(0)
    expect(await visible('home-greeting', p.page).count()).toBe(1)

    // Opened straight from a link to a booking page: no form, the reason, a way home.
    const item = await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })
    await openPage(p.page, t.url, pageUrl('appointmentBook', { itemId: item.id }))
    await visible('consent-declined', p.page).waitFor({ timeout: 15_000 })
    await axe('book-declined', p.page)
    expect(await visible('book-submit', p.page).count()).toBe(0)
    expect(await visible('home-link', p.page).count()).toBe(1)
    await visible('consent-reconsider', p.page).click()
    await visible('consent-agree', p.page).click()
    await visible('book-submit', p.page).waitFor({ timeout: 15_000 })
    await axe('book (deep link)', p.page)
    expect((await browserResident(p.page)).consentVersion).toBe('2026-11')

    await visible('home-link', p.page).click()
    await visible('home-greeting', p.page).waitFor({ timeout: 15_000 })
    await axe('home (after 返回首页)', p.page)
    expect(p.errors).toEqual([])
    await p.context.close()
  })

  it('我的: export shows what is stored and downloads it; 注销账号 asks twice, erases, and the app starts afresh', async () => {
    const p = await phonePage(browser)
    await openPage(p.page, t.url, pageUrl('home'))
    await visible('consent-agree', p.page).click()
    await expect.poll(() => visible('consent-panel', p.page).count(), { timeout: 15_000 }).toBe(0)
    const r = await browserResident(p.page)
    // Something to export: a suggestion sent with the browser's own token.
    const token = r.token
    const street = await t.deps.db.org.findUniqueOrThrow({ where: { code: '350206001' } })
    const suggestion = await clientFor(t.url, token)('createConsultation', { body: { kind: 'SUGGESTION', orgId: street.id, title: '建议增加长椅', content: '服务中心门口可以增加几张长椅吗？', allowPublish: false } })

    await tab('我的', p.page)
    await visible('mine-export', p.page).click()
    await visible('export-start', p.page).click()
    await visible('export-summary', p.page).waitFor({ timeout: 15_000 })
    await axe('mine-export', p.page)
    expect(await visible('export-summary', p.page).textContent()).toContain('咨询、投诉、建议 1 件')
    const download = p.page.waitForEvent('download')
    await visible('export-save', p.page).click()
    const file = await (await download).path()
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { resident: { id: string }; consultations: { title: string }[] }
    expect(data.resident.id).toBe(r.id)
    expect(data.consultations.map((c) => c.title)).toEqual(['建议增加长椅'])
    await screenshot(p.page, 'journey-mine-export')

    await visible('mine-erase', p.page).click()
    await visible('erase-next', p.page).click()
    await visible('erase-step-2', p.page).waitFor()
    await axe('mine-erase', p.page)
    // Nothing happens before the second confirmation.
    expect((await t.deps.db.resident.findUniqueOrThrow({ where: { id: r.id } })).deletedAt).toBeNull()
    await screenshot(p.page, 'journey-mine-erase')
    await visible('erase-confirm', p.page).click()
    await visible('erase-done', p.page).waitFor({ timeout: 15_000 })
    await axe('mine-erased', p.page)
    const erased = await t.deps.db.resident.findUniqueOrThrow({ where: { id: r.id } })
    expect(erased.deletedAt).not.toBeNull()
    const kept = await t.deps.db.consultation.findUniqueOrThrow({ where: { id: suggestion.id } })
    expect(kept.residentId).toBeNull()
    expect(kept.content).not.toContain('长椅')

    // Afresh: a new account, asked for consent again.
    await visible('erase-restart', p.page).click()
    await visible('consent-panel', p.page).waitFor({ timeout: 15_000 })
    await axe('home-consent (afresh)', p.page)
    const fresh = await browserResident(p.page)
    expect(fresh.id).not.toBe(r.id)
    expect(fresh.consentVersion).toBeNull()
    expect(p.errors).toEqual([])
    await p.context.close()
  })
})
