// 在线咨询 in the H5 build: a resident submits a complaint with a photo, a handler answers it from the staff inbox,
// the resident reads the answer and rates the service.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { PNG_1PX } from '../support/uploads'
import { pageUrl } from '@bianmin/shared'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const field = (page: Page, id: string, tag: 'input' | 'textarea' = 'input') => page.locator(`[data-testid="${id}"] ${tag}`)
const TITLE = '东荣路人行道地砖破损'
/** Screenshot once the H5 router's page slide-in has finished. */
const shot = async (page: Page, name: string) => {
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page')
    const current = pages[pages.length - 1]
    return !current || Math.abs(current.getBoundingClientRect().left) < 1
  }, undefined, { timeout: 5000 })
  await screenshot(page, name)
}

it('a resident submits a complaint with a photo, a handler replies in the staff pages, the resident reads and rates it', async () => {
  // The browser's resident signs in with a known H5 code, already past the privacy notice (tested on its own).
  const code = `e2e_cs_${Date.now()}`
  await t.resident(code)
  const resident = await phonePage(browser, { storage: { bm_h5_code: JSON.stringify({ data: code }) } })
  const page = resident.page
  await openPage(page, t.url, pageUrl('home'))
  await page.getByTestId('entry-consult').click()
  await page.getByTestId('cs-new').click()

  // An empty form explains what is missing and sends nothing.
  await page.getByTestId('cs-submit').click()
  await expect.poll(() => page.getByTestId('cs-error-title').textContent()).toBe('请填写标题')
  expect(await t.deps.db.consultation.count({ where: { title: TITLE } })).toBe(0)

  await page.getByTestId('cs-kind-COMPLAINT').click()
  await field(page, 'cs-title').fill(TITLE)
  await expect.poll(() => page.getByTestId('cs-error-title').count()).toBe(0)
  await field(page, 'cs-content', 'textarea').fill('东荣路 22 号门口的人行道地砖翘起好几块，老人推车经过很容易绊倒，请尽快修复。')
  await expect.poll(() => page.getByTestId('cs-counter').textContent()).toBe('40/2000')
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('cs-add-image').click()
  await (await chooser).setFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG_1PX })
  await expect.poll(() => page.locator('.cs-new__thumb img').count(), { timeout: 15_000 }).toBe(1)
  await page.getByTestId('cs-allow-publish').click()
  await shot(page, 'consultation-form')
  await page.getByTestId('cs-submit').click()

  // The thread view: a complaint on Monday is due five working days later.
  await expect.poll(() => page.getByTestId('cs-detail-title').textContent(), { timeout: 15_000 }).toBe(TITLE)
  expect(await page.getByTestId('cs-due').textContent()).toContain('11月30日前答复')
  const row = await t.deps.db.consultation.findFirstOrThrow({ where: { title: TITLE } })
  expect(row).toMatchObject({ kind: 'COMPLAINT', allowPublish: true, status: 'SUBMITTED' })
  const image = await t.deps.db.upload.findFirstOrThrow({ where: { refType: 'CONSULTATION', refId: row.id } })
  expect(image.mime).toBe('image/png')
  await expect.poll(() => page.locator('[data-testid="cs-images"] img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([1])
  await shot(page, 'consultation-submitted')

  // The handler signs in, sees the demo's overdue complaint badge and the new case, and answers it.
  const staff = await phonePage(browser)
  const desk = staff.page
  await openPage(desk, t.url, pageUrl('staffLogin'))
  await field(desk, 'staff-username').fill('handler')
  await field(desk, 'staff-password').fill(TEST_PASSWORD)
  await desk.getByTestId('staff-login-submit').click()
  await desk.getByTestId('staff-name').waitFor()
  await desk.getByTestId('entry-inbox').click()
  await expect.poll(() => desk.getByTestId('cs-overdue').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
  const item = desk.getByTestId('cs-inbox-item').filter({ hasText: TITLE })
  await expect.poll(() => item.count()).toBe(1)
  await shot(desk, 'consultation-inbox')
  await item.click()
  await expect.poll(() => desk.getByTestId('cs-staff-title').textContent()).toBe(TITLE)
  await expect.poll(() => desk.locator('[data-testid="cs-images"] img').count()).toBe(1)
  await desk.getByTestId('cs-reply-send').click()
  await expect.poll(() => desk.getByTestId('cs-reply-error').textContent()).toBe('请填写答复内容')
  await field(desk, 'cs-reply', 'textarea').fill('您好，已安排市政维修人员于本周三前更换破损地砖，感谢您的反映。')
  await desk.getByTestId('cs-reply-send').click()
  await expect.poll(() => desk.getByTestId('cs-msg-staff').count()).toBe(1)
  expect(await desk.getByTestId('cs-msg-staff').textContent()).toContain('张伟 答复')
  await shot(desk, 'consultation-replied-staff')
  // The resident allowed publishing: the handler publishes the Q&A (personal data masked by the server).
  await desk.getByTestId('cs-publish').click()
  await expect.poll(() => t.deps.db.consultation.count({ where: { id: row.id, published: true } })).toBe(1)
  expect(staff.errors).toEqual([])
  await staff.context.close()

  // The resident reads the answer (signed by the office, not the person) and rates it.
  await page.reload()
  await expect.poll(() => page.getByTestId('cs-msg-staff').textContent(), { timeout: 15_000 }).toContain('更换破损地砖')
  expect(await page.getByTestId('cs-msg-staff').textContent()).not.toContain('张伟')
  const notice = await t.deps.db.notification.findFirstOrThrow({ where: { kind: 'CONSULTATION_REPLIED', residentId: row.residentId! } })
  expect(notice.title).toBe('您的留言已答复')
  await shot(page, 'consultation-replied-resident')
  await page.getByTestId('cs-rate').click()
  await expect.poll(() => page.getByTestId('rate-subject').count(), { timeout: 15_000 }).toBe(1)
  await page.getByTestId('level-5').click()
  await page.getByTestId('rate-submit').click()
  await expect.poll(() => t.deps.db.rating.count({ where: { subjectType: 'CONSULTATION', subjectId: row.id } }), { timeout: 15_000 }).toBe(1)
  expect((await t.deps.db.rating.findFirstOrThrow({ where: { subjectId: row.id } })).level).toBe(5)

  // The published answer is listed for everyone, with the street number masked.
  await openPage(page, t.url, pageUrl('consultationsPublic'))
  const published = page.getByTestId('cs-public-item').filter({ hasText: TITLE })
  await expect.poll(() => published.count(), { timeout: 15_000 }).toBe(1)
  expect(await published.textContent()).toContain('东荣路 ** 号门口')
  await shot(page, 'consultation-public')
  expect(resident.errors).toEqual([])
  await resident.context.close()
})
