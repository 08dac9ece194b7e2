// The dashboard writes each headline figure's definition beside it (one definition shared with the annual figures).
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { statsDefinitions } from '@bianmin/shared'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage } from '../support/browser'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

it('shows 预约总数 and 按时答复率 with their definitions', async () => {
  const { page } = await phonePage(browser)
  await openPage(page, t.url, '/staff/auth/login/index')
  await page.getByTestId('staff-username').locator('input').fill('admin')
  await page.getByTestId('staff-password').locator('input').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: 30_000 })
  await page.getByTestId('entry-stats').click()
  const booked = page.getByTestId('stat-appointments-booked')
  await booked.waitFor({ timeout: 30_000 })
  const o = await (await t.staff('admin')).call('getStatsOverview')
  expect(await booked.textContent()).toContain(String(o.appointments.booked))
  expect(await booked.textContent()).toContain(statsDefinitions.booked)
  expect(await page.getByTestId('stat-consultations-on-time').textContent()).toContain(statsDefinitions.onTimeRate)
})
