// The notification outbox against a local fake WeChat API: delivery, backoff, FAILED after the limit, leases that
// keep two workers (two database connections, as two instances) from sending twice, reminders the day before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { testProvider } from '../support/db'
import { MONDAY, book, demoItem, slotOn } from '../support/booking'
import { deliverOutbox, deliveryDefaults } from '../../server/src/platform/outbox.worker'
import { createDb } from '../../server/src/platform/db'
import { createWechatClient } from '../../server/src/platform/wechat'
import { notify } from '../../server/src/platform/outbox'

let t: TestApp
let fake: FakeWechat
let item: Awaited<ReturnType<typeof demoItem>>

beforeAll(async () => {
  fake = await startFakeWechat()
  t = await startTestApp({
    clock: MONDAY, demo: true,
    env: {
      WECHAT_APP_ID: 'wx-test-app', WECHAT_APP_SECRET: 'wx-test-secret', WECHAT_API_BASE: fake.url,
      WECHAT_TEMPLATES: JSON.stringify({ BOOKING_CONFIRMED: 'tpl-confirmed', BOOKING_REMINDER: 'tpl-reminder', SLOT_CLOSED: 'tpl-closed', NO_SHOW_SUSPENDED: 'tpl-suspended' }),
    },
  })
  item = await demoItem(t)
})
afterAll(async () => { await t.close(); await fake.close() })
beforeEach(async () => {
  t.deps.clock.freeze(MONDAY)
  fake.sent.length = 0
  fake.failNext(0)
  fake.delayMs = 0
  // Each test starts from an empty outbox of due messages.
  await t.deps.db.notification.updateMany({ where: { deliveryState: 'PENDING' }, data: { deliveryState: 'SKIPPED' } })
})

describe('delivery', () => {
  it('sends the booking confirmation as a subscribe message and keeps it in the app', async () => {
    const r = await t.resident('outbox-1')
    const a = await book(r.call, await slotOn(t, item.id, '2026-09-29', '09:00'), item)
    const report = await deliverOutbox(t.deps)
    expect(report).toMatchObject({ sent: 1, failed: 0 })
    expect(fake.sent).toHaveLength(1)
    const m = fake.sent[0]!
    expect(m.touser).toBe('wx_outbox-1')
    expect(m.template_id).toBe('tpl-confirmed')
    expect(m.page).toBe(`pages/appointments/detail/index?id=${a.id}`)
    expect(m.data.thing1!.value).toBe('预约成功')
    expect([...m.data.thing2!.value].length).toBeLessThanOrEqual(20)
    const row = await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r.id } })
    expect(row).toMatchObject({ deliveryState: 'SENT', attempts: 1, lockedUntil: null })
    expect((await r.call('listMessages')).items[0]).toMatchObject({ kind: 'BOOKING_CONFIRMED', read: false })
    expect((await deliverOutbox(t.deps)).sent).toBe(0) // nothing sent twice
  })

  it('retries with exponential backoff and succeeds', async () => {
    const r = await t.resident('outbox-2')
    await book(r.call, await slotOn(t, item.id, '2026-09-29', '09:30'), item)
    fake.failNext(2)
    expect((await deliverOutbox(t.deps)).retried).toBe(1)
    let row = await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r.id } })
    expect(row).toMatchObject({ deliveryState: 'PENDING', attempts: 1 })
    expect(row.lastError).toMatch(/45009/)
    expect(row.nextAttemptAt.getTime() - t.deps.clock.now().getTime()).toBe(deliveryDefaults.baseDelayMs)
    expect((await deliverOutbox(t.deps)).retried).toBe(0) // not due yet
    t.deps.clock.advance(deliveryDefaults.baseDelayMs)
    expect((await deliverOutbox(t.deps)).retried).toBe(1)
    row = await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r.id } })
    expect(row.nextAttemptAt.getTime() - t.deps.clock.now().getTime()).toBe(2 * deliveryDefaults.baseDelayMs)
    t.deps.clock.advance(2 * deliveryDefaults.baseDelayMs)
    expect((await deliverOutbox(t.deps)).sent).toBe(1)
    row = await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r.id } })
    expect(row).toMatchObject({ deliveryState: 'SENT', attempts: 3, lastError: null })
    expect(fake.sent).toHaveLength(1)
  })

  it('gives up (FAILED) after the attempt limit, at once for errors no retry can fix', async () => {
    const r = await t.resident('outbox-3')
    await book(r.call, await slotOn(t, item.id, '2026-09-29', '10:00'), item)
    const opts = { ...deliveryDefaults, maxAttempts: 3, baseDelayMs: 1000 }
    fake.failNext(99)
    for (let i = 0; i < 3; i++) { await deliverOutbox(t.deps, opts); t.deps.clock.advance(10_000) }
    const row = await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r.id } })
    expect(row).toMatchObject({ deliveryState: 'FAILED', attempts: 3 })
    const r2 = await t.resident('outbox-4')
    await book(r2.call, await slotOn(t, item.id, '2026-09-29', '10:30'), item)
    fake.failNext(1, 43101) // the user has not accepted this subscription
    expect((await deliverOutbox(t.deps)).failed).toBe(1)
    expect((await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r2.id } })).deliveryState).toBe('FAILED')
    // Still in the app's message list.
    expect((await r2.call('listMessages')).items).toHaveLength(1)
  })

  // PostgreSQL: two connection pools, as two server instances. SQLite (one process, one connection by design): two
  // concurrent workers on it — a second connection in the same process would block the event loop on the file lock.
  it('two workers send every message exactly once; a crashed lease waits, then is retried', async () => {
    const residents = await Promise.all(Array.from({ length: 12 }, (_, i) => t.resident(`outbox-pair-${i}`)))
    const now = t.deps.clock.now()
    for (const r of residents) {
      await notify(t.deps.db, { residentId: r.id, kind: 'BOOKING_REMINDER', title: '明日预约提醒', body: '请按时前往', dedupeKey: `pair:${r.id}` }, now)
    }
    const db2 = testProvider === 'postgresql' ? await createDb(t.deps.config.databaseUrl) : t.deps.db
    try {
      fake.delayMs = 15
      const second = { ...t.deps, db: db2 }
      const [a, b] = await Promise.all([deliverOutbox(t.deps), deliverOutbox(second)])
      expect(a.sent + b.sent).toBe(12)
      expect(fake.sent).toHaveLength(12)
      expect(new Set(fake.sent.map((m) => m.touser)).size).toBe(12)
      // A worker that died mid-send left a lease: nobody sends until it runs out.
      const victim = await t.resident('outbox-crash')
      await notify(t.deps.db, { residentId: victim.id, kind: 'BOOKING_REMINDER', title: '提醒', body: '请按时前往', dedupeKey: `crash:${victim.id}` }, now)
      await t.deps.db.notification.updateMany({ where: { dedupeKey: `crash:${victim.id}` }, data: { lockedUntil: new Date(now.getTime() + deliveryDefaults.leaseMs), attempts: 1 } })
      expect((await deliverOutbox(second)).sent).toBe(0)
      t.deps.clock.advance(deliveryDefaults.leaseMs + 1)
      expect((await deliverOutbox(second)).sent).toBe(1)
      expect(fake.sent.filter((m) => m.touser === 'wx_outbox-crash')).toHaveLength(1)
    } finally {
      if (db2 !== t.deps.db) await db2.$disconnect()
    }
  })

  it('marks messages SKIPPED (in-app only) without a WeChat app or without a template for the kind', async () => {
    const r = await t.resident('outbox-5')
    await notify(t.deps.db, { residentId: r.id, kind: 'CONSULTATION_REPLIED', title: '咨询已答复', body: '请查看', dedupeKey: `skip:${r.id}` }, t.deps.clock.now())
    expect((await deliverOutbox(t.deps)).skipped).toBe(1)
    const r2 = await t.resident('outbox-6')
    await book(r2.call, await slotOn(t, item.id, '2026-09-29', '11:00'), item)
    const unconfigured = { ...t.deps, wechat: createWechatClient({ apiBase: fake.url }) }
    expect((await deliverOutbox(unconfigured)).skipped).toBe(1)
    expect(fake.sent).toHaveLength(0)
    expect((await t.deps.db.notification.findFirstOrThrow({ where: { residentId: r2.id } })).deliveryState).toBe('SKIPPED')
    expect((await r2.call('listMessages')).items[0]!.kind).toBe('BOOKING_CONFIRMED')
  })
})

describe('reminders', () => {
  it('sends one reminder the day before per booking (from 09:00), none for cancelled ones', async () => {
    const r = await t.resident('remind-1')
    const r2 = await t.resident('remind-2')
    const a = await book(r.call, await slotOn(t, item.id, '2026-09-29', '15:00'), item)
    const c = await book(r2.call, await slotOn(t, item.id, '2026-09-29', '15:00'), item)
    await r2.call('cancelAppointment', { params: { id: c.id } })
    await t.jobs.runAll() // 08:00: too early
    expect(await t.deps.db.notification.count({ where: { kind: 'BOOKING_REMINDER', dedupeKey: `reminder:${a.id}` } })).toBe(0)
    t.deps.clock.freeze('2026-09-28T18:00:00+08:00')
    await t.jobs.runAll()
    await t.jobs.runAll()
    const reminders = await t.deps.db.notification.findMany({ where: { kind: 'BOOKING_REMINDER', residentId: { in: [r.id, r2.id] } } })
    expect(reminders.map((n) => n.dedupeKey)).toEqual([`reminder:${a.id}`])
    expect(reminders[0]!.body).toContain(a.code)
    await deliverOutbox(t.deps)
    expect(fake.sent.filter((m) => m.template_id === 'tpl-reminder' && m.touser === 'wx_remind-1')).toHaveLength(1)
  })
})
