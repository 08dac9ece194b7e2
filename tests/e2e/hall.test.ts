// 服务大厅 in the H5 build against the real server: a clerk's window console issues a walk-in ticket and calls it
// while the hall screen (a second page, 1920×1080) shows and speaks the call; a resident takes a ticket from the
// guide and watches the count ahead fall as the window calls; the 评价器 records a 差评 that reaches 差评整改.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { auditPage } from '../support/a11y'
import { consentedPhonePage, launchBrowser, openPage, screenshot, taroStorage } from '../support/browser'

// Monday 23 November 2026, 09:30 in Shanghai: a working day, inside the hall's opening hours.
const NOW = '2026-11-23T09:30:00+08:00'
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let t: TestApp
let browser: Browser
let hallId: string
let itemId: string
let win3: { id: string; number: string; name: string }

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: NOW })
  browser = await launchBrowser()
  const clerk = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk' } })
  hallId = clerk.hallId!
  itemId = (await t.deps.db.serviceItem.findUniqueOrThrow({ where: { code: 'HL-HJ-001' } })).id
  win3 = await t.deps.db.window.findFirstOrThrow({ where: { hallId, number: '3' }, select: { id: true, number: true, name: true } })
})
afterAll(async () => { await browser?.close(); await t?.close() })

/** A desk-sized page (no touch) that fails the test on page errors; `init` runs before the app's scripts. */
async function deskPage (size: { width: number; height: number }, storage: Record<string, string> = {}, init?: () => void) {
  const context: BrowserContext = await browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: 'zh-CN' })
  await context.addInitScript((entries) => { for (const [k, v] of Object.entries(entries)) window.localStorage.setItem(k, v) }, storage)
  if (init) await context.addInitScript(init)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

/** Replaces the browser's speech synthesis with a recorder: every utterance asked for lands in window.__spoken. */
function recordSpeech () {
  const w = window as unknown as { __spoken: { text: string; lang: string }[]; SpeechSynthesisUtterance?: unknown }
  w.__spoken = []
  if (typeof w.SpeechSynthesisUtterance !== 'function') {
    w.SpeechSynthesisUtterance = class { lang = ''; rate = 1; volume = 1; voice = null; constructor (public text: string) {} }
  }
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: { speak: (u: { text: string; lang: string }) => w.__spoken.push({ text: u.text, lang: u.lang }), cancel: () => undefined, getVoices: () => [] },
  })
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken)

/**
 * Critical and serious axe-core violations on the page as it is now. Disabled buttons are left out of the contrast
 * check, as WCAG 1.4.3 exempts inactive controls (Taro's H5 button carries its state in a class).
 */
async function axeViolations (page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy allows only its own scripts.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<Result> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    const inactive = (target: string[]) => Boolean(document.querySelector(target.join(' '))?.closest('.bm-button--disabled, [disabled], [aria-disabled=true]'))
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ ...v, nodes: v.id === 'color-contrast' ? v.nodes.filter((n) => !inactive(n.target)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
  })
}

const staffToken = async (username: string) => taroStorage({ bm_staff_token: (await t.staff(username)).token })

it('a clerk issues a walk-in ticket and calls it; the hall screen shows the call and says it aloud, again on recall', async () => {
  const screen = await deskPage({ width: 1920, height: 1080 }, {}, recordSpeech)
  await openPage(screen.page, t.url, `/hall/queue/screen/index?id=${hallId}`)
  await expect.poll(() => screen.page.getByTestId('screen-hall').textContent(), { timeout: 20_000 }).toBe('湖里街道便民服务中心')
  // The hall's date from the server's clock, ticking time.
  expect(await screen.page.getByTestId('screen-date').textContent()).toBe('2026年11月23日 星期一')
  expect(await screen.page.getByTestId('screen-time').textContent()).toMatch(/^09:3\d:\d\d$/)
  // The screen signs nobody in.
  expect(await screen.page.evaluate(() => window.localStorage.getItem('bm_token'))).toBeNull()
  // The browser speaks only after a first tap: the screen offers one and confirms aloud.
  await screen.page.getByTestId('screen-voice-enable').click()
  await expect.poll(() => spoken(screen.page), { timeout: 20_000 }).toEqual([{ text: '语音播报已开启', lang: 'zh-CN' }])
  expect(await screen.page.getByTestId('screen-voice-enable').count()).toBe(0)
  await screen.page.evaluate(() => { (window as unknown as { __spoken: unknown[] }).__spoken = [] })

  const desk = await deskPage({ width: 1280, height: 800 }, await staffToken('clerk'))
  await openPage(desk.page, t.url, '/staff/hall/console/index')
  await desk.page.getByTestId(`pick-window-${win3.number}`).click()
  await desk.page.getByTestId('console-current-none').waitFor({ timeout: 20_000 })
  expect(await desk.page.getByTestId('console-next').textContent()).toBe('叫下一位（N）')

  // 现场取号: an item is required; then the slip with the number.
  await desk.page.getByTestId('desk-issue').click()
  await expect.poll(() => desk.page.getByTestId('desk-item-error').textContent()).toBe('请选择办理事项')
  await desk.page.getByTestId(`desk-item-${itemId}`).click()
  await desk.page.getByTestId('desk-name').locator('input').fill('王大伯')
  await desk.page.getByTestId('desk-issue').click()
  const number = (await desk.page.getByTestId('desk-slip-number').textContent({ timeout: 20_000 }))!
  const ticket = await t.deps.db.ticket.findFirstOrThrow({ where: { hallId, number } })
  expect(ticket).toMatchObject({ status: 'WAITING', channel: 'DESK', serviceItemId: itemId })
  await expect.poll(() => desk.page.getByTestId('console-waiting').textContent(), { timeout: 20_000 }).toContain('1 人')

  // 叫下一位 by its shortcut.
  await desk.page.locator('body').press('n')
  await expect.poll(() => desk.page.getByTestId('console-current-number').textContent(), { timeout: 20_000 }).toBe(number)
  const sentence = `请 ${number} 号到 ${win3.number} 号窗口办理`
  await expect.poll(() => screen.page.getByTestId('screen-latest-number').textContent(), { timeout: 20_000 }).toBe(number)
  expect(await screen.page.getByTestId('screen-latest-window').textContent()).toBe(`请到 ${win3.number} 号窗口`)
  await expect.poll(() => spoken(screen.page), { timeout: 20_000 }).toEqual([{ text: sentence, lang: 'zh-CN' }])
  // No personal data on the TV.
  expect(await screen.page.locator('body').textContent()).not.toContain('王')

  // 重呼 (R): read out again.
  await desk.page.locator('body').press('r')
  await expect.poll(() => spoken(screen.page), { timeout: 20_000 }).toEqual([{ text: sentence, lang: 'zh-CN' }, { text: sentence, lang: 'zh-CN' }])
  await expect.poll(() => desk.page.getByTestId('console-today-called').textContent(), { timeout: 20_000 }).toBe('1')
  expect((await t.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('CALLED')

  await screenshot(screen.page, 'hall-screen')
  await desk.page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(desk.page, 'hall-console')
  expect(await axeViolations(screen.page)).toEqual([])
  expect(await axeViolations(desk.page)).toEqual([])

  // 办结 (D): the console is free again.
  await desk.page.locator('body').press('d')
  await desk.page.getByTestId('console-current-none').waitFor({ timeout: 20_000 })
  expect((await t.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('DONE')

  // 暂停 (P): no calling while paused; 恢复 (P) again.
  await desk.page.locator('body').press('p')
  await desk.page.getByTestId('console-paused').waitFor({ timeout: 20_000 })
  expect(await desk.page.getByTestId('console-next').getAttribute('class')).toContain('bm-button--disabled')
  expect(await desk.page.getByTestId('console-pause').textContent()).toBe('恢复窗口（P）')
  await desk.page.locator('body').press('p')
  await desk.page.getByTestId('console-paused').waitFor({ state: 'detached', timeout: 20_000 })

  // 转窗口 (T): the next walk-in goes on to window 4.
  const clerk = await t.staff('clerk')
  const next = await clerk.call('issueDeskTicket', { params: { id: hallId }, body: { serviceItemId: itemId } })
  await desk.page.getByTestId('console-next').click()
  await expect.poll(() => desk.page.getByTestId('console-current-number').textContent(), { timeout: 20_000 }).toBe(next.number)
  await desk.page.locator('body').press('t')
  await desk.page.getByTestId('transfer-to-4').click()
  await desk.page.getByTestId('console-current-none').waitFor({ timeout: 20_000 })
  const win4 = await t.deps.db.window.findFirstOrThrow({ where: { hallId, number: '4' } })
  expect((await t.deps.db.ticket.findUniqueOrThrow({ where: { id: next.id } })).status).toBe('WAITING')
  // Window 4 calls it next.
  const at4 = await clerk.call('callNextTicket', { params: { id: win4.id } })
  expect(at4.id).toBe(next.id)
  await clerk.call('doneTicket', { params: { id: at4.id } })
  expect(screen.errors).toEqual([])
  expect(desk.errors).toEqual([])
  await screen.context.close()
  await desk.context.close()
})

it('the hall screen says it is offline when the server cannot be reached, and comes back by itself', async () => {
  const screen = await deskPage({ width: 1920, height: 1080 }, {}, recordSpeech)
  let down = true
  await screen.context.route('**/queue/events', (route) => (down ? route.abort('connectionrefused') : route.fallback()))
  await openPage(screen.page, t.url, `/hall/queue/screen/index?id=${hallId}`)
  await screen.page.getByTestId('screen-offline').waitFor({ timeout: 20_000 })
  expect(await screen.page.getByTestId('screen-offline').textContent()).toContain('离线')
  expect(await screen.page.getByTestId('screen-offline').getAttribute('role')).toBe('alert')
  // The server is back: the screen reconnects (backoff) and the banner goes; a call made now is announced.
  down = false
  await screen.page.getByTestId('screen-offline').waitFor({ state: 'detached', timeout: 30_000 })
  const clerk = await t.staff('clerk')
  const issued = await clerk.call('issueDeskTicket', { params: { id: hallId }, body: { serviceItemId: itemId } })
  const called = await clerk.call('callNextTicket', { params: { id: win3.id } })
  expect(called.id).toBe(issued.id)
  await expect.poll(() => spoken(screen.page), { timeout: 20_000 }).toEqual([{ text: `请 ${issued.number} 号到 ${win3.number} 号窗口办理`, lang: 'zh-CN' }])
  await clerk.call('doneTicket', { params: { id: called.id } })
  expect(screen.errors).toEqual([])
  await screen.context.close()
})

it('a resident takes a ticket from the guide and sees the count ahead fall as the window calls', async () => {
  const clerk = await t.staff('clerk')
  for (let i = 0; i < 2; i++) await clerk.call('issueDeskTicket', { params: { id: hallId }, body: { serviceItemId: itemId } })

  const { page, errors, context } = await consentedPhonePage(browser, t)
  await openPage(page, t.url, `/pages/services/detail/index?id=${itemId}`)
  await page.getByTestId('guide-take').first().click()
  await expect.poll(() => page.getByTestId('take-open').textContent(), { timeout: 20_000 }).toBe('正在取号')
  await page.getByTestId(`take-item-${itemId}`).click()
  await page.getByTestId('take-submit').click()
  const ahead = page.getByTestId('ticket-ahead')
  await expect.poll(() => ahead.textContent(), { timeout: 20_000 }).toBe('2')
  const mine = await t.deps.db.ticket.findFirstOrThrow({ where: { hallId, channel: 'APP' } })
  expect(await page.getByTestId('ticket-number').first().textContent()).toBe(mine.number)
  await screenshot(page, 'hall-ticket-waiting')

  // The window calls the two before: the count falls without a reload; then it is my turn.
  const first = await clerk.call('callNextTicket', { params: { id: win3.id } })
  await expect.poll(() => ahead.textContent(), { timeout: 20_000 }).toBe('1')
  await clerk.call('doneTicket', { params: { id: first.id } })
  const second = await clerk.call('callNextTicket', { params: { id: win3.id } })
  await expect.poll(() => ahead.textContent(), { timeout: 20_000 }).toBe('0')
  await clerk.call('doneTicket', { params: { id: second.id } })
  const me = await clerk.call('callNextTicket', { params: { id: win3.id } })
  expect(me.id).toBe(mine.id)
  await expect.poll(() => page.getByTestId('ticket-window').textContent(), { timeout: 20_000 }).toBe(`请到 ${win3.number} 号窗口（${win3.name}）办理`)
  expect(await page.getByTestId('ticket-status').first().textContent()).toBe('已叫号')

  // Done: 评价本次服务 opens the rating page for this ticket.
  await clerk.call('doneTicket', { params: { id: me.id } })
  await page.getByTestId('ticket-rate').click({ timeout: 20_000 })
  await expect.poll(() => page.url()).toContain(`subjectType=TICKET&subjectId=${mine.id}`)
  expect(errors).toEqual([])
  await context.close()
})

it('the 评价器 records a 差评 after 办结 at its window, and the case appears in 差评整改', async () => {
  const clerk = await t.staff('clerk')
  const issued = await clerk.call('issueDeskTicket', { params: { id: hallId }, body: { serviceItemId: itemId } })
  const tablet = await deskPage({ width: 1280, height: 800 })
  await openPage(tablet.page, t.url, '/hall/window/rater/index')
  await tablet.page.getByTestId('rater-username').locator('input').fill('clerk')
  await tablet.page.getByTestId('rater-password').locator('input').fill(TEST_PASSWORD)
  await tablet.page.getByTestId('rater-login-submit').click()
  await tablet.page.getByTestId(`pick-window-${win3.number}`).click()
  // Idle, or the form for the service this window finished before (not rated yet).
  await tablet.page.locator('[data-testid=rater-idle], [data-testid=rater-form]').first().waitFor({ timeout: 20_000 })

  // The window finishes a service: the faces appear by themselves.
  const called = await clerk.call('callNextTicket', { params: { id: win3.id } })
  expect(called.id).toBe(issued.id)
  await clerk.call('doneTicket', { params: { id: called.id } })
  await expect.poll(() => tablet.page.getByTestId('rater-subject').textContent(), { timeout: 20_000 }).toContain(issued.number)

  // 差评 without a reason is refused on the page; with a tag it is recorded.
  await tablet.page.getByTestId('level-1').click()
  await tablet.page.getByTestId('rater-submit').click()
  await expect.poll(() => tablet.page.getByTestId('rater-error-tags').textContent()).toBe('差评请至少选择一个原因标签')
  expect(await t.deps.db.rating.count({ where: { subjectType: 'TICKET', subjectId: issued.id } })).toBe(0)
  const tag = tablet.page.getByTestId('rater-tags').locator('[role=checkbox]').first()
  const tagText = (await tag.textContent())!
  await tag.click()
  expect(await axeViolations(tablet.page)).toEqual([])
  await screenshot(tablet.page, 'hall-rater')
  await tablet.page.getByTestId('rater-submit').click()
  await tablet.page.getByTestId('rater-thanks').waitFor({ timeout: 20_000 })
  // Then back to idle, waiting for the next service.
  await tablet.page.getByTestId('rater-idle').waitFor({ timeout: 20_000 })
  const rating = await t.deps.db.rating.findFirstOrThrow({ where: { subjectType: 'TICKET', subjectId: issued.id }, include: { rectification: true } })
  expect(rating).toMatchObject({ level: 1, channel: 'WINDOW', tags: [tagText] })
  expect(rating.rectification).toBeTruthy()

  // The handler sees the case in 差评整改.
  const staff = await deskPage({ width: 1280, height: 800 }, await staffToken('handler'))
  await openPage(staff.page, t.url, '/staff/rectifications/list/index')
  const row = staff.page.getByTestId(`rect-${rating.rectification!.id}`)
  await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(tagText)
  expect(await row.textContent()).toContain('非常不满意')
  expect(tablet.errors).toEqual([])
  expect(staff.errors).toEqual([])
  await tablet.context.close()
  await staff.context.close()
})

it('取号 and 我的排队 keep 长辈模式 sizes (text ≥ 18px, targets ≥ 44px, contrast ≥ 4.5:1)', async () => {
  const { page, context } = await consentedPhonePage(browser, t)
  await context.addInitScript((v) => window.localStorage.setItem('bm_elder_mode', v), JSON.stringify({ data: '1' }))
  await openPage(page, t.url, `/pages/hall/take/index?hallId=${hallId}&itemId=${itemId}`)
  await page.getByTestId('take-facts').waitFor({ timeout: 20_000 })
  const take = await auditPage(page)
  expect(take.texts).toBeGreaterThan(5)
  expect(take.problems).toEqual([])
  await page.getByTestId('take-submit').click()
  await page.getByTestId('ticket-ahead').waitFor({ timeout: 20_000 })
  const mine = await auditPage(page)
  expect(mine.targets).toBeGreaterThan(0)
  expect(mine.problems).toEqual([])
  expect(await axeViolations(page)).toEqual([])
  await context.close()
})
