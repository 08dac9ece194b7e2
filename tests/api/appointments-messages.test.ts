// Messages for every state change of a booking a resident cares about: rescheduled (the old booking reads 已改约, its
// code no longer checks in), checked in,
// called (which window), done with an invitation to rate; each one links to its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageUrl } from '@bianmin/shared'
import { startTestApp, expectError, type TestApp } from '../support/app'
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

    // The old booking reads 已改约 (it points at the new one) and its code no longer checks in.
    const was = await r.call('getAppointment', { params: { id: first.id } })
    expect(was).toMatchObject({ status: 'CANCELLED', rescheduledToId: moved.id, canCancel: false })
    expect((await r.call('listAppointments', { query: { limit: 50 } })).items.find((a) => a.id === first.id)?.rescheduledToId).toBe(moved.id)
    expect((await r.call('getAppointment', { params: { id: moved.id } })).rescheduledToId).toBeNull()
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

describe('改约 voids the old code', () => {
  it('a booking moved to another slot of today no longer checks in with its old code; the new code does', async () => {
    const item = await demoItem(t)
    const r = await t.resident('void-old-code')
    const first = await book(r.call, await slotOn(t, item.id, '2026-09-28', '16:00'), item)
    const moved = await r.call('rescheduleAppointment', { params: { id: first.id }, body: { slotId: (await slotOn(t, item.id, '2026-09-28', '16:30')).id } })
    const clerk = await t.staff('clerk')
    if (moved.code === first.code) throw new Error('codes of one hall and day are unique')
    const e = await expectError(clerk.call('checkInByCode', { body: { hallId: first.hallId, code: first.code } }), 422, 'INVALID_STATE')
    expect(e.message).toBe('该预约已改约，原签到码已作废，请出示改约后的新签到码')
    await expectError(clerk.call('checkInAppointment', { params: { id: first.id } }), 422, 'INVALID_STATE')
    expect((await t.deps.db.appointment.findUniqueOrThrow({ where: { id: first.id } })).checkedInAt).toBeNull()
    expect((await clerk.call('checkInByCode', { body: { hallId: moved.hallId, code: moved.code } })).id).toBe(moved.id)
  })
})

describe('我的预约', () => {
  it('lists bookings by appointment time: coming ones soonest first, then past ones latest first, across pages', async () => {
    const item = await demoItem(t)
    const r = await t.resident('order-by-time')
    // Booked out of order: the later day first.
    const later = await book(r.call, await slotOn(t, item.id, '2026-09-30'), item)
    const sooner = await book(r.call, await slotOn(t, item.id, '2026-09-29'), item)
    const today = await book(r.call, await slotOn(t, item.id, '2026-09-28', '16:30'), item)
    const all = async (call: typeof r.call, limit: number) => {
      const ids: string[] = []
      let cursor: string | undefined
      do {
        const page = await call('listAppointments', { query: { limit, ...(cursor ? { cursor } : {}) } })
        ids.push(...page.items.map((a) => a.id))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return ids
    }
    // Coming ones: soonest first.
    expect(await all(r.call, 2)).toEqual([today.id, sooner.id, later.id])
    // Two days on: today's and the next day's are past (most recent first), the last one still coming.
    t.deps.clock.set('2026-09-30T08:00:00+08:00')
    try {
      const again = await t.resident('order-by-time')
      for (const limit of [1, 2, 3, 10]) expect(await all(again.call, limit), `limit ${limit}`).toEqual([later.id, sooner.id, today.id])
      t.deps.clock.set('2026-10-01T08:00:00+08:00')
      const later2 = await t.resident('order-by-time')
      expect(await all(later2.call, 2)).toEqual([later.id, sooner.id, today.id])
    } finally {
      t.deps.clock.freeze(MONDAY)
    }
  })
})
