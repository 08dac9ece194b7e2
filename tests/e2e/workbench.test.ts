// Staff workbench in the H5 build against the real server and demo data: a clerk's counters, the dashboard's charts,
// a settings change, the annual report (with its CSV), an account with a one-time password and a calendar override.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { book, demoItem, slotsOf } from '../support/booking'

const TODAY = '2026-11-23'
let t: TestApp
let browser: Browser

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: `${TODAY}T09:00:00+08:00` })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

/** Signs in through the staff login page and waits for the workbench. */
async function signIn (page: Page, username: string): Promise<void> {
  await openPage(page, t.url, '/staff/auth/login/index')
  await page.getByTestId('staff-username').locator('input').fill(username)
  await page.getByTestId('staff-password').locator('input').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: 30_000 })
}

/** Non-blank pixels of the canvas inside a chart, and the canvas' backing size against its CSS size. */
async function canvasInfo (page: Page, testId: string) {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement | null
    if (!canvas) return null
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
    return { painted, width: canvas.width, cssWidth: canvas.getBoundingClientRect().width, dpr: window.devicePixelRatio }
  }, testId)
}

describe('clerk', () => {
  it('logs in and sees today\'s counters for the hall', async () => {
    // An appointment today at the clerk's hall, booked by a resident through the API.
    const clerk = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk' } })
    const item = await demoItem(t)
    const slot = (await slotsOf(t, item.id, { from: TODAY, to: TODAY, hallId: clerk.hallId! })).find((s) => s.remaining > 0)
    expect(slot).toBeTruthy()
    const resident = await t.resident()
    await book(resident.call, slot!, item)
    const expected = await t.deps.db.appointment.count({
      where: { hallId: clerk.hallId!, date: TODAY, status: { in: ['BOOKED', 'CHECKED_IN', 'CALLED', 'DONE', 'NO_SHOW'] } },
    })
    expect(expected).toBeGreaterThanOrEqual(1)

    const { page, errors } = await phonePage(browser)
    await signIn(page, 'clerk')
    const count = page.getByTestId('counter-appointmentsToday-count')
    await count.waitFor({ timeout: 30_000 })
    expect(Number(await count.textContent())).toBe(expected)
    expect(await page.getByTestId('counter-appointmentsToday').textContent()).toContain('今日预约')
    expect(await page.getByTestId('workbench-today').textContent()).toContain('2026年11月23日')
    // A clerk has no annual report or admin entries, but has the statistics.
    expect(await page.getByTestId('entry-stats').count()).toBe(1)
    expect(await page.getByTestId('entry-report').count()).toBe(0)
    expect(await page.getByTestId('entry-settings').count()).toBe(0)
    await screenshot(page, 'workbench-clerk')
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('admin', () => {
  let page: Page
  let errors: string[]
  let api: Awaited<ReturnType<TestApp['staff']>>

  beforeAll(async () => {
    ({ page, errors } = await phonePage(browser))
    api = await t.staff('admin')
    await signIn(page, 'admin')
  })
  afterAll(async () => { await page?.context().close() })

  it('opens the dashboard from the workbench and the charts render with their numbers as text', async () => {
    await page.getByTestId('entry-stats').click()
    const summary = page.getByTestId('chart-appointments-summary')
    await summary.waitFor({ timeout: 30_000 })
    const o = await api.call('getStatsOverview')
    expect(await page.getByTestId('dashboard-scope').textContent()).toContain(`${o.from} 至 ${o.to}`)
    expect(await page.getByTestId('stat-appointments-booked').textContent()).toContain(String(o.appointments.booked))
    expect(await summary.textContent()).toContain(`已办结 ${o.appointments.done}件`)
    expect(await summary.textContent()).toContain(`爽约 ${o.appointments.noShow}件`)
    const ratings = await page.getByTestId('chart-ratings-summary').textContent()
    for (const l of o.ratings.byLevel) expect(ratings).toContain(`${l.label} ${l.count}条`)
    expect(await page.getByTestId('chart-consultations-summary').textContent()).toContain(`咨询 ${o.consultations.byKind.find((k) => k.kind === 'CONSULT')!.count}件`)

    await page.getByTestId('chart-monthly').scrollIntoViewIfNeeded()
    await expect.poll(async () => (await canvasInfo(page, 'chart-monthly'))?.painted ?? 0, { timeout: 10_000 }).toBeGreaterThan(500)
    // The first series of the monthly chart is 预约, month by month.
    const booked = await page.getByTestId('chart-monthly-summary').locator('.bm-chart__row').first().textContent()
    expect(booked).toBe(`预约：${o.monthly.map((m) => `${Number(m.month.slice(5))}月 ${m.appointments}`).join('，')}`)
    await screenshot(page, 'dashboard-monthly')
    const bars = await canvasInfo(page, 'chart-appointments')
    expect(bars!.painted).toBeGreaterThan(500)
    // Drawn at the device pixel ratio (sharp on a 2× screen).
    expect(bars!.width).toBe(Math.round(bars!.cssWidth * bars!.dpr))
    await page.getByTestId('chart-appointments').scrollIntoViewIfNeeded()
    await screenshot(page, 'dashboard')

    // Quick range: last year.
    await page.getByTestId('dashboard-quick-last-year').click()
    await expect.poll(() => page.getByTestId('dashboard-scope').textContent(), { timeout: 15_000 }).toContain('2025-01-01 至 2025-12-31')
    expect(errors).toEqual([])
  })

  it('changes a setting group and the server has it', async () => {
    await openPage(page, t.url, '/staff/admin/settings/index')
    const field = page.getByTestId('setting-booking-cancelCutoffHours').locator('input')
    await field.waitFor({ timeout: 30_000 })
    expect(await field.inputValue()).toBe('2')
    await field.fill('4')
    await page.getByTestId('save-booking').click()
    await expect.poll(async () => (await api.call('getSettings')).booking.cancelCutoffHours, { timeout: 10_000 }).toBe(4)
    expect((await api.call('getSettings')).booking.maxWorkdaysAhead).toBe(7)

    // An out-of-range value: the server's message appears next to the field and nothing changes.
    const limit = page.getByTestId('setting-booking-noShowLimit').locator('input')
    await limit.fill('0')
    await page.getByTestId('save-booking').click()
    const err = page.getByTestId('setting-booking-noShowLimit-error')
    await err.waitFor({ timeout: 10_000 })
    expect(await err.textContent()).toContain('不能小于 1')
    expect((await api.call('getSettings')).booking.noShowLimit).toBe(2)
  })

  it('shows the annual report tables and downloads the CSV', async () => {
    await openPage(page, t.url, '/staff/stats/report/index?year=2026')
    await page.getByTestId('report-paper').waitFor({ timeout: 30_000 })
    const r = await api.call('getAnnualReport', { query: { year: 2026, format: 'json' } })
    const proactive = await page.getByTestId('report-proactive').textContent()
    for (const c of r.proactive.byCategory) expect(proactive).toContain(`${c.category}${c.count}`)
    expect(proactive).toContain(`合计${r.proactive.total}`)
    const fresh = r.disclosures.rows.find((x) => x.key === 'NEW')!
    expect(await page.getByTestId('report-row-NEW').textContent()).toContain(`一、本年新收政府信息公开申请数量${r.disclosures.columns.map((c) => fresh.values[c.key]).join('')}`)
    expect(await page.getByTestId('report-row-H-WITHHELD').textContent()).toContain('（三）不予公开')
    expect(await page.getByTestId('report-check').textContent()).toContain(r.disclosures.check.balanced ? '各列相符' : '不相符')
    const figures = await page.getByTestId('report-figures').textContent()
    for (const f of r.figures) expect(figures).toContain(f.label)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()])
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('二、主动公开政府信息情况')
    expect(csv).toContain(`合计,${r.proactive.total}`)
    expect(download.suggestedFilename()).toMatch(/2026.*\.csv$/)
    await screenshot(page, 'annual-report')

    // The printed page: the paper without the year picker and buttons.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('report-download').isVisible()).toBe(false)
    expect(await page.getByTestId('report-paper').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
    expect(errors).toEqual([])
  })

  it('creates an account and shows its one-time password once, which then signs in', async () => {
    await openPage(page, t.url, '/staff/admin/accounts/index')
    await page.getByTestId('account-admin').waitFor({ timeout: 30_000 })
    await page.getByTestId('accounts-new').click()
    await page.getByTestId('account-username').locator('input').fill('liming')
    await page.getByTestId('account-name').locator('input').fill('李明')
    await page.getByTestId('account-submit').click()
    // No role chosen: the form says so and creates nothing.
    await page.getByText('至少选择一个岗位').waitFor({ timeout: 10_000 })
    await page.getByTestId('account-role-CLERK').click()
    await page.getByTestId('account-submit').click()
    const secret = page.getByTestId('one-time-password')
    await secret.waitFor({ timeout: 10_000 })
    const password = (await secret.textContent())!.trim()
    const login = await t.anon('loginStaff', { body: { username: 'liming', password } })
    expect(login.staff).toMatchObject({ name: '李明', roles: ['CLERK'], mustChangePassword: true })
    await page.getByTestId('password-close').click()
    expect(await page.getByTestId('password-dialog').count()).toBe(0)
    expect(await page.getByTestId('account-liming').textContent()).toContain('窗口工作人员')
  })

  it('fits a desk PC screen: the dashboard stays readable and its charts are drawn at the wider size', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const p = await desk.newPage()
    await signIn(p, 'admin')
    await openPage(p, t.url, '/staff/stats/dashboard/index')
    await p.getByTestId('chart-notices-summary').waitFor({ timeout: 30_000 })
    await expect.poll(async () => (await canvasInfo(p, 'chart-notices'))?.painted ?? 0, { timeout: 10_000 }).toBeGreaterThan(500)
    const info = (await canvasInfo(p, 'chart-notices'))!
    expect(info.cssWidth).toBeGreaterThan(600)
    expect(info.cssWidth).toBeLessThanOrEqual(960)
    expect(info.width).toBe(Math.round(info.cssWidth * info.dpr))
    await screenshot(p, 'dashboard-desk')
    await desk.close()
  })

  it('marks a working day as closed on the calendar and clears it again', async () => {
    await openPage(page, t.url, '/staff/admin/calendar/index?month=2026-10')
    const day = page.getByTestId('day-2026-10-09')
    await day.waitFor({ timeout: 30_000 })
    expect(await day.textContent()).toContain('上班')
    expect(await page.getByTestId('day-2026-10-01').textContent()).toContain('放假')
    expect(await page.getByTestId('day-2026-10-10').textContent()).toContain('调休上班')
    await day.click()
    await page.getByTestId('calendar-note').locator('input').fill('台风停止办公')
    await page.getByTestId('calendar-set-rest').click()
    await expect.poll(() => day.textContent(), { timeout: 10_000 }).toContain('改')
    const cal = await api.call('listCalendar', { query: { from: '2026-10-09', to: '2026-10-09' } })
    expect(cal.items[0]).toMatchObject({ isWorkday: false, source: 'OVERRIDE', note: '台风停止办公' })
    await page.getByTestId('calendar-clear').click()
    await expect.poll(async () => (await api.call('listCalendar', { query: { from: '2026-10-09', to: '2026-10-09' } })).items[0]?.source, { timeout: 10_000 }).toBe('OFFICIAL')
    expect(errors).toEqual([])
  })
})
