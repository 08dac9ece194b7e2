// Staff desk operations in the H5 build at desk width (1280×800) against the real server: a clerk books by phone for
// a resident and cancels it with a reason; a handler schedules and completes a home visit and the resident rates it;
// a new account must change its one-time password before anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl, type PageName } from '@bianmin/shared'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, screenshot } from '../support/browser'
import { MONDAY, demoItem, testPhone } from '../support/booking'

let t: TestApp
let browser: Browser

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: MONDAY })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

async function deskPage () {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors, close: () => context.close() }
}

const input = (page: Page, testId: string, tag = 'input') => page.getByTestId(testId).locator(tag)

async function signIn (page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await openPage(page, t.url, pageUrl('staffLogin'))
  await input(page, 'staff-username').fill(username)
  await input(page, 'staff-password').fill(password)
  await page.getByTestId('staff-login-submit').click()
}

async function open (page: Page, username: string, then: PageName) {
  await signIn(page, username)
  await page.getByTestId('staff-name').waitFor({ timeout: 30_000 })
  await openPage(page, t.url, pageUrl(then))
}

describe('电话预约 / 代办', () => {
  it('a clerk books by phone for a resident, a second booking of that phone is refused, then cancels it with a reason', async () => {
    const { page, errors, close } = await deskPage()
    const phone = testPhone()
    await open(page, 'clerk', 'staffPhoneBooking')
    await page.getByTestId('pb-form').waitFor({ timeout: 30_000 })
    await input(page, 'pb-item-q').fill('HL-HJ-001')
    await page.getByTestId('pb-item-HL-HJ-001').click()
    await page.getByTestId('pb-date-2026-09-28').click()
    await page.getByTestId('pb-slot-14:30').click()
    await input(page, 'pb-name').fill('陈阿婆')
    await input(page, 'pb-phone').fill(phone)
    await input(page, 'pb-note', 'textarea').fill('行动不便，需要轮椅')
    await page.getByTestId('pb-submit').click()
    await page.getByTestId('pb-done').waitFor({ timeout: 15_000 })
    const row = await t.deps.db.appointment.findFirstOrThrow({ where: { contactName: '陈阿婆', contactPhoneHash: t.deps.cipher.blindIndex(phone) } })
    expect(row).toMatchObject({ channel: 'PHONE', note: '行动不便，需要轮椅', status: 'BOOKED', residentId: null })
    expect(await page.getByTestId('pb-done-code').textContent()).toBe(row.code)
    await screenshot(page, 'staff-phone-booking')

    // The same phone on the same item and day: refused, said next to the button.
    await page.getByTestId('pb-slot-16:00').click()
    await input(page, 'pb-name').fill('陈阿婆')
    await input(page, 'pb-phone').fill(phone)
    await page.getByTestId('pb-channel-PROXY').click()
    await page.getByTestId('pb-submit').click()
    await expect.poll(() => page.getByTestId('pb-error').textContent(), { timeout: 15_000 }).toContain('该手机号当天已预约此事项')
    expect(await t.deps.db.appointment.count({ where: { contactPhoneHash: t.deps.cipher.blindIndex(phone) } })).toBe(1)

    // Today's bookings list it with its note; cancelling needs a reason.
    const booking = page.getByTestId('pb-booking').filter({ hasText: '陈阿婆' })
    await booking.waitFor({ timeout: 15_000 })
    expect(await booking.textContent()).toContain('行动不便，需要轮椅')
    await booking.click()
    await page.getByTestId('pb-cancel-confirm').click()
    await expect.poll(() => page.getByTestId('pb-cancel-panel').textContent(), { timeout: 10_000 }).toContain('取消原因至少 2 个字')
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('BOOKED')
    await input(page, 'pb-cancel-reason', 'textarea').fill('群众来电取消')
    await page.getByTestId('pb-cancel-confirm').click()
    await expect.poll(async () => (await t.deps.db.appointment.findUniqueOrThrow({ where: { id: row.id } })).status, { timeout: 15_000 }).toBe('CANCELLED')
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: row.id } })).cancelReason).toBe('群众来电取消')
    await expect.poll(() => booking.count(), { timeout: 15_000 }).toBe(0)
    expect(errors).toEqual([])
    await close()
  })
})

describe('上门服务', () => {
  it('a handler schedules and completes a home visit and the resident rates it', async () => {
    const code = `e2e_home_${Date.now().toString(36)}`
    const resident = await t.resident(code)
    const item = await demoItem(t, 'HL-LN-002')
    const h = await resident.call('createHomeVisit', {
      body: { serviceItemId: item.id, contactName: '郑阿公', contactPhone: testPhone(), address: '湖里区东荣路 22 号 3 单元 502', reason: '长期卧床，无法到场', preferredDays: ['2026-09-29', '2026-09-30'] },
    })
    const { page, errors, close } = await deskPage()
    await open(page, 'handler', 'staffHomeVisits')
    const row = page.getByTestId('hv-row').filter({ hasText: '郑阿公' })
    await row.waitFor({ timeout: 30_000 })
    await row.click()
    await page.getByTestId('hv-case').waitFor()
    expect(await page.getByTestId('hv-reason').textContent()).toBe('长期卧床，无法到场')
    await page.getByTestId('hv-day-2026-09-29').click()
    await input(page, 'hv-start').fill('14:00')
    await input(page, 'hv-end').fill('16:00')
    await page.getByTestId('hv-schedule-submit').click()
    await expect.poll(() => page.getByTestId('hv-status').textContent(), { timeout: 15_000 }).toBe('已安排')
    expect(await page.getByTestId('hv-scheduled').textContent()).toContain('14:00–16:00')
    await screenshot(page, 'staff-home-visit')
    await page.getByTestId('hv-complete').click()
    await page.getByTestId('inline-confirm-ok').click()
    await expect.poll(() => page.getByTestId('hv-status').textContent(), { timeout: 15_000 }).toBe('已办结')
    expect(errors).toEqual([])
    await close()

    // The resident finds it under 我的 → 上门服务 and rates it.
    const r = await consentedPhonePage(browser, t, code)
    await openPage(r.page, t.url, pageUrl('homeVisits'))
    await r.page.getByTestId('hv-mine-rate').click()
    await r.page.getByTestId('level-5').click()
    await r.page.getByTestId('rate-submit').click()
    await expect.poll(() => t.deps.db.rating.count({ where: { subjectType: 'HOME_VISIT', subjectId: h.id } }), { timeout: 15_000 }).toBe(1)
    const messages = (await resident.call('listMessages')).items.filter((m) => m.kind === 'HOME_VISIT_UPDATE').map((m) => m.title)
    expect(messages.sort()).toEqual(['上门服务已办结', '上门服务已安排'].sort())
    expect(r.errors).toEqual([])
    await r.context.close()
  })
})

describe('一次性密码', () => {
  it('a new account must change its password before anything else', async () => {
    const admin = await t.staff('admin')
    const clerkOrg = (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'clerk' } })).orgId
    const { initialPassword } = await admin.call('createAccount', { body: { username: 'newdesk', name: '新同事', roles: ['CLERK'], orgId: clerkOrg } })
    const { page, errors, close } = await deskPage()
    await signIn(page, 'newdesk', initialPassword)
    await page.getByTestId('pw-required').waitFor({ timeout: 30_000 })
    // Another page, opened afresh, leads back here.
    await page.goto('about:blank')
    await openPage(page, t.url, pageUrl('staffPhoneBooking'))
    await page.getByTestId('pw-required').waitFor({ timeout: 30_000 })
    await screenshot(page, 'staff-password-required')
    await input(page, 'pw-old').fill(initialPassword)
    await input(page, 'pw-new').fill('short')
    expect(await page.getByTestId('pw-check-length').getAttribute('data-ok')).toBe('no')
    await input(page, 'pw-new').fill('Desk-Pass-2026')
    await expect.poll(() => page.getByTestId('pw-check-length').getAttribute('data-ok')).toBe('yes')
    expect(await page.getByTestId('pw-check-classes').getAttribute('data-ok')).toBe('yes')
    await input(page, 'pw-confirm').fill('Desk-Pass-2025')
    await page.getByTestId('pw-submit').click()
    await page.getByText('两次输入的新密码不一致').waitFor({ timeout: 10_000 })
    expect((await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'newdesk' } })).mustChangePassword).toBe(true)
    await input(page, 'pw-confirm').fill('Desk-Pass-2026')
    await page.getByTestId('pw-submit').click()
    await expect.poll(async () => (await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'newdesk' } })).mustChangePassword, { timeout: 15_000 }).toBe(false)
    // Back on the page it was sent away from, signed in with the new password.
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(pageUrl('staffPhoneBooking'))
    await page.locator('[data-testid="pb-form"]:visible').first().waitFor({ timeout: 30_000 })
    expect(errors).toEqual([])
    await close()
  })
})
