// 预约办理 in the H5 build: a resident finds a guide, books a slot (the form is validated first), sees the booking
// in 我的预约 with its check-in code, and cancels it; the clerk's page then shows nothing left to do for it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { MONDAY } from '../support/booking'
import { pageUrl } from '@bianmin/shared'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: MONDAY })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const input = (page: Page, id: string) => page.locator(`[data-testid="${id}"] input`)

it('a resident books a slot, sees it in 我的预约 with its code, and cancels it', async () => {
  const { page, errors, context } = await consentedPhonePage(browser, t)
  await openPage(page, t.url, pageUrl('services'))

  // 办事: search the guide and open it.
  await input(page, 'item-search').fill('居住证')
  await page.getByTestId('item-search-go').click()
  const item = page.getByTestId('item').filter({ hasText: '居住证申领' })
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
  await item.click()
  await expect.poll(() => page.getByTestId('guide-name').textContent(), { timeout: 15_000 }).toBe('居住证申领')
  expect(await page.getByTestId('guide-materials').textContent()).toContain('居民身份证原件')
  await screenshot(page, 'appointments-guide')
  await page.getByTestId('guide-book').click()

  // The date strip: working days only (National Day week skipped, the 调休 Saturday offered).
  await page.getByTestId('book-date-2026-09-29').waitFor({ timeout: 15_000 })
  expect(await page.getByTestId('book-date-2026-10-01').count()).toBe(0)
  expect(await page.getByTestId('book-date-2026-10-10').textContent()).toContain('周六')
  await page.getByTestId('book-date-2026-09-29').click()
  await page.getByTestId('book-slot-09:30').click()
  expect(await page.getByTestId('book-slot-09:30').textContent()).toContain('余 3 个')

  // An incomplete form explains itself and books nothing.
  await input(page, 'book-phone').fill('12345')
  await page.getByTestId('book-submit').click()
  await expect.poll(() => page.getByTestId('book-error-contactName').textContent()).toBe('请填写姓名')
  expect(await page.getByTestId('book-error-contactPhone').textContent()).toBe('请输入正确的 11 位手机号码')
  expect(await t.deps.db.appointment.count({ where: { contactName: '李小梅' } })).toBe(0)

  await input(page, 'book-name').fill('李小梅')
  await input(page, 'book-phone').fill('13912345678')
  await screenshot(page, 'appointments-book')
  await page.getByTestId('book-submit').click()

  // Confirmation: the check-in code and its QR code.
  await page.getByTestId('booked-banner').waitFor({ timeout: 15_000 })
  const row = await t.deps.db.appointment.findFirstOrThrow({ where: { contactName: '李小梅' }, include: { slot: true } })
  expect(row).toMatchObject({ status: 'BOOKED', channel: 'APP', contactName: '李小梅', date: '2026-09-29' })
  expect(row.slot.start).toBe('09:30')
  expect(row.contactPhoneEnc).not.toContain('13912345678')
  expect(await page.getByTestId('detail-code').textContent()).toBe(row.code)
  await expect.poll(() => page.locator('[data-testid="detail-qr"] img').evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)
  expect(await page.locator('body').textContent()).toContain('139****5678')
  await screenshot(page, 'appointments-confirmed')

  // 我的预约: the booking with its code; cancel asks first.
  await page.getByTestId('detail-to-list').click()
  const card = page.getByTestId('appointment')
  await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1)
  expect(await card.getByTestId('appointment-code').textContent()).toBe(row.code)
  expect(await card.getByTestId('appointment-status').textContent()).toBe('已预约')
  await card.getByTestId('appointment-cancel').click()
  await expect.poll(() => page.locator('.taro-modal__text').textContent()).toContain('9月29日 周二 09:30–10:00')
  await screenshot(page, 'appointments-cancel-confirm')
  await page.locator('.taro-model__confirm').click()
  await expect.poll(() => card.getByTestId('appointment-status').textContent(), { timeout: 15_000 }).toBe('已取消')
  expect(await card.getByTestId('appointment-cancel').count()).toBe(0)
  const after = await t.deps.db.appointment.findUniqueOrThrow({ where: { id: row.id }, include: { slot: true } })
  expect(after.status).toBe('CANCELLED')
  expect(after.slot.booked).toBe(row.slot.booked - 1)
  await screenshot(page, 'appointments-cancelled')

  // 消息: the booking confirmation is there.
  await openPage(page, t.url, pageUrl('messages'))
  await expect.poll(() => page.getByTestId('message').first().textContent(), { timeout: 15_000 }).toContain('预约成功')
  expect(errors).toEqual([])
  await context.close()
})

it('a clerk checks a resident in by code and calls the next number', async () => {
  const r = await t.resident()
  const slot = (await t.anon('listServiceItemSlots', { params: { id: (await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })).id }, query: { from: '2026-09-28', to: '2026-09-28' } })).items[0]!
  const a = await r.call('createAppointment', { body: { slotId: slot.id, serviceItemId: (await t.deps.db.serviceItem.findFirstOrThrow({ where: { code: 'HL-HJ-001' } })).id, contactName: '王大伯', contactPhone: '13800001111' } })
  const { page, errors, context } = await phonePage(browser)
  await openPage(page, t.url, pageUrl('staffLogin'))
  await input(page, 'staff-username').fill('clerk')
  await input(page, 'staff-password').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: 15_000 })
  await page.getByTestId('entry-today').click()
  const row = page.getByTestId('st-appointment').filter({ hasText: '王大伯' })
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1)
  expect(await row.textContent()).toContain('138****1111')
  await input(page, 'st-code').fill(a.code)
  await page.getByTestId('st-checkin').click()
  await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('A001')
  await page.getByTestId('st-call-next').click()
  await expect.poll(() => page.getByTestId('st-called').textContent(), { timeout: 15_000 }).toBe('请 A001 号 王大伯 到窗口办理')
  await screenshot(page, 'appointments-staff-today')
  expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('CALLED')
  expect(errors).toEqual([])
  await context.close()
})
