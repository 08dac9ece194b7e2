// What residents tripped over (issue 18 items 4–6) in the H5 build: the 消息 tab's unread badge; 改约 showing the slot
// being changed, confirming the move, the old booking reading 已改约; the 申请材料 on the booking and 去评价 once done;
// 我的 with its links and a nickname; the booking form prefilled from the last booking and the day strip following
// the setting; 确认办结 only after a reply, and a replied case not called 办结.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PAGES, pageUrl } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, screenshot } from '../support/browser'
import { MONDAY, book, demoItem, slotOn } from '../support/booking'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: MONDAY })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

// Pages left in the H5 stack stay in the DOM (hidden): only the visible copy counts.
const el = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)
const input = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible input`)
const badge = (page: Page) => page.locator('.weui-tabbar__item', { hasText: '消息' }).locator('.taro-tabbar-badge')
const unread = (residentId: string) => t.deps.db.notification.count({ where: { residentId, readAt: null } })
const onPage = (page: Page, name: keyof typeof PAGES) => expect.poll(() => page.url(), { timeout: 15_000 }).toContain(PAGES[name])

it('改约 names the slot being changed and confirms it, the old booking reads 已改约; the badge counts unread messages; 去评价 when done', async () => {
  const { page, errors, context, residentId } = await consentedPhonePage(browser, t, 'e2e-move')
  const r = await t.resident('e2e-move')
  const item = await demoItem(t)
  const first = await book(r.call, await slotOn(t, item.id, '2026-09-29', '09:30'), item, { contactName: '陈阿姨' })

  // 首页: the 消息 tab shows the unread count (the 预约成功 message).
  await openPage(page, t.url, pageUrl('home'))
  const count = await unread(residentId)
  expect(count).toBeGreaterThan(0)
  await expect.poll(() => badge(page).textContent(), { timeout: 15_000 }).toBe(String(count))

  // The booking detail lists the 申请材料 to bring.
  await openPage(page, t.url, pageUrl('appointmentDetail', { id: first.id }))
  await expect.poll(() => el(page, 'detail-materials').textContent(), { timeout: 15_000 }).toContain('1. 居民身份证原件（1 份）')
  expect(await el(page, 'detail-materials').textContent()).toContain('近期免冠一寸照片（1 份），或现场拍照')

  // 改约 from the detail: the page names the booking being changed, then confirms the new one.
  await el(page, 'detail-reschedule').click()
  await expect.poll(() => el(page, 'book-rescheduling').textContent(), { timeout: 15_000 }).toContain('正在改约：原预约 9月29日 周二 09:30–10:00，湖里街道便民服务中心')
  await el(page, 'book-date-2026-09-28').click()
  await el(page, 'book-slot-16:30').click()
  await screenshot(page, 'resident-reschedule')
  await el(page, 'book-submit').click()
  await expect.poll(() => el(page, 'rescheduled-banner').textContent(), { timeout: 15_000 }).toContain('改约成功！新的时间是 9月28日 周一 16:30–17:00')
  const moved = await t.deps.db.appointment.findFirstOrThrow({ where: { residentId, status: 'BOOKED' } })
  expect(await el(page, 'rescheduled-banner').textContent()).toContain(`新的签到码 ${moved.code}；原预约已取消，原签到码作废`)
  expect(await el(page, 'detail-code').textContent()).toBe(moved.code)

  // 我的预约: the old booking reads 已改约 (not 已取消); its page says the code is void and links the new one.
  await el(page, 'detail-to-list').click()
  const card = (code: string) => el(page, 'appointment').filter({ hasText: code === moved.code ? '16:30' : '09:30' })
  await expect.poll(() => card(first.code).getByTestId('appointment-status').textContent(), { timeout: 15_000 }).toBe('已改约')
  expect(await card(moved.code).getByTestId('appointment-status').textContent()).toBe('已预约')
  await openPage(page, t.url, pageUrl('appointmentDetail', { id: first.id }))
  await expect.poll(() => el(page, 'detail-moved').textContent(), { timeout: 15_000 }).toContain(`签到码 ${first.code} 已作废`)
  expect(await el(page, 'detail-status').textContent()).toBe('已改约')
  await el(page, 'detail-moved-to').click()
  await expect.poll(() => el(page, 'detail-code').textContent(), { timeout: 15_000 }).toBe(moved.code)

  // Done at the hall: the booking offers 去评价, which opens the rating page for it.
  const clerk = await t.staff('clerk')
  await clerk.call('checkInAppointment', { params: { id: moved.id } })
  const window = await t.deps.db.window.findFirstOrThrow({ where: { hallId: moved.hallId }, orderBy: { number: 'asc' } })
  await clerk.call('callAppointment', { params: { id: moved.id }, body: { windowId: window.id } })
  await clerk.call('completeAppointment', { params: { id: moved.id } })
  await page.reload()
  await el(page, 'detail-rate').click()
  await expect.poll(() => el(page, 'rate-subject').textContent(), { timeout: 15_000 }).toBe('居住证申领')
  expect(page.url()).toContain(`subjectId=${moved.id}`)

  // 消息: the badge follows the count; 全部已读 removes it.
  await openPage(page, t.url, pageUrl('messages'))
  const now = await unread(residentId)
  expect(now).toBeGreaterThan(count)
  await expect.poll(() => badge(page).textContent(), { timeout: 15_000 }).toBe(String(now))
  await page.getByRole('button', { name: '全部已读' }).click()
  await expect.poll(() => unread(residentId)).toBe(0)
  await expect.poll(() => badge(page).count()).toBe(0)
  expect(errors).toEqual([])
  await context.close()
})

it('我的 links to every record of mine and sets a nickname; the booking form is prefilled and lists the setting\'s days', async () => {
  const { page, errors, context, residentId } = await consentedPhonePage(browser, t, 'e2e-mine')
  const r = await t.resident('e2e-mine')
  const item = await demoItem(t)
  await book(r.call, await slotOn(t, item.id, '2026-09-30'), item, { contactName: '林晓', contactPhone: '13711112222' })

  for (const [id, name] of [['mine-appointments', 'appointments'], ['mine-consultations', 'consultations'], ['mine-disclosures', 'disclosures'], ['mine-home-visits', 'homeVisits'], ['mine-ratings', 'ratingsMine']] as const) {
    await openPage(page, t.url, pageUrl('mine'))
    await page.reload() // a fresh load each time: only 我的 in the stack
    await el(page, id).click()
    await onPage(page, name)
  }
  await openPage(page, t.url, pageUrl('mine'))
  await page.reload()

  // A nickname: set in place (an empty one is refused), shown in the header and kept on the account.
  await el(page, 'mine-nickname-edit').click()
  await el(page, 'mine-nickname-save').click()
  await expect.poll(() => el(page, 'mine-nickname-error').textContent()).toBe('请填写昵称')
  await input(page, 'mine-nickname').fill('晓林')
  await el(page, 'mine-nickname-save').click()
  await expect.poll(() => el(page, 'mine-name').textContent(), { timeout: 15_000 }).toBe('晓林')
  expect((await t.deps.db.resident.findUniqueOrThrow({ where: { id: residentId } })).nickname).toBe('晓林')
  expect(await el(page, 'mine-nickname-edit').textContent()).toBe('修改昵称')
  await screenshot(page, 'resident-mine')

  // The booking form: name and phone from the last booking; 今天起 7 个工作日 lists 7 days.
  await openPage(page, t.url, pageUrl('appointmentBook', { itemId: item.id }))
  await expect.poll(() => input(page, 'book-name').inputValue(), { timeout: 15_000 }).toBe('林晓')
  expect(await input(page, 'book-phone').inputValue()).toBe('13711112222')
  expect(await el(page, 'book-prefilled').count()).toBe(1)
  expect(await el(page, 'book-window').textContent()).toBe('可预约今天起 7 个工作日内的时段，节假日不办理。')
  const days = page.locator('[data-testid^="book-date-"]')
  expect(await days.count()).toBe(7)
  expect(await el(page, 'book-date-2026-10-13').count()).toBe(0)

  // The strip reads the setting.
  const admin = await t.staff('admin')
  await admin.call('updateSettings', { body: { booking: { maxWorkdaysAhead: 4 } } })
  try {
    await page.reload()
    await expect.poll(() => el(page, 'book-window').textContent(), { timeout: 15_000 }).toBe('可预约今天起 4 个工作日内的时段，节假日不办理。')
    expect(await days.count()).toBe(4)
    expect(await el(page, 'book-date-2026-10-08').count()).toBe(1)
    expect(await el(page, 'book-date-2026-10-09').count()).toBe(0)
  } finally {
    await admin.call('updateSettings', { body: { booking: { maxWorkdaysAhead: 7 } } })
  }
  expect(errors).toEqual([])
  await context.close()
})

it('确认办结 appears only after a reply; a replied but open case is not called 办结', async () => {
  const { page, errors, context } = await consentedPhonePage(browser, t, 'e2e-close')
  const r = await t.resident('e2e-close')
  const street = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206001' } })
  const c = await r.call('createConsultation', { body: { kind: 'CONSULT', orgId: street.id, title: '老年人乘车卡在哪里办', content: '请问老年人乘车卡需要带什么材料？', allowPublish: false } })

  await openPage(page, t.url, pageUrl('consultationDetail', { id: c.id }))
  await expect.poll(() => el(page, 'cs-close-later').textContent(), { timeout: 15_000 }).toBe('工作人员答复后，您可以确认办结。')
  expect(await el(page, 'cs-close').count()).toBe(0)
  expect(await el(page, 'cs-send').count()).toBe(1)

  await (await t.staff('handler')).call('replyConsultation', { params: { id: c.id }, body: { content: '您好，请携带身份证和一寸照片到街道便民服务中心办理。' } })
  await page.reload()
  await expect.poll(() => el(page, 'cs-status').textContent(), { timeout: 15_000 }).toBe('已答复')
  expect(await el(page, 'cs-auto-close').textContent()).toContain('已答复，尚未办结')
  expect(await el(page, 'cs-close-later').count()).toBe(0)

  // 好差评 → 待评价: the answered case says when it was answered, not 办结.
  await openPage(page, t.url, pageUrl('ratingsMine'))
  const pending = el(page, `pending-${c.id}`)
  await expect.poll(() => pending.textContent(), { timeout: 15_000 }).toContain('答复 ·')
  expect(await pending.textContent()).not.toContain('办结')

  await openPage(page, t.url, pageUrl('consultationDetail', { id: c.id }))
  await el(page, 'cs-close').click()
  await page.locator('.taro-model__confirm').click()
  await expect.poll(() => el(page, 'cs-status').textContent(), { timeout: 15_000 }).toBe('已办结')
  expect((await t.deps.db.consultation.findUniqueOrThrow({ where: { id: c.id } })).closedBy).toBe('RESIDENT')
  expect(errors).toEqual([])
  await context.close()
})
