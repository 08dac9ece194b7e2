// 服务管理 and the holiday import in the H5 build at desk width (1280×800), against the real server: an admin creates
// a service item (办事指南 with a material), a hall and a window that handles it, a weekly template in the week grid,
// previews and generates next week's slots; a resident books one in the app; then the admin, warned on the workbench
// that 2027 has no official data, imports a holiday range and the slots of those days close (the booking cancelled).
// The hall gets a business line (业务线) for the item. The 审计日志 entries of the hall, window, line, item and template
// open each of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app'
import { consentedPhonePage, launchBrowser, openPage, screenshot } from '../support/browser'

const TODAY = '2026-11-23' // a Monday; next week is 11-30 … 12-06
let t: TestApp
let browser: Browser
let page: Page
let errors: string[]

const input = (id: string) => page.locator(`[data-testid="${id}"] input`)
const confirmModal = () => page.locator('.taro-model__confirm').click()

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: `${TODAY}T09:00:00+08:00` })
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  page = await context.newPage()
  errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await openPage(page, t.url, pageUrl('staffLogin'))
  await page.getByTestId('staff-username').locator('input').fill('admin')
  await page.getByTestId('staff-password').locator('input').fill(TEST_PASSWORD)
  await page.getByTestId('staff-login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: 30_000 })
}, 120_000)
afterAll(async () => { await browser?.close(); await t?.close() })

describe('服务管理 at a desk', () => {
  it('creates an item, a hall, a window and a weekly template, generates next week; a resident books a slot', async () => {
    // 办事指南: a new item with one material (复印件, 2 份).
    await openPage(page, t.url, pageUrl('staffServiceItems'))
    await page.getByTestId('item-new').click()
    await input('item-code').fill('E2E-JZ-01')
    await input('item-name').fill('测试居住登记')
    await input('item-category').fill('户籍居住')
    await input('item-timeLimitDays').fill('5')
    await page.getByTestId('material-add').click()
    await input('material-name-0').fill('租赁合同')
    await page.getByTestId('material-form-0-COPY').click()
    await input('material-copies-0').fill('2')
    await page.getByTestId('item-save').click()
    await page.getByTestId('item-guide').waitFor({ timeout: 15_000 })
    const item = await t.deps.db.serviceItem.findUniqueOrThrow({ where: { code: 'E2E-JZ-01' } })
    expect(item.materials).toEqual([{ name: '租赁合同', form: 'COPY', copies: 2 }])
    await screenshot(page, 'catalogue-item')

    // 服务中心与窗口: a hall, then a window that handles the item.
    await openPage(page, t.url, pageUrl('staffHalls'))
    await page.getByTestId('hall-new').click()
    await input('hall-name').fill('测试便民服务站')
    await input('hall-address').fill('测试路 8 号')
    await input('hall-hours').fill('周一至周五 9:00-17:00')
    await page.getByTestId('hall-save').click()
    await page.getByTestId('window-add').click()
    const form = page.getByTestId('window-new')
    await form.locator('[data-testid="window-number"] input').fill('8')
    await form.locator('[data-testid="window-name"] input').fill('综合受理')
    await form.getByTestId('window-item-E2E-JZ-01').click()
    await form.getByTestId('window-save').click()
    await page.getByTestId('window-8').waitFor({ timeout: 15_000 })
    const hall = await t.deps.db.hall.findFirstOrThrow({ where: { name: '测试便民服务站' }, include: { windows: { include: { items: true } } } })
    expect(hall.windows[0]!.items.map((i) => i.serviceItemId)).toEqual([item.id])
    expect((await t.anon('getServiceItem', { params: { id: item.id } })).halls.map((h) => h.name)).toEqual(['测试便民服务站'])

    // 业务线: F 户籍业务 takes the item; a walk-in ticket for it at the desk is numbered F001.
    await page.getByTestId('line-add').click()
    const lf = page.getByTestId('line-new')
    await lf.locator('[data-testid="line-prefix"] input').fill('F')
    await lf.locator('[data-testid="line-name"] input').fill('户籍业务')
    await lf.getByTestId('line-item-E2E-JZ-01').click()
    await lf.getByTestId('line-save').click()
    await page.getByTestId('line-F').waitFor({ timeout: 15_000 })
    const line = await t.deps.db.hallLine.findFirstOrThrow({ where: { hallId: hall.id }, include: { items: true } })
    expect([line.prefix, line.name, line.items.map((i) => i.serviceItemId)]).toEqual(['F', '户籍业务', [item.id]])
    const clerk = await t.staff('clerk')
    expect((await clerk.call('issueDeskTicket', { params: { id: hall.id }, body: { serviceItemId: item.id } })).number).toBe('F001')
    // 大厅设备: the 叫号屏 address to type into the TV; it opens in a new tab and shows the new hall.
    expect(await page.getByTestId('device-screen-url').textContent()).toBe(`${new URL(t.url).origin}/#/hall/queue/screen/index?id=${hall.id}`)
    const [tv] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('device-open-screen').click()])
    await expect.poll(() => tv.getByTestId('screen-hall').textContent(), { timeout: 20_000 }).toBe('测试便民服务站')
    await tv.close()
    await screenshot(page, 'catalogue-hall')

    // 时段模板: Monday 09:00–09:30, 2 个号, in the week grid; then preview and generate next week.
    await page.getByTestId('hall-templates').click()
    await page.getByTestId('template-add-1').click()
    await input('template-capacity').fill('2')
    await page.getByTestId('template-save').click()
    await expect.poll(() => page.getByTestId('week-day-1').getByTestId('template').textContent(), { timeout: 15_000 }).toContain('09:00–09:30')
    await page.getByTestId('generate-preview').click()
    await expect.poll(() => page.getByTestId('generate-summary').textContent(), { timeout: 15_000 }).toBe('2026-11-30 至 2026-12-06：新增 1 个，关闭 0 个，不变 0 个')
    expect(await page.getByTestId('plan-row').textContent()).toContain('按模板新增')
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id } })).toBe(0) // a preview creates nothing
    await screenshot(page, 'catalogue-generate-preview')
    await page.getByTestId('generate-apply').click()
    await expect.poll(() => page.getByTestId('generate-done').textContent(), { timeout: 15_000 }).toBe('已生成 1 个时段')
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id, date: '2026-11-30', start: '09:00', capacity: 2 } })).toBe(1)

    // A resident books it in the app.
    const resident = await consentedPhonePage(browser, t)
    const rp = resident.page
    await openPage(rp, t.url, pageUrl('serviceDetail', { id: item.id }))
    await expect.poll(() => rp.getByTestId('guide-name').textContent(), { timeout: 15_000 }).toBe('测试居住登记')
    expect(await rp.getByTestId('guide-materials').textContent()).toContain('租赁合同')
    await rp.getByTestId('guide-book').click()
    await rp.getByTestId('book-date-2026-11-30').click({ timeout: 15_000 })
    await rp.getByTestId('book-slot-09:00').click()
    await rp.locator('[data-testid="book-name"] input').fill('王建国')
    await rp.locator('[data-testid="book-phone"] input').fill('13812345678')
    await rp.getByTestId('book-submit').click()
    await rp.getByTestId('booked-banner').waitFor({ timeout: 15_000 })
    expect(await t.deps.db.appointment.count({ where: { hallId: hall.id, status: 'BOOKED', contactName: '王建国' } })).toBe(1)
    expect(resident.errors).toEqual([])
    await resident.context.close()
    expect(errors).toEqual([])
  }, 180_000)

  it('imports a holiday range from the workbench warning; the slots of those days close and the booking is cancelled', async () => {
    await openPage(page, t.url, pageUrl('staffHome'))
    await expect.poll(() => page.getByTestId('calendar-warning').textContent(), { timeout: 15_000 }).toContain('2027年的节假日安排尚未导入')
    await page.getByTestId('calendar-warning-import').click()
    await input('import-name').fill('关于11月30日至12月1日临时放假的通知（测试）')
    await input('import-year').fill('2026')
    await page.locator('[data-testid="import-text"] textarea').fill('一、临时放假：11月30日（周一）至12月1日（周二）放假，共2天。')
    await page.getByTestId('import-preview-run').click()
    await expect.poll(() => page.getByTestId('import-changed').textContent(), { timeout: 15_000 }).toBe('2 天改变')
    const booked = await t.deps.db.appointment.count({ where: { status: 'BOOKED', date: { in: ['2026-11-30', '2026-12-01'] } } })
    expect(booked).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId('import-affected').textContent()).toContain(`其中 ${booked} 个预约将被取消`)
    expect(await page.getByTestId('import-day').count()).toBe(2)
    await screenshot(page, 'calendar-import-preview')
    await page.getByTestId('import-save').click()
    await confirmModal()
    await expect.poll(() => page.getByTestId('import-saved').textContent(), { timeout: 15_000 }).toContain(`取消 ${booked} 个预约`)

    const hall = await t.deps.db.hall.findFirstOrThrow({ where: { name: '测试便民服务站' } })
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id, date: '2026-11-30', closed: false } })).toBe(0)
    const booking = await t.deps.db.appointment.findFirstOrThrow({ where: { hallId: hall.id, contactName: '王建国' } })
    expect(booking.status).toBe('CANCELLED')
    expect(await t.deps.db.notification.count({ where: { residentId: booking.residentId!, kind: 'SLOT_CLOSED' } })).toBe(1)
    expect((await t.deps.db.calendarOverride.findUniqueOrThrow({ where: { date: '2026-12-01' } })).notice).toBe('关于11月30日至12月1日临时放假的通知（测试）')
    expect(errors).toEqual([])
  }, 120_000)

  it('时段管理: closes a whole day with a reason and reopens it', async () => {
    const hall = await t.deps.db.hall.findFirstOrThrow({ where: { name: '测试便民服务站' } })
    // Saving the import generated the booking horizon again, so the hall's Monday template already made 12-07's slot.
    expect(await t.deps.db.slot.count({ where: { hallId: hall.id, date: '2026-12-07', closed: false } })).toBe(1)
    await openPage(page, t.url, pageUrl('staffSlots', { hallId: hall.id }))
    await page.getByTestId('slot-day').filter({ hasText: '2026-12-07' }).click({ timeout: 15_000 })
    await page.getByTestId('st-slot').waitFor({ timeout: 15_000 })
    await input('st-day-reason').fill('停电检修')
    await page.getByTestId('st-day-close').click()
    await confirmModal()
    await expect.poll(() => page.getByTestId('st-day-result').textContent(), { timeout: 15_000 }).toBe('已关闭 1 个时段，取消 0 个预约并通知群众')
    expect(await t.deps.db.slot.findFirstOrThrow({ where: { hallId: hall.id, date: '2026-12-07' } })).toMatchObject({ closed: true, closedReason: '停电检修' })
    await screenshot(page, 'slots-day-closed')
    await page.getByTestId('st-day-reopen').click()
    await expect.poll(() => page.getByTestId('st-day-result').textContent(), { timeout: 15_000 }).toBe('已恢复 1 个时段')
    expect((await t.deps.db.slot.findFirstOrThrow({ where: { hallId: hall.id, date: '2026-12-07' } })).closed).toBe(false)
    expect(errors).toEqual([])
  }, 120_000)

  it('审计日志: the entries for the hall, the window, the line, the item and the template each open their target', async () => {
    const hall = await t.deps.db.hall.findFirstOrThrow({ where: { name: '测试便民服务站' }, include: { windows: true } })
    const item = await t.deps.db.serviceItem.findUniqueOrThrow({ where: { code: 'E2E-JZ-01' } })
    const template = await t.deps.db.slotTemplate.findFirstOrThrow({ where: { hallId: hall.id } })
    const target = async (action: string) => {
      await openPage(page, t.url, pageUrl('staffAudit'))
      const row = page.locator('[data-testid="audit-row"]:visible').filter({ has: page.getByTestId('audit-action').getByText(action, { exact: true }) }).first()
      await row.waitFor({ timeout: 15_000 })
      await row.getByTestId('audit-target').click()
    }
    const value = (id: string) => page.locator(`[data-testid="${id}"]:visible input`).inputValue()

    await target('hall.create')
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(pageUrl('staffHalls', { id: hall.id }))
    await expect.poll(() => value('hall-name'), { timeout: 15_000 }).toBe('测试便民服务站')

    await target('window.create')
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(pageUrl('staffHalls', { window: hall.windows[0]!.id }))
    await expect.poll(() => value('hall-name'), { timeout: 15_000 }).toBe('测试便民服务站')
    await page.locator('[data-testid="window-8"]:visible').waitFor({ timeout: 15_000 })

    await target('hallLine.create')
    const line = await t.deps.db.hallLine.findFirstOrThrow({ where: { hallId: hall.id } })
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(pageUrl('staffHalls', { line: line.id }))
    await page.locator('[data-testid="line-F"]:visible').waitFor({ timeout: 15_000 })

    await target('serviceItem.create')
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(pageUrl('staffServiceItems', { id: item.id }))
    await expect.poll(() => value('item-code'), { timeout: 15_000 }).toBe('E2E-JZ-01')

    await target('slotTemplate.create')
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(pageUrl('staffSlotTemplates', { template: template.id }))
    const marked = page.locator('.cat-slot--on:visible')
    await expect.poll(() => marked.count(), { timeout: 15_000 }).toBe(1)
    expect(await marked.textContent()).toContain('09:00–09:30')
    expect(await page.locator('[data-testid="templates-hall"]:visible').textContent()).toContain('测试便民服务站')
    expect(errors).toEqual([])
  }, 120_000)
})
