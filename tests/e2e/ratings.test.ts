// 好差评 in the H5 build: a resident rates a finished appointment 不满意 with a tag, a handler works the case to
// 办结 in the staff pages, and the resident sees the result and says whether it satisfies them.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, createOrg, createStaff, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { pageUrl } from '@bianmin/shared'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp
let browser: Browser
let appointmentId: string

/** Taro's H5 storage keeps each value as JSON `{ data }`. */
const taroStorage = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, JSON.stringify({ data: v })]))

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY })
  browser = await launchBrowser()
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  const street = await createOrg(t.deps, '测试街道', 'STREET', district)
  const hall = await t.deps.db.hall.create({ data: { orgId: street.id, name: '测试街道便民服务中心', address: '测试路 1 号' } })
  const item = await t.deps.db.serviceItem.create({ data: { orgId: street.id, code: 'E2E-1', name: '居住证办理', category: '户籍居住', materials: [], timeLimitDays: 5 } })
  await createStaff(t.deps, 'handler1', 'HANDLER', street.id)
  // The resident the browser signs in as (mock WeChat code "e2erater"), with a finished appointment an hour ago.
  const resident = await t.resident('e2erater')
  const doneAt = new Date(new Date(MONDAY).getTime() - 3600_000)
  const slot = await t.deps.db.slot.create({ data: { hallId: hall.id, date: '2026-11-23', start: '08:00', end: '08:30', startsAt: doneAt, capacity: 3, booked: 1 } })
  const a = await t.deps.db.appointment.create({
    data: {
      residentId: resident.id, slotId: slot.id, serviceItemId: item.id, hallId: hall.id, date: '2026-11-23', status: 'DONE', code: 'E2E1',
      contactName: '王小明', contactPhoneEnc: t.deps.cipher.encrypt('13912345678'), doneAt,
    },
  })
  appointmentId = a.id
})
afterAll(async () => { await browser?.close(); await t?.close() })

/** Types into the textarea of a Taro Textarea found by test id. */
async function typeInto (page: Page, testId: string, text: string) {
  const area = page.getByTestId(testId).locator('textarea')
  await area.fill(text)
}

it('a resident rates a finished appointment 不满意, a handler closes the case, the resident sees the result', async () => {
  const resident = await phonePage(browser, { storage: taroStorage({ bm_h5_code: 'e2erater' }) })
  const { page } = resident

  // 好差评 → 待评价 → the rate page.
  await openPage(page, t.url, pageUrl('ratingsMine'))
  await page.getByTestId(`pending-${appointmentId}`).click()
  await page.getByTestId('rate-subject').waitFor()
  expect(await page.getByTestId('rate-subject').textContent()).toBe('居住证办理')

  // 不满意 without a reason: the server's field message is shown next to the tags.
  await page.getByTestId('level-2').click()
  await page.getByTestId('rate-submit').click()
  await page.getByTestId('error-tags').waitFor()
  expect(await page.getByTestId('error-tags').textContent()).toContain('差评请至少选择一个原因标签')
  await page.getByTestId('tag-等候时间长').click()
  await page.getByTestId('dim-attitude-2').click()
  await typeInto(page, 'rate-comment', '预约了九点，等了四十分钟')
  await screenshot(page, 'ratings-rate')
  await page.getByTestId('rate-submit').click()

  // The detail page: the rectification case is open.
  await page.getByTestId('rect-status').waitFor()
  expect(await page.getByTestId('rect-status').textContent()).toBe('待核实')
  expect(await page.getByTestId('rating-level').textContent()).toBe('不满意')
  const rating = await t.deps.db.rating.findUniqueOrThrow({ where: { subjectType_subjectId: { subjectType: 'APPOINTMENT', subjectId: appointmentId } }, include: { rectification: true } })
  expect(rating).toMatchObject({ level: 2, tags: ['等候时间长'], comment: '预约了九点，等了四十分钟', dimensions: { attitude: 2 } })

  // The handler works the case in the staff pages: 核实 → 整改 → 回访 (with the revealed phone) → 办结.
  const { token } = await t.staff('handler1')
  const staff = await phonePage(browser, { storage: taroStorage({ bm_staff_token: token }) })
  const sp = staff.page
  await openPage(sp, t.url, pageUrl('staffRectifications'))
  await sp.getByTestId(`rect-${rating.rectification!.id}`).click()
  await sp.getByTestId('rect-actions').waitFor()
  expect(await sp.getByTestId('contact-phone').textContent()).toBe('139****5678')
  const steps: [string, string, string][] = [
    ['verify', '经核实，当日上午等候时间较长', '已核实'],
    ['rectify', '高峰时段增开一个综合窗口', '已整改'],
    ['revisit', '电话回访，群众表示认可', '已回访'],
    ['close', '已增开窗口，高峰等候缩短到 15 分钟以内', '已办结'],
  ]
  for (const [action, note, status] of steps) {
    if (action === 'revisit') {
      await sp.getByTestId('reveal-phone').click()
      await sp.getByText('13912345678').waitFor()
    }
    await typeInto(sp, 'rect-note', note)
    await sp.getByTestId(`action-${action}`).click()
    await sp.getByTestId('rect-status').getByText(status, { exact: true }).waitFor()
  }
  expect(await sp.getByTestId('rect-result').textContent()).toContain('已增开窗口')
  // Verified and closed: the 差评 was accepted, so no 申诉 is offered any more.
  expect(await sp.getByTestId('appeal-closed').textContent()).toBe('该差评已核实整改并办结，不能再申诉。')
  expect(await sp.getByTestId('appeal-submit').count()).toBe(0)
  await screenshot(sp, 'ratings-staff-closed')
  expect((await t.deps.db.auditLog.findMany({ where: { targetId: rating.rectification!.id } })).map((x) => x.action).sort())
    .toEqual(['rectification.close', 'rectification.contact_revealed', 'rectification.rectify', 'rectification.revisit', 'rectification.verify'])

  // The resident sees the case closed with its steps and result, and says it satisfies them.
  await page.reload()
  await page.getByTestId('rect-status').getByText('已办结', { exact: true }).waitFor()
  expect(await page.getByTestId('rect-result').textContent()).toBe('已增开窗口，高峰等候缩短到 15 分钟以内')
  for (const action of ['VERIFY', 'RECTIFY', 'REVISIT', 'CLOSE']) await page.getByTestId(`step-${action}`).waitFor()
  await page.getByTestId('feedback-satisfied').click()
  await page.getByTestId('feedback-given').waitFor()
  expect(await page.getByTestId('feedback-given').textContent()).toContain('满意')
  await screenshot(page, 'ratings-resident-closed')
  expect((await t.deps.db.rectification.findUniqueOrThrow({ where: { id: rating.rectification!.id } })).residentSatisfied).toBe(true)

  // 评价公示 shows the figures.
  await openPage(page, t.url, pageUrl('ratingStats'))
  await page.getByTestId('stat-rated').waitFor()
  expect(await page.getByTestId('stat-bad').textContent()).toBe('1')
  expect(await page.getByTestId('stat-rect-rate').textContent()).toBe('100.0%')
  expect(resident.errors).toEqual([])
  expect(staff.errors).toEqual([])
})
