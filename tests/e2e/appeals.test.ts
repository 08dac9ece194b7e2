// 申诉复核 in the H5 build against the real server: a community handler's 申诉 against a 差评 waits for a reviewer of
// the street. At a desk (1280×800) the appeals are a table and the chosen one opens beside it, where the reviewer
// upholds it with a note (the rating leaves the statistics); on a phone (375×812) each appeal is a card.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createOrg, createStaff, startTestApp, type TestApp } from '../support/app'
import { launchBrowser, phonePage, screenshot } from '../support/browser'
import { deskPage, staffSignIn } from '../support/staff-browser'

const MONDAY = '2026-11-23T09:00:00+08:00'
let t: TestApp
let browser: Browser
const appeals: { id: string; ratingId: string }[] = []

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY })
  browser = await launchBrowser()
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  const street = await createOrg(t.deps, '测试街道', 'STREET', district)
  const community = await createOrg(t.deps, '测试社区', 'COMMUNITY', street)
  const hall = await t.deps.db.hall.create({ data: { orgId: community.id, name: '测试社区服务站', address: '测试路 2 号' } })
  const item = await t.deps.db.serviceItem.create({ data: { orgId: community.id, code: 'E2E-AP', name: '居住证明开具', category: '户籍居住', materials: [], timeLimitDays: 1 } })
  await createStaff(t.deps, 'chandler', 'HANDLER', community.id)
  await createStaff(t.deps, 'sreviewer', 'REVIEWER', street.id)
  const resident = await t.resident('e2e-appeal-rater')
  const handler = await t.staff('chandler')
  const doneAt = new Date(new Date(MONDAY).getTime() - 3600_000)
  for (const [i, comment] of ['窗口人员态度生硬', '材料一次没说清楚'].entries()) {
    const slot = await t.deps.db.slot.create({ data: { hallId: hall.id, date: '2026-11-23', start: `08:0${i}`, end: '08:30', startsAt: doneAt, capacity: 3, booked: 1, windowKey: `ap${i}` } })
    const a = await t.deps.db.appointment.create({
      data: { residentId: resident.id, slotId: slot.id, serviceItemId: item.id, hallId: hall.id, date: '2026-11-23', status: 'DONE', code: `AP${i}`, contactName: '王小明', contactPhoneEnc: t.deps.cipher.encrypt('13912345678'), doneAt },
    })
    const r = await resident.call('createRating', { body: { subjectType: 'APPOINTMENT', subjectId: a.id, level: 1, tags: ['态度生硬'], comment } as never })
    const appeal = await handler.call('appealRating', { params: { id: r.rectification!.id }, body: { reason: 'MALICIOUS', note: `监控显示评价人未到窗口办理（第${i + 1}件）` } })
    appeals.push({ id: appeal.id, ratingId: r.id })
  }
}, 120_000)
afterAll(async () => { await browser?.close(); await t?.close() })

const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

const signIn = (page: Page, username: string) => staffSignIn(page, t, username, 'staffAppeals')

it('at a desk: the appeals as a table, the chosen one beside it; 申诉成立 with a note excludes the rating', async () => {
  const { page, errors, close } = await deskPage(browser)
  await signIn(page, 'sreviewer')
  await expect.poll(() => visible(page, 'appeal-item').count(), { timeout: 30_000 }).toBe(2)
  expect(await page.locator('.staff-table__head:visible [role="columnheader"]').allTextContents()).toEqual(expect.arrayContaining(['评价', '状态', '申诉理由']))
  await visible(page, 'appeal-item').first().click()
  const pane = visible(page, 'staff-detail-pane')
  const card = pane.locator('[data-testid^="appeal-"]').first()
  await card.waitFor({ timeout: 15_000 })
  const id = (await card.getAttribute('data-testid'))!.slice('appeal-'.length)
  const chosen = appeals.find((a) => a.id === id)!
  expect(await card.textContent()).toContain('恶意差评')
  await pane.locator('[data-testid="appeal-note"] textarea').fill('经调取监控，申诉成立')
  await pane.getByTestId('appeal-uphold').click()
  await expect.poll(() => visible(page, 'appeal-item').first().textContent(), { timeout: 15_000 }).toContain('申诉成立')
  expect(await t.deps.db.ratingAppeal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'UPHELD', decisionNote: '经调取监控，申诉成立' })
  expect((await t.deps.db.rating.findUniqueOrThrow({ where: { id: chosen.ratingId } })).excluded).toBe(true)
  await screenshot(page, 'appeals-desk')
  expect(errors).toEqual([])
  await close()
})

it('on a phone: each appeal is a card with its decision buttons, nothing wider than the screen', async () => {
  const { page, errors, context } = await phonePage(browser)
  await signIn(page, 'sreviewer')
  await visible(page, 'appeal-filter-all').click()
  await expect.poll(() => page.locator('[data-testid^="appeal-"][class*="bm-card"]:visible').count(), { timeout: 30_000 }).toBe(2)
  expect(await page.locator('[data-testid="staff-detail-pane"]:visible').count()).toBe(0)
  expect(await visible(page, 'appeal-uphold').count()).toBe(1) // the one still pending
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true)
  await screenshot(page, 'appeals-phone')
  expect(errors).toEqual([])
  await context.close()
})
