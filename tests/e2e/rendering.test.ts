// How pages render in the H5 build (issue 18 item 12), measured in Chromium: textareas fill their frame (no resize
// grip, the border whole), text sits in the middle of input frames, the 办事指南 QR is ≥ 160 px and centred, chart
// text is ≥ 12 px and drawn at the device pixel ratio, 非常不满意 stays on one line, 首页's 政务公开 shows a notice
// published meanwhile on coming back, and a notice counts the view that opened it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, taroStorage } from '../support/browser'
import { publish } from '../support/notices'
import { expectAccessible } from '../support/axe'
import { noticeRuntime } from '../../server/src/modules/notices/notice.cache'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const visible = (p: Page, id: string) => p.locator(`[data-testid="${id}"]:visible`)

/** A signed-in resident's phone, in 长辈模式 when `elder` (set before the app starts, as the 我的 switch leaves it). */
async function residentPhone (elder = false) {
  const p = await consentedPhonePage(browser, t)
  await p.context.addInitScript((on) => localStorage.setItem('bm_elder_mode', JSON.stringify({ data: on ? '1' : '0' })), elder)
  return p
}
type Box = { top: number; bottom: number; left: number; right: number }

/** Every visible Taro textarea on screen: its frame, the inner <textarea> and the inner's resize setting. */
const textareas = (p: Page) => p.evaluate(() => [...document.querySelectorAll('taro-textarea-core')].filter((e) => (e as HTMLElement).checkVisibility()).map((host) => {
  const inner = host.querySelector('textarea')!
  const box = (e: Element): Box => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right } }
  const s = getComputedStyle(host)
  return { frame: box(host), inner: box(inner), resize: getComputedStyle(inner).resize, border: parseFloat(s.borderBottomWidth) }
}))

/** Every visible Taro input: the vertical centre of the typed text's box against its frame's. */
const inputs = (p: Page) => p.evaluate(() => [...document.querySelectorAll('taro-input-core')].filter((e) => (e as HTMLElement).checkVisibility()).map((host) => {
  const f = host.getBoundingClientRect()
  const i = host.querySelector('input')!.getBoundingClientRect()
  return { frame: Math.round(f.height), offset: Math.abs((i.top + i.bottom) / 2 - (f.top + f.bottom) / 2) }
}))

it('textareas fill their frame without a resize grip; input text sits in the middle of its frame', async () => {
  for (const elder of [false, true]) {
    const p = await residentPhone(elder)
    await openPage(p.page, t.url, pageUrl('consultationNew'))
    await visible(p.page, 'cs-submit').waitFor({ timeout: 30_000 })
    const areas = await textareas(p.page)
    expect(areas.length).toBeGreaterThan(0)
    for (const a of areas) {
      expect(a.resize).toBe('none')
      // Inside the frame, its bottom border (≥ 1 px) left uncovered.
      expect(a.border).toBeGreaterThanOrEqual(1)
      expect(a.inner.bottom).toBeLessThanOrEqual(a.frame.bottom - a.border + 0.5)
      expect(a.inner.right).toBeLessThanOrEqual(a.frame.right + 0.5)
    }
    for (const [page, ready] of [['notices', 'notice-search'], ['services', 'item-search'], ['consultationsPublic', 'cs-search']] as const) {
      await openPage(p.page, t.url, pageUrl(page))
      await visible(p.page, ready).waitFor({ timeout: 30_000 })
      const found = await inputs(p.page)
      expect(found.length).toBeGreaterThan(0)
      expect({ page, elder, found }).toEqual({ page, elder, found: found.map((x) => ({ ...x, offset: Math.min(x.offset, 1) })) })
    }
    expect(p.errors).toEqual([])
    await p.context.close()
  }
})

it('the 办事指南 QR is at least 160 px and centred in its card', async () => {
  const p = await consentedPhonePage(browser, t)
  const item = await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })
  await openPage(p.page, t.url, pageUrl('serviceDetail', { id: item.id }))
  const img = p.page.locator('.guide__qr img:visible')
  await img.waitFor({ timeout: 30_000 })
  await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0), { timeout: 15_000 }).toBe(true)
  const m = await img.evaluate((e) => {
    const r = e.getBoundingClientRect()
    const card = e.closest('.guide__qr')!.getBoundingClientRect()
    return { w: r.width, h: r.height, centre: Math.abs((r.left + r.right) / 2 - (card.left + card.right) / 2) }
  })
  expect(m.w).toBeGreaterThanOrEqual(160)
  expect(m.h).toBeGreaterThanOrEqual(160)
  expect(m.centre).toBeLessThan(1)
  await p.context.close()
})

it('the dashboard draws its chart text at 12 px or more, at the device pixel ratio', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  await context.addInitScript((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v) }, taroStorage({ bm_staff_token: (await t.staff('admin')).token }))
  // Every fillText: the font size in device pixels and the canvas it lands on.
  await context.addInitScript(() => {
    const w = window as unknown as { __texts: { px: number; canvas: HTMLCanvasElement }[] }
    w.__texts = []
    const fill = CanvasRenderingContext2D.prototype.fillText
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof fill>) {
      w.__texts.push({ px: parseFloat(/(\d+(\.\d+)?)px/.exec(this.font)?.[1] ?? '0') * this.getTransform().a, canvas: this.canvas })
      return fill.apply(this, args)
    }
  })
  const page = await context.newPage()
  await openPage(page, t.url, pageUrl('staffDashboard'))
  await visible(page, 'chart-appointments-summary').waitFor({ timeout: 30_000 })
  await expect.poll(() => page.evaluate(() => (window as unknown as { __texts: unknown[] }).__texts.length), { timeout: 15_000 }).toBeGreaterThan(5)
  const m = await page.evaluate(() => {
    const texts = (window as unknown as { __texts: { px: number; canvas: HTMLCanvasElement }[] }).__texts
    // CSS px of text = device px × (CSS width / bitmap width).
    const css = texts.map((x) => x.px * x.canvas.getBoundingClientRect().width / x.canvas.width)
    const canvases = [...new Set(texts.map((x) => x.canvas))].map((c) => ({ bitmap: c.width, css: c.getBoundingClientRect().width }))
    return { smallest: Math.min(...css), canvases, dpr: devicePixelRatio }
  })
  expect(m.smallest).toBeGreaterThanOrEqual(12)
  for (const c of m.canvases) expect(c.bitmap).toBe(Math.round(c.css * m.dpr))
  await context.close()
})

it('非常不满意 stays on one line among the five faces, in both themes', async () => {
  const item = await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })
  const hall = await t.deps.db.hall.findFirstOrThrow({ where: { orgId: item.orgId } })
  const doneAt = new Date(Date.parse('2026-11-23T08:00:00+08:00'))
  const slot = await t.deps.db.slot.create({ data: { hallId: hall.id, date: '2026-11-23', start: '07:30', end: '08:00', startsAt: doneAt, capacity: 3, booked: 1 } })
  const resident = await t.resident('e2e_faces')
  const a = await t.deps.db.appointment.create({
    data: {
      residentId: resident.id, slotId: slot.id, serviceItemId: item.id, hallId: hall.id, date: '2026-11-23', status: 'DONE', code: 'RND1',
      contactName: '王小明', contactPhoneEnc: t.deps.cipher.encrypt('13912345678'), doneAt,
    },
  })
  for (const elder of [false, true]) {
    const p = await consentedPhonePage(browser, t, 'e2e_faces')
    await p.context.addInitScript((on) => localStorage.setItem('bm_elder_mode', JSON.stringify({ data: on ? '1' : '0' })), elder)
    await openPage(p.page, t.url, pageUrl('ratingRate', { subjectType: 'APPOINTMENT', subjectId: a.id }))
    const label = p.page.locator('[data-testid="level-1"]:visible .rating-faces__label')
    await label.waitFor({ timeout: 30_000 })
    const m = await label.evaluate((e) => ({ text: e.textContent, lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)) }))
    expect({ elder, ...m }).toEqual({ elder, text: '非常不满意', lines: 1 })
    await p.context.close()
  }
  // Rated: 我的评价 lists it as a link named by what it shows (axe: no label that differs from the visible text).
  await resident.call('createRating', { body: { subjectType: 'APPOINTMENT', subjectId: a.id, level: 5, tags: [] } })
  const p = await consentedPhonePage(browser, t, 'e2e_faces')
  await openPage(p.page, t.url, pageUrl('ratingsMine'))
  await visible(p.page, `my-rating-${(await t.deps.db.rating.findFirstOrThrow({ where: { subjectId: a.id } })).id}`).waitFor({ timeout: 30_000 })
  await expectAccessible(p.page, 'ratingsMine')
  await p.context.close()
})

it('首页 shows a notice published while the resident was away; a notice counts the view that opened it', async () => {
  const p = await consentedPhonePage(browser, t)
  await openPage(p.page, t.url, pageUrl('home'))
  const items = p.page.locator('[data-testid="home-notices"]:visible [data-testid="notice-item"]')
  await items.first().waitFor({ timeout: 30_000 })
  await p.page.locator('.weui-tabbar__item', { hasText: '办事' }).click()
  await visible(p.page, 'item-search').waitFor({ timeout: 15_000 })
  const editor = await t.staff('editor')
  const reviewer = await t.staff('reviewer')
  const n = await publish(editor.call, reviewer.call, { title: '冬季供暖时间调整通知', category: '通知公告', body: '<p>今年供暖自11月15日起。</p>', pinned: true })
  await p.page.locator('.weui-tabbar__item', { hasText: '首页' }).click()
  await expect.poll(() => items.first().textContent(), { timeout: 15_000 }).toContain('冬季供暖时间调整通知')

  // Nobody has read it yet: opening it makes it 阅读 1 on the page, and the server counted this one view.
  await items.first().click()
  await expect.poll(() => visible(p.page, 'notice-views').textContent(), { timeout: 15_000 }).toBe('阅读 1')
  expect(await visible(p.page, 'notice-title').textContent()).toBe(n.title)
  await p.page.waitForTimeout(300)
  await noticeRuntime(t.deps).flushViews()
  expect((await t.deps.db.notice.findUniqueOrThrow({ where: { id: n.id } })).views).toBe(1)
  expect(p.errors).toEqual([])
  await p.context.close()
})
