// Crash test: the real server (child process) on SQLite and on PostgreSQL with demo data, a booking load on one day's
// slots of one service item, kill -9 mid-way, restart, finish the load (requests cut by the crash are retried with
// their Idempotency-Key), then check: every booking that got a 201 exists, no slot is over capacity and each slot's
// `booked` equals its active appointments, one notification per booking (dedupeKey unique), every one delivered to
// the (fake, local) WeChat API, none twice (at-least-once allows one resend of the message in flight at the kill).
// Run: npx tsx tests/chaos/crash.ts [--quick] [--sqlite-only|--pg-only]   (bounded; loopback only; stops by itself)
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { call, check, env32, plusMs, query, residents, sleep, startServer, throwawayDb, type ServerProc, type ThrowawayDb } from './lib'

const quick = process.argv.includes('--quick')
const N = quick ? 60 : 150
const CONCURRENCY = 8
const CLOCK = '2026-11-23T08:00:00+08:00' // a Monday
const DAY = '2026-11-24'
const ITEM = 'HL-HJ-001'
const TEMPLATE = 'tpl-booking-confirmed'

interface Outcome { i: number; status: number | 'lost'; id?: string }
let firstError = ''

async function runOne (provider: 'sqlite' | 'postgresql'): Promise<string[]> {
  const started = Date.now()
  const failures: string[] = []
  const db: ThrowawayDb = await throwawayDb(provider)
  const wechat: FakeWechat = await startFakeWechat()
  wechat.delayMs = 20 // a send takes a moment, as over the network
  const env = (clock: string) => ({
    DATABASE_URL: db.url, DATA_DIR: db.dir, CLOCK: clock, JOBS: 'on', ...env32,
    WECHAT_APP_ID: 'wx-chaos', WECHAT_APP_SECRET: 'chaos-secret', WECHAT_API_BASE: wechat.url, WECHAT_TEMPLATES: JSON.stringify({ BOOKING_CONFIRMED: TEMPLATE }),
  })
  let server: ServerProc | null = null
  try {
    server = await startServer(env(CLOCK), `${provider} first start`)
    const firstStart = Date.now()
    const tokens = await residents(server.url, `crash-${provider}`, N)
    const items = (await call(server.url, 'GET', `/api/v1/service-items?q=${ITEM}`)).body.items as { id: string; code: string }[]
    const item = items.find((x) => x.code === ITEM)!
    const slots = (await call(server.url, 'GET', `/api/v1/service-items/${item.id}/slots?from=${DAY}&to=${DAY}`)).body.items as { id: string; capacity: number }[]
    const seats = slots.reduce((n, s) => n + s.capacity, 0)

    // The load: each resident books one slot (several residents per slot), with an Idempotency-Key.
    const outcomes = new Map<number, Outcome>()
    const queue = Array.from({ length: N }, (_, i) => i)
    let up: ServerProc | null = server
    let killAt = Math.floor(N / 3)
    let done = 0
    const book = async (i: number, target: ServerProc): Promise<Outcome> => {
      const slot = slots[(i * 7) % slots.length]!
      try {
        const r = await call(target.url, 'POST', '/api/v1/appointments', {
          token: tokens[i], headers: { 'idempotency-key': `crash-${i}` },
          body: { slotId: slot.id, serviceItemId: item.id, contactName: '压力测试', contactPhone: `139${String(10_000_000 + i).slice(-8)}` },
        })
        if (r.status !== 201 && r.status !== 409 && !firstError) firstError = JSON.stringify(r.body)
        return { i, status: r.status, id: r.body.id as string | undefined }
      } catch {
        return { i, status: 'lost' } // cut by the crash: outcome unknown, retried later with the same key
      }
    }
    const retry: number[] = []
    let killed: Promise<void> | null = null
    let sentBeforeKill = 0
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (queue.length) {
        const i = queue.shift()!
        if (!up) { retry.push(i); continue }
        const o = await book(i, up)
        if (o.status === 'lost') retry.push(i); else outcomes.set(i, o)
        if (++done === killAt && server) {
          // Kill while the outbox worker is in the middle of a delivery batch (it runs every 5 s).
          const s = server; up = null; killAt = -1
          const until = Date.now() + 15_000
          while (wechat.sent.length === 0 && Date.now() < until) await sleep(5)
          sentBeforeKill = wechat.sent.length
          killed = s.kill9()
        }
      }
    }))
    if (killed) await killed
    const atCrash = await query<{ state: string; n: number }>(db, `SELECT "deliveryState" AS state, count(*) AS n FROM "Notification" WHERE "kind" = 'BOOKING_CONFIRMED' GROUP BY "deliveryState"`)
    // Restart: business time goes on past the outbox lease (a minute), as after a real crash and restart.
    const restartClock = plusMs(CLOCK, Date.now() - firstStart + 61_000)
    server = await startServer(env(restartClock), `${provider} restart`)
    for (const i of retry) {
      const o = await book(i, server)
      outcomes.set(i, o)
      check(failures, o.status !== 'lost', `${provider}: retry ${i} after restart failed`)
    }
    const created = [...outcomes.values()].filter((o) => o.status === 201)
    const full = [...outcomes.values()].filter((o) => o.status === 409)
    check(failures, created.length + full.length === N, `${provider}: unexpected answers (first: ${firstError}) ${JSON.stringify([...outcomes.values()].filter((o) => o.status !== 201 && o.status !== 409).slice(0, 5))}`)

    // Outbox drains (bounded wait).
    const drainDeadline = Date.now() + 60_000
    let pending = -1
    while (Date.now() < drainDeadline) {
      pending = Number((await query<{ n: number }>(db, `SELECT count(*) AS n FROM "Notification" WHERE "kind" = 'BOOKING_CONFIRMED' AND "deliveryState" <> 'SENT'`))[0]!.n)
      if (pending === 0) break
      await sleep(500)
    }
    check(failures, pending === 0, `${provider}: ${pending} booking notifications not delivered after restart`)

    // Invariants, straight from the database.
    const ids = new Set((await query<{ id: string }>(db, `SELECT "id" FROM "Appointment" WHERE "status" = 'BOOKED'`)).map((r) => r.id))
    const missing = created.filter((o) => !o.id || !ids.has(o.id))
    check(failures, missing.length === 0, `${provider}: ${missing.length} bookings answered 201 but are missing`)
    const slotRows = await query<{ id: string; capacity: number; booked: number; active: number }>(db,
      `SELECT s."id", s."capacity", s."booked", (SELECT count(*) FROM "Appointment" a WHERE a."slotId" = s."id" AND a."status" NOT IN ('CANCELLED', 'LATE_CANCELLED')) AS active FROM "Slot" s WHERE s."booked" > 0 OR EXISTS (SELECT 1 FROM "Appointment" a WHERE a."slotId" = s."id")`)
    for (const s of slotRows) {
      check(failures, Number(s.booked) <= Number(s.capacity), `${provider}: slot ${s.id} over capacity ${s.booked}/${s.capacity}`)
      check(failures, Number(s.booked) === Number(s.active), `${provider}: slot ${s.id} booked=${s.booked} but ${s.active} active appointments`)
    }
    const ours = `(${slots.map((x) => `'${x.id}'`).join(', ')})`
    const total = Number((await query<{ n: number }>(db, `SELECT count(*) AS n FROM "Appointment" WHERE "slotId" IN ${ours}`))[0]!.n)
    check(failures, total === created.length, `${provider}: ${total} appointments for ${created.length} answered 201 (lost requests were retried with their key)`)
    const dupKeys = await query<{ k: string }>(db, `SELECT "dedupeKey" AS k FROM "Notification" GROUP BY "dedupeKey" HAVING count(*) > 1`)
    check(failures, dupKeys.length === 0, `${provider}: duplicate notification keys ${JSON.stringify(dupKeys)}`)
    const notes = Number((await query<{ n: number }>(db, `SELECT count(*) AS n FROM "Notification" n JOIN "Appointment" a ON n."dedupeKey" = 'booked:' || a."id" WHERE a."slotId" IN ${ours}`))[0]!.n)
    check(failures, notes === total, `${provider}: ${notes} booking notifications for ${total} appointments`)
    // Sends per message, split at the kill: only the one message in flight at the kill may be sent again afterwards.
    const perPage = new Map<string, number[]>()
    const ourIds = new Set((await query<{ id: string }>(db, `SELECT "id" FROM "Appointment" WHERE "slotId" IN ${ours}`)).map((r) => r.id))
    const ourSends = wechat.sent.filter((x) => x.template_id === TEMPLATE && [...ourIds].some((id) => x.page?.includes(id)))
    wechat.sent.forEach((m, idx) => { if (ourSends.includes(m)) perPage.set(`${m.touser} ${m.page}`, [...(perPage.get(`${m.touser} ${m.page}`) ?? []), idx]) })
    const twice = [...perPage].filter(([, idx]) => idx.length > 1)
    const inFlightResend = (idx: number[]) => idx.length === 2 && idx[0]! <= sentBeforeKill && idx[1]! >= sentBeforeKill
    check(failures, twice.length <= 1 && twice.every(([, idx]) => inFlightResend(idx)), `${provider}: messages delivered more than once: ${JSON.stringify(twice)} (kill after ${sentBeforeKill} sends)`)
    check(failures, perPage.size === total, `${provider}: ${perPage.size} distinct messages delivered for ${total} bookings`)

    await server.stop()
    server = null
    console.log(`crash ${provider}: ${N} residents, ${seats} seats, kill -9 after ${Math.floor(N / 3)} answers (${retry.length} requests cut and retried), ` +
      `${created.length} booked, ${full.length} full, notifications at the crash ${JSON.stringify(Object.fromEntries(atCrash.map((r) => [r.state, Number(r.n)])))}, ${ourSends.length} WeChat sends (${twice.length} resent in-flight), ${((Date.now() - started) / 1000).toFixed(1)} s: ${failures.length ? 'FAILED' : 'ok'}`)
    return failures
  } catch (err) {
    if (server) console.error(server.output.join('').slice(-3000))
    throw err
  } finally {
    if (server) await server.kill9().catch(() => {})
    await wechat.close()
    await db.drop()
  }
}

const providers = process.argv.includes('--sqlite-only') ? ['sqlite'] as const : process.argv.includes('--pg-only') ? ['postgresql'] as const : ['sqlite', 'postgresql'] as const
const failures: string[] = []
const guard = setTimeout(() => { console.error('crash test: time limit reached'); process.exit(2) }, quick ? 240_000 : 600_000)
for (const p of providers) failures.push(...await runOne(p))
clearTimeout(guard)
if (failures.length) { console.error(failures.join('\n')); process.exit(1) }
console.log(`crash test: ${providers.length} passed, 0 failed`)
