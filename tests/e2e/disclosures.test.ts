// 依申请公开 in the H5 build: a resident applies, supplies a 补正 and opens the reply document; a handler works the
// queue (overdue badge, outcome picker grouped like the annual report table, a decision letter uploaded with the reply).
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { PDF_MIN, upload } from '../support/uploads'
import { pageUrl } from '@bianmin/shared'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-09-28T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

const field = (page: Page, id: string, tag: 'input' | 'textarea' = 'input') => page.locator(`[data-testid="${id}"] ${tag}`)

it('a resident applies, supplies a 补正 and opens the reply document', async () => {
  const { context, page, errors } = await consentedPhonePage(browser, t)
  await openPage(page, t.url, pageUrl('home'))
  await page.getByTestId('entry-disclosure').click()
  await page.getByTestId('disclosure-apply').click()

  // Submitting an empty form explains what is missing and sends nothing.
  await page.getByTestId('apply-submit').click()
  await expect.poll(() => page.getByTestId('error-description').textContent()).toContain('请填写')
  expect(await page.getByTestId('error-consent').textContent()).toContain('同意')

  await field(page, 'field-description', 'textarea').fill('申请公开湖里街道2026年老旧小区改造项目清单及资金安排')
  await field(page, 'field-purpose').fill('了解小区改造安排')
  await page.getByTestId('form-PAPER').click()
  await field(page, 'field-contactName').fill('李明')
  await field(page, 'field-contactPhone').fill('13812345678')
  await page.getByTestId('field-consent').click()
  // The applicant's ID number is asked for, and paper needs a postal address: both said at the field, nothing sent.
  await page.getByTestId('apply-submit').click()
  await expect.poll(() => page.getByTestId('error-applicantIdNumber').textContent()).toBe('请填写身份证号或统一社会信用代码')
  expect(await page.getByTestId('error-postalAddress').textContent()).toBe('申请纸质文件时请填写邮寄地址')
  expect(await t.deps.db.disclosure.count({ where: { description: { startsWith: '申请公开湖里街道2026年老旧小区改造' } } })).toBe(0)
  await field(page, 'field-applicantIdNumber').fill('350203199001011234')
  await field(page, 'field-postalAddress').fill('厦门市湖里区东荣路 22 号 3 楼')
  await screenshot(page, 'disclosure-apply')
  await page.getByTestId('apply-submit').click()

  // The detail page confirms it with the 申请编号: received on Monday, due 20 working days later across the 国庆 holiday.
  await expect.poll(() => page.getByTestId('detail-due').textContent(), { timeout: 15_000 }).toBe('2026-10-30')
  const row = await t.deps.db.disclosure.findFirstOrThrow({ where: { description: { startsWith: '申请公开湖里街道2026年老旧小区改造' } } })
  expect(row.form).toBe('PAPER')
  expect(row.residentId).toBeTruthy()
  expect(row.serialNo).toMatch(/^2026-\d{6}$/)
  const banner = await page.getByTestId('submitted-banner').textContent()
  expect(banner).toContain('申请已提交')
  expect(banner).toContain(`申请编号 ${row.serialNo}`)
  expect(banner).toContain('2026-10-30 前答复')
  expect(await page.getByTestId('detail-serial').textContent()).toBe(row.serialNo)
  expect(await page.getByTestId('detail-postal').textContent()).toBe('厦门市湖里区东荣路 22 号 3 楼')
  expect(await page.getByTestId('detail-id-number').textContent()).toMatch(/^3502\*+1234$/)
  expect(t.deps.cipher.decrypt(row.applicantIdEnc!)).toBe('350203199001011234')
  await screenshot(page, 'disclosure-submitted')

  // My list shows it with its deadline.
  await openPage(page, t.url, pageUrl('disclosures'))
  const item = page.getByTestId('disclosure-item').filter({ hasText: '老旧小区改造' })
  await expect.poll(() => item.getByTestId('disclosure-due').textContent()).toBe('答复期限 2026-10-30')
  await screenshot(page, 'disclosure-list')

  // Staff ask for a 补正; the resident answers it on 10-09 and the clock restarts from that day.
  const handler = await t.staff('handler')
  await handler.call('requestDisclosureCorrection', { params: { id: row.id }, body: { content: '请写明所需信息涉及的社区名称' } })
  t.deps.clock.freeze('2026-10-09T10:00:00+08:00')
  await openPage(page, t.url, pageUrl('disclosureDetail', { id: row.id }))
  await expect.poll(() => page.getByTestId('correction-request').textContent()).toBe('请写明所需信息涉及的社区名称')
  await field(page, 'correction-input', 'textarea').fill('湖里社区、东荣社区')
  await page.getByTestId('correction-submit').click()
  // 10-10 (调休), 10-12 … 11-05: 20 working days from the day of the 补正
  await expect.poll(() => page.getByTestId('detail-due').textContent()).toBe('2026-11-05')
  await expect.poll(() => page.getByTestId('correction-box').count()).toBe(0)

  // The handler replies 予以公开 with a document.
  const staff = await t.staff('handler', TEST_PASSWORD)
  const doc = await upload(t.url, staff.token, PDF_MIN, '政府信息公开申请答复书.pdf', 'application/pdf')
  expect(doc.status).toBe(201)
  await staff.call('replyDisclosure', { params: { id: row.id }, body: { outcome: 'DISCLOSED', content: '现将您申请的改造项目清单提供给您，详见附件。', attachmentIds: [doc.body.id!] } })

  await page.reload()
  await expect.poll(() => page.getByTestId('reply-outcome').textContent()).toBe('答复结果：予以公开')
  expect(await page.getByTestId('reply-content').textContent()).toContain('改造项目清单')
  await screenshot(page, 'disclosure-replied')
  const opened = context.waitForEvent('response', { predicate: (r) => r.url().includes(`/api/v1/uploads/${doc.body.id}`) })
  await page.getByTestId('reply-attachment').click()
  const file = await opened
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toBe('application/pdf')
  expect(errors).toEqual([])
  await context.close()
})

it('a handler sees an overdue request in the queue and replies with an outcome from the grouped picker', async () => {
  t.deps.clock.freeze('2026-09-28T11:00:00+08:00')
  const applicant = await t.resident('e2e-late-applicant')
  const d = await applicant.call('createDisclosure', {
    body: { applicantType: 'COMMERCIAL', applicantName: '厦门某某物业有限公司', orgId: (await t.deps.db.org.findFirstOrThrow({ where: { code: '350206001' } })).id, description: '申请公开小区公共收益审计报告', form: 'ELECTRONIC', contactName: '周强', contactPhone: '13700001111', applicantIdNumber: '91350200MA0000000X' },
  })
  t.deps.clock.freeze('2026-11-02T09:00:00+08:00') // the deadline (10-30) has passed

  const { context, page, errors } = await phonePage(browser)
  await openPage(page, t.url, pageUrl('staffLogin'))
  await field(page, 'staff-username').fill('handler')
  await field(page, 'staff-password').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor()
  await openPage(page, t.url, pageUrl('staffDisclosures'))
  const item = page.getByTestId('staff-disclosure-item').filter({ hasText: '公共收益审计报告' })
  await expect.poll(() => item.getByTestId('staff-disclosure-badge').textContent(), { timeout: 15_000 }).toBe('已超期')
  await screenshot(page, 'disclosure-staff-queue')

  await item.click()
  await expect.poll(() => page.getByTestId('staff-detail-status').textContent()).toBe('已超期')
  await page.getByTestId('action-reply').click()
  // The picker lists the outcomes under the table's headings; 逾期不补正 is the system's, not offered.
  expect(await page.getByTestId('outcome-group-WITHHELD').locator('[data-testid^="outcome-"]').count()).toBe(8)
  expect(await page.getByTestId('outcome-OTHER_NO_CORRECTION').count()).toBe(0)
  await page.getByTestId('action-submit').click()
  await expect.poll(() => page.getByTestId('action-error').textContent()).toBe('请选择答复结果')
  await page.getByTestId('outcome-WITHHELD_THIRD_PARTY').click()
  await field(page, 'action-detail').fill('审计报告涉及第三方商业秘密')
  await field(page, 'action-text', 'textarea').fill('经征求第三方意见，该报告涉及商业秘密，决定不予公开。')
  // The decision letter goes with the reply.
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('reply-add-file').click()
  await (await chooser).setFiles({ name: '不予公开告知书.pdf', mimeType: 'application/pdf', buffer: PDF_MIN })
  await expect.poll(() => page.getByTestId('reply-file').textContent()).toContain('不予公开告知书.pdf')
  await screenshot(page, 'disclosure-staff-reply')
  await page.getByTestId('action-submit').click()
  await expect.poll(() => page.getByTestId('staff-detail-status').textContent()).toBe('已答复')
  expect(await page.getByTestId('staff-reply-outcome').textContent()).toBe('不予公开 · 4.保护第三方合法权益')

  // The applicant's 30-day token from 09-28 has expired by now: sign in again.
  const seen = await (await t.resident('e2e-late-applicant')).call('getDisclosure', { params: { id: d.id } })
  expect(seen).toMatchObject({ status: 'REPLIED', outcome: 'WITHHELD_THIRD_PARTY', outcomeDetail: '审计报告涉及第三方商业秘密' })
  expect(seen.attachments.map((a) => a.name)).toEqual(['不予公开告知书.pdf'])
  expect(errors).toEqual([])
  await context.close()
})
