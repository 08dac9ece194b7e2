// Messages for every state change of a booking a resident cares about: rescheduled (the old code void), checked in,
// called (which window), done with an invitation to rate; each one links to its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { MONDAY, book, demoItem, slotOn } from '../support/booking'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: MONDAY, demo: true }) })
afterAll(async () => { await t?.close() })

describe('booking messages', () => {
  it('tells the resident of a reschedule, the check-in, the call with its window and the end with 去评价', async () => {
    const item = await demoItem(t)
    const r = await t.resident('messages-journey')
    const first = await book(r.call, await slotOn(t, item.id, '2026-09-29'), item)
    const moved = await r.call('rescheduleAppointment', { params: { id: first.id }, body: { slotId: (await slotOn(t, item.id, '2026-09-28', '16:30')).id } })

    let items = (await r.call('listMessages', { query: { limit: 50 } })).items
    const confirmed = items.find((m) => m.title.startsWith('预约成功') && m.body.includes(first.code))!
    expect(confirmed.title).toContain('已改约')
    expect(confirmed.body).toMatch(new RegExp(`此签到码 ${first.code} 已作废`))
    const rescheduled = items.find((m) => m.title === '预约已改约')!
    expect(rescheduled.body).toContain(moved.code)
    expect(rescheduled.body).toContain(`原签到码 ${first.code} 已作废`)
    expect(rescheduled.page).toBe(pageUrl('appointmentDetail', { id: moved.id }))
    expect(items.filter((m) => m.title === '预约成功' && m.body.includes(moved.code))).toEqual([]) // one message for the change

    const clerk = await t.staff('clerk')
    const checked = await clerk.call('checkInAppointment', { params: { id: moved.id } })
    const window = await t.deps.db.window.findFirstOrThrow({ where: { hallId: checked.hallId }, orderBy: { number: 'asc' } })
    await clerk.call('callAppointment', { params: { id: moved.id }, body: { windowId: window.id } })
    await clerk.call('completeAppointment', { params: { id: moved.id } })

    items = (await r.call('listMessages', { query: { limit: 50 } })).items
    const checkedIn = items.find((m) => m.title === '已签到取号')!
    expect(checkedIn.body).toContain(checked.queueNumber!)
    const called = items.find((m) => m.title === '请到窗口办理')!
    expect(called.body).toContain(`${checked.queueNumber} 号到${window.number} 号窗口`)
    const done = items.find((m) => m.title === '已办结，欢迎评价')!
    expect(done.page).toBe(pageUrl('ratingRate', { subjectType: 'APPOINTMENT', subjectId: moved.id }))
    expect(items.filter((m) => !m.read).length).toBeGreaterThanOrEqual(5)
  })
})
