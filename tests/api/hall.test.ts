// 服务大厅 over real HTTP on a real database: numbering under concurrency, opening hours and holidays, one waiting
// ticket per resident, ownership, what a window may call, skip/recall/transfer/pause, the priority of checked-in
// appointments, messages, the 评价器 and TICKET ratings, the live event stream and the statistics.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, createStaff, expectError, type TestApp } from '../support/app'
import { MONDAY, book, demoItem, slotOn } from '../support/booking'

let t: TestApp
let hallId: string
const win: Record<string, string> = {}
const item: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp({ clock: MONDAY, demo: true })
  hallId = (await t.deps.db.hall.findFirstOrThrow({ where: { name: '湖里街道便民服务中心' } })).id
  for (const w of await t.deps.db.window.findMany({ where: { hallId } })) win[w.number] = w.id
  for (const code of ['HL-HJ-001', 'HL-YB-001', 'HL-LN-001', 'HL-JS-001', 'HL-TY-001']) item[code] = (await demoItem(t, code)).id
})
afterAll(async () => { await t.close() })
beforeEach(async () => {
  // Each test starts with an empty queue (set-up only).
  await t.deps.db.ticketEvent.deleteMany()
  await t.deps.db.rating.deleteMany({ where: { subjectType: 'TICKET' } })
  await t.deps.db.ticket.deleteMany()
  await t.deps.db.ticketCounter.deleteMany()
  await t.deps.db.window.updateMany({ data: { paused: false, pausedAt: null } })
  t.deps.clock.freeze('2026-09-28T09:00:00+08:00')
})

/** Clock to an instant, then a fresh clerk session (sessions idle out after 30 minutes). */
async function clerkAt (iso: string) {
  t.deps.clock.freeze(iso)
  return (await t.staff('clerk')).call
}
const desk = (clerk: Awaited<ReturnType<typeof clerkAt>>, code: string) =>
  clerk('issueDeskTicket', { params: { id: hallId }, body: { serviceItemId: item[code]! } })

describe('taking tickets', () => {
  it('numbers 100 concurrent app tickets of one line uniquely, none lost, in the line of the item', async () => {
    const residents = await Promise.all(Array.from({ length: 100 }, () => t.resident()))
    const tickets = await Promise.all(residents.map((r) => r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } })))
    const numbers = tickets.map((x) => x.number).sort()
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => `D${String(i + 1).padStart(3, '0')}`))
    expect(tickets.every((x) => x.status === 'WAITING' && x.channel === 'APP' && x.lineName === '户籍居住')).toBe(true)
    expect(new Set(tickets.map((x) => x.ahead)).size).toBe(100) // everyone has a distinct place
    expect(await t.deps.db.ticket.count({ where: { hallId } })).toBe(100)
    const counter = await t.deps.db.ticketCounter.findFirstOrThrow({ where: { hallId, line: 'D' } })
    expect(counter.last).toBe(100)
  }, 120_000)

  it('keeps one waiting ticket per resident per hall; a cancelled one can be replaced', async () => {
    const r = await t.resident()
    const first = await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-YB-001']! } })
    await expectError(r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } }), 409, 'DUPLICATE')
    const cancelled = await r.call('cancelTicket', { params: { id: first.id } })
    expect(cancelled.status).toBe('CANCELLED')
    await expectError(r.call('cancelTicket', { params: { id: first.id } }), 422, 'INVALID_STATE')
    t.deps.clock.advance(60_000)
    const again = await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } })
    expect(again.status).toBe('WAITING')
    expect((await r.call('listMyTickets')).items.map((x) => x.id)).toEqual([again.id, first.id])
  })

  it('gives no ticket outside the opening hours or on a holiday (Chinese message); the desk still can', async () => {
    const r = await t.resident()
    t.deps.clock.freeze('2026-09-28T12:30:00+08:00')
    const noon = await expectError(r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } }), 422, 'OUT_OF_WINDOW')
    expect(noon.message).toContain('08:30-12:00')
    const options = await t.anon('getHallTicketOptions', { params: { id: hallId } })
    expect(options.open).toBe(false)
    expect(options.closedReason).toContain('不在取号时间')
    t.deps.clock.freeze('2026-10-01T10:00:00+08:00') // 国庆节
    const holiday = await expectError(r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } }), 422, 'OUT_OF_WINDOW')
    expect(holiday.message).toContain('不是工作日')
    t.deps.clock.freeze('2026-10-10T10:00:00+08:00') // Saturday, 调休上班
    expect((await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } })).number).toBe('D001')
    const clerk = await clerkAt('2026-10-10T18:00:00+08:00')
    expect((await desk(clerk, 'HL-YB-001')).channel).toBe('DESK')
  })

  it('refuses an item the hall does not handle and answers 404 for another resident’s ticket', async () => {
    const a = await t.resident()
    const b = await t.resident()
    const mine = await a.call('createTicket', { body: { hallId, serviceItemId: item['HL-LN-001']! } })
    await expectError(b.call('getTicket', { params: { id: mine.id } }), 404, 'NOT_FOUND')
    await expectError(b.call('cancelTicket', { params: { id: mine.id } }), 404, 'NOT_FOUND')
    expect((await b.call('listMyTickets')).items).toEqual([])
    const station = await t.deps.db.hall.findFirstOrThrow({ where: { name: { contains: '东荣' } } })
    await expectError(b.call('createTicket', { body: { hallId: station.id, serviceItemId: item['HL-HJ-001']! } }), 400, 'VALIDATION_FAILED')
    await expectError(b.call('createTicket', { body: { hallId: 'nope', serviceItemId: item['HL-HJ-001']! } }), 404, 'NOT_FOUND')
  })
})

describe('erasure', () => {
  it('takes an erased resident’s waiting ticket out of the queue and unlinks their tickets', async () => {
    const r = await t.resident()
    const mine = await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } })
    await r.call('deleteMe', {})
    const row = await t.deps.db.ticket.findUniqueOrThrow({ where: { id: mine.id } })
    expect([row.status, row.residentId, row.activeKey]).toEqual(['CANCELLED', null, null])
  })
})

describe('window console', () => {
  it('calls only tickets of the window’s items, in order; 404 when none waits', async () => {
    const clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    const old = await desk(clerk, 'HL-LN-001') // 养老: window 2 only
    t.deps.clock.advance(60_000)
    const hj = await desk(clerk, 'HL-HJ-001') // 户籍: windows 3 and 4
    t.deps.clock.advance(60_000)
    const yb = await desk(clerk, 'HL-YB-001') // 社保: windows 1 and 4
    expect([old.number, hj.number, yb.number]).toEqual(['C001', 'D001', 'B001'])
    expect(hj.ahead).toBe(0)
    expect(yb.ahead).toBe(1) // window 4 serves both 户籍 and 社保: D001 is before it
    const w1 = await clerk('callNextTicket', { params: { id: win['1']! } })
    expect(w1.number).toBe('B001')
    expect(w1.windowName).toBe('社会保障窗口')
    const e = await expectError(clerk('callNextTicket', { params: { id: win['3']! } }).then(() => clerk('callNextTicket', { params: { id: win['3']! } })), 422, 'INVALID_STATE')
    expect(e.message).toContain('D001')
    await clerk('doneTicket', { params: { id: hj.id } })
    const none = await expectError(clerk('callNextTicket', { params: { id: win['3']! } }), 404, 'NOT_FOUND')
    expect(none.message).toBe('当前没有等候的号')
    expect((await clerk('callNextTicket', { params: { id: win['2']! } })).number).toBe('C001')
    const console2 = await clerk('getWindowConsole', { params: { id: win['2']! } })
    expect(console2.current?.number).toBe('C001')
    expect(console2.today.called).toBe(1)
  })

  it('lets a window serve one ticket at a time, also when call-next is pressed twice at once', async () => {
    const clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    for (let i = 0; i < 3; i++) await desk(clerk, 'HL-YB-001')
    const answers = await Promise.allSettled([1, 2, 3].map(() => clerk('callNextTicket', { params: { id: win['1']! } })))
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1)
    for (const a of answers) if (a.status === 'rejected') await expectError(Promise.reject(a.reason), 422, 'INVALID_STATE')
    expect(await t.deps.db.ticket.count({ where: { windowId: win['1']!, status: 'CALLED' } })).toBe(1)
    expect(await t.deps.db.ticket.count({ where: { hallId, status: 'WAITING' } })).toBe(2)
  })

  it('skips, recalls a skipped ticket once, transfers to another window and cannot call while paused', async () => {
    const clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    const a = await desk(clerk, 'HL-HJ-001')
    const b = await desk(clerk, 'HL-HJ-001')
    expect(b.ahead).toBe(1)
    expect((await clerk('callNextTicket', { params: { id: win['3']! } })).id).toBe(a.id)
    expect((await clerk('recallTicket', { params: { id: a.id } })).recallCount).toBe(1)
    const skipped = await clerk('skipTicket', { params: { id: a.id } })
    expect(skipped.status).toBe('SKIPPED')
    expect(skipped.canRecallSkipped).toBe(true)
    const back = await clerk('recallTicket', { params: { id: a.id } })
    expect(back.status).toBe('CALLED')
    await clerk('skipTicket', { params: { id: a.id } })
    const twice = await expectError(clerk('recallTicket', { params: { id: a.id } }), 422, 'INVALID_STATE')
    expect(twice.message).toContain('只能重呼一次')

    expect((await clerk('callNextTicket', { params: { id: win['3']! } })).id).toBe(b.id)
    const moved = await clerk('transferTicket', { params: { id: b.id }, body: { windowId: win['2']! } })
    expect(moved.status).toBe('WAITING')
    await expectError(clerk('callNextTicket', { params: { id: win['3']! } }), 404, 'NOT_FOUND') // it waits for window 2 only
    const paused = await clerk('pauseWindow', { params: { id: win['2']! } })
    expect(paused.paused).toBe(true)
    const p = await expectError(clerk('callNextTicket', { params: { id: win['2']! } }), 422, 'INVALID_STATE')
    expect(p.message).toContain('暂停')
    expect((await clerk('resumeWindow', { params: { id: win['2']! } })).paused).toBe(false)
    const at2 = await clerk('callNextTicket', { params: { id: win['2']! } })
    expect([at2.id, at2.windowNumber]).toEqual([b.id, '2'])
    const other = await t.deps.db.hall.findFirstOrThrow({ where: { name: { contains: '东荣' } }, include: { windows: true } })
    await expectError(clerk('transferTicket', { params: { id: b.id }, body: { windowId: other.windows[0]!.id } }), 404, 'NOT_FOUND')
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: { in: [a.id, b.id, win['2']!] } }, select: { action: true } })).map((x) => x.action)
    expect(actions).toEqual(expect.arrayContaining(['ticket.issue', 'ticket.call', 'ticket.recall', 'ticket.skip', 'ticket.recall_skipped', 'ticket.transfer', 'window.pause', 'window.resume']))
  })

  it('puts a checked-in appointment ahead of walk-ins who came after its slot began (configurable)', async () => {
    const r = await t.resident()
    t.deps.clock.freeze('2026-09-28T08:00:00+08:00')
    const slot = await slotOn(t, item['HL-HJ-001']!, '2026-09-28', '09:00')
    const appt = await book(r.call, slot, { id: item['HL-HJ-001']! })
    let clerk = await clerkAt('2026-09-28T08:50:00+08:00')
    const early = await desk(clerk, 'HL-HJ-001')
    clerk = await clerkAt('2026-09-28T09:05:00+08:00')
    const late = await desk(clerk, 'HL-HJ-001')
    clerk = await clerkAt('2026-09-28T09:10:00+08:00')
    const checked = await clerk('checkInAppointment', { params: { id: appt.id } })
    const mine = (await r.call('listMyTickets')).items[0]!
    expect([mine.number, mine.channel, mine.ahead]).toEqual([checked.queueNumber, 'APPOINTMENT', 1])
    const order = []
    for (let i = 0; i < 3; i++) {
      const c = await clerk('callNextTicket', { params: { id: win['3']! } })
      order.push(c.number)
      await clerk('doneTicket', { params: { id: c.id } })
    }
    expect(order).toEqual([early.number, checked.queueNumber, late.number])
    const a = await t.deps.db.appointment.findUniqueOrThrow({ where: { id: appt.id } })
    expect([a.status, a.windowId]).toEqual(['DONE', win['3']])
    const done = (await r.call('getTicket', { params: { id: mine.id } }))
    expect(done.rating).toEqual({ subjectType: 'APPOINTMENT', subjectId: appt.id, ratingId: null })

    // Priority off: the appointment ranks at its check-in.
    const admin = (await t.staff('admin')).call
    await admin('updateSettings', { body: { hall: { appointmentGraceMinutes: 0 } } })
    try {
      const r2 = await t.resident()
      t.deps.clock.freeze('2026-09-28T08:00:00+08:00')
      const appt2 = await book(r2.call, await slotOn(t, item['HL-HJ-001']!, '2026-09-28', '09:30'), { id: item['HL-HJ-001']! })
      clerk = await clerkAt('2026-09-28T09:35:00+08:00')
      const walkIn = await desk(clerk, 'HL-HJ-001')
      clerk = await clerkAt('2026-09-28T09:40:00+08:00')
      await clerk('checkInAppointment', { params: { id: appt2.id } })
      expect((await clerk('callNextTicket', { params: { id: win['3']! } })).id).toBe(walkIn.id)
    } finally {
      await admin('updateSettings', { body: { hall: { appointmentGraceMinutes: 30 } } })
    }
  })

  it('messages the resident when three are ahead and when called, and estimates the wait from today’s service times', async () => {
    const clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    const first = await desk(clerk, 'HL-HJ-001')
    await clerk('callNextTicket', { params: { id: win['3']! } })
    t.deps.clock.freeze('2026-09-28T09:06:00+08:00') // 6 minutes of service
    await clerk('doneTicket', { params: { id: first.id } })
    for (let i = 0; i < 4; i++) await desk(clerk, 'HL-HJ-001')
    const r = await t.resident()
    const mine = await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-HJ-001']! } })
    expect([mine.ahead, mine.estimatedWaitMinutes]).toEqual([4, 24])
    const clerk2 = await clerkAt('2026-09-28T09:07:00+08:00')
    const c = await clerk2('callNextTicket', { params: { id: win['3']! } })
    expect((await r.call('getTicket', { params: { id: mine.id } })).ahead).toBe(3)
    const near = await t.deps.db.notification.findMany({ where: { residentId: r.id, kind: 'TICKET_NEAR' } })
    expect(near).toHaveLength(1)
    expect(near[0]!.body).toContain('前面还有 3 位')
    await clerk2('doneTicket', { params: { id: c.id } })
    for (let i = 0; i < 3; i++) await clerk2('doneTicket', { params: { id: (await clerk2('callNextTicket', { params: { id: win['4']! } })).id } })
    const called = await clerk2('callNextTicket', { params: { id: win['3']! } })
    expect(called.id).toBe(mine.id)
    const msg = await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r.id, kind: 'TICKET_CALLED' } })
    expect(msg.body).toBe(`请 ${mine.number} 号到 3 号窗口（户籍居住窗口）办理。`)
    expect((msg.data as { page: string }).page).toBe(`/pages/hall/tickets/index?id=${mine.id}`)
  })
})

describe('ratings at the hall', () => {
  it('评价器 rates only a service that window finished minutes ago, once; a 差评 opens a rectification', async () => {
    const clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    await expectError(clerk('rateAtWindow', { params: { id: win['1']! }, body: { level: 5 } }), 422, 'INVALID_STATE')
    const x = await desk(clerk, 'HL-YB-001')
    await clerk('callNextTicket', { params: { id: win['1']! } })
    await expectError(clerk('rateAtWindow', { params: { id: win['1']! }, body: { level: 5 } }), 422, 'INVALID_STATE')
    await clerk('doneTicket', { params: { id: x.id } })
    expect((await clerk('getWindowRatingTarget', { params: { id: win['1']! } })).target?.number).toBe(x.number)
    await expectError(clerk('rateAtWindow', { params: { id: win['2']! }, body: { level: 5 } }), 422, 'INVALID_STATE')
    const bad = await clerk('rateAtWindow', { params: { id: win['1']! }, body: { level: 1, tags: ['等候时间长'] } })
    expect([bad.subjectType, bad.subjectId, bad.channel]).toEqual(['TICKET', x.id, 'WINDOW'])
    expect(bad.rectification?.status).toBe('OPEN')
    await expectError(clerk('rateAtWindow', { params: { id: win['1']! }, body: { level: 5 } }), 409, 'DUPLICATE')
    expect((await clerk('getWindowRatingTarget', { params: { id: win['1']! } })).target).toBeNull()
    const rect = await t.deps.db.rectification.findUniqueOrThrow({ where: { ratingId: bad.id } })
    expect(rect.status).toBe('OPEN')
    // Too late: more than the configured minutes after 办结.
    const y = await desk(clerk, 'HL-YB-001')
    await clerk('callNextTicket', { params: { id: win['1']! } })
    await clerk('doneTicket', { params: { id: y.id } })
    const later = await clerkAt('2026-09-28T09:11:00+08:00')
    await expectError(later('rateAtWindow', { params: { id: win['1']! }, body: { level: 4 } }), 422, 'INVALID_STATE')
    const stats = await t.anon('getRatingStats', { query: { hallId } })
    expect(stats.byChannel.find((c) => c.channel === 'WINDOW')?.count).toBeGreaterThanOrEqual(1)
  })

  it('lets the resident holding a done ticket rate it as TICKET, once (also against the 评价器)', async () => {
    const r = await t.resident()
    const other = await t.resident()
    const mine = await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-JS-001']! } })
    await expectError(r.call('createRating', { body: { subjectType: 'TICKET', subjectId: mine.id, level: 5 } }), 422, 'INVALID_STATE')
    const clerk = await clerkAt('2026-09-28T09:02:00+08:00')
    await clerk('callNextTicket', { params: { id: win['3']! } })
    await clerk('doneTicket', { params: { id: mine.id } })
    await expectError(other.call('createRating', { body: { subjectType: 'TICKET', subjectId: mine.id, level: 5 } }), 404, 'NOT_FOUND')
    const rating = await r.call('createRating', { body: { subjectType: 'TICKET', subjectId: mine.id, level: 5, tags: ['办理高效'] } })
    expect([rating.channel, rating.subject?.title]).toEqual(['APP', expect.stringContaining(mine.number)])
    await expectError(r.call('createRating', { body: { subjectType: 'TICKET', subjectId: mine.id, level: 4 } }), 409, 'DUPLICATE')
    await expectError(clerk('rateAtWindow', { params: { id: win['3']! }, body: { level: 2, tags: ['态度生硬'] } }), 409, 'DUPLICATE')
    expect((await r.call('getTicket', { params: { id: mine.id } })).rating?.ratingId).toBe(rating.id)
  })
})

describe('hall screen and statistics', () => {
  it('streams a call as a Server-Sent Event (real HTTP stream, no personal data)', async () => {
    const clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    const x = await clerk('issueDeskTicket', { params: { id: hallId }, body: { serviceItemId: item['HL-YB-001']!, contactName: '陈大明', contactPhone: '13912345678' } })
    const abort = new AbortController()
    const res = await fetch(`${t.url}/api/v1/halls/${hallId}/queue/events`, { signal: abort.signal })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        text += decoder.decode(value, { stream: true })
      }
    }
    await until('event: hello')
    await clerk('callNextTicket', { params: { id: win['1']! } })
    await until('event: CALL')
    const data = text.split('event: CALL\ndata: ')[1]!.split('\n')[0]!
    expect(JSON.parse(data)).toMatchObject({ type: 'CALL', hallId, number: x.number, windowNumber: '1', windowName: '社会保障窗口' })
    expect(text).not.toContain('陈大明')
    expect(text).not.toContain('1391234')
    abort.abort()
    const q = await t.anon('getHallQueue', { params: { id: hallId } })
    expect(q.windows.find((w) => w.windowNumber === '1')?.number).toBe(x.number)
    expect(q.recent[0]).toMatchObject({ number: x.number, kind: 'CALL', windowNumber: '1' })
  })

  it('counts waiting and service times per hall, window, item and hour, tickets per channel, skipped and cancelled', async () => {
    let clerk = await clerkAt('2026-09-28T09:00:00+08:00')
    const a = await desk(clerk, 'HL-YB-001')
    const b = await desk(clerk, 'HL-YB-001')
    const c = await desk(clerk, 'HL-YB-001')
    const r = await t.resident()
    const d = await r.call('createTicket', { body: { hallId, serviceItemId: item['HL-YB-001']! } })
    await r.call('cancelTicket', { params: { id: d.id } })
    clerk = await clerkAt('2026-09-28T09:10:00+08:00')
    await clerk('callNextTicket', { params: { id: win['1']! } }) // a waited 10 min
    clerk = await clerkAt('2026-09-28T09:25:00+08:00')
    await clerk('doneTicket', { params: { id: a.id } }) // 15 min of service
    await clerk('callNextTicket', { params: { id: win['1']! } }) // b waited 25 min
    clerk = await clerkAt('2026-09-28T09:30:00+08:00')
    await clerk('doneTicket', { params: { id: b.id } }) // 5 min
    await clerk('callNextTicket', { params: { id: win['1']! } }) // c waited 30 min
    await clerk('skipTicket', { params: { id: c.id } })
    const admin = (await t.staff('admin')).call
    const s = await admin('getHallStats', { query: { from: '2026-09-28', to: '2026-09-28' } })
    expect([s.tickets, s.done, s.skipped, s.cancelled, s.waiting]).toEqual([4, 2, 1, 1, 0])
    expect(s.byChannel).toEqual([{ channel: 'DESK', label: '现场取号', count: 3 }, { channel: 'APP', label: '线上取号', count: 1 }, { channel: 'APPOINTMENT', label: '预约签到', count: 0 }])
    expect(s.wait).toEqual({ count: 3, avgMinutes: 21.7, medianMinutes: 25, p90Minutes: 30 })
    expect(s.service).toEqual({ count: 2, avgMinutes: 10, medianMinutes: 10, p90Minutes: 15 })
    expect(s.byWindow).toEqual([expect.objectContaining({ key: win['1'], tickets: 3, done: 2, skipped: 1, avgWaitMinutes: 21.7, avgServiceMinutes: 10 })])
    expect(s.byHour).toEqual([expect.objectContaining({ hour: 9, tickets: 4, cancelled: 1 })])
    expect(s.byItem).toEqual([expect.objectContaining({ key: item['HL-YB-001'], name: '城乡居民基本医疗保险参保登记', tickets: 4 })])
    const heshan = await t.deps.db.org.findFirstOrThrow({ where: { code: '350206002' } })
    await createStaff(t.deps, 'hs-admin', 'ADMIN', heshan.id)
    const outsider = (await t.staff('hs-admin')).call
    await expectError(outsider('getHallStats', { query: { hallId } }), 404, 'NOT_FOUND')
    expect((await outsider('getHallStats', {})).tickets).toBe(0)
    await expectError(outsider('callNextTicket', { params: { id: win['1']! } }), 404, 'NOT_FOUND')
    await expectError(outsider('skipTicket', { params: { id: c.id } }), 404, 'NOT_FOUND')
  })
})
