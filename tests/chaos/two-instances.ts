// Two server processes on one PostgreSQL database behind this script's own round-robin client:
// 1. overbooking: 60 concurrent bookings of different residents on one 5-seat slot → exactly 5 succeed, the slot's
//    `booked` is 5 and it has 5 active appointments;
// 2. notice cache: instance B has the resident list cached; a notice published through instance A is visible on B
//    within the documented bound (DEVELOPING.md: the version row is checked at most once a second).
// Run: npx tsx tests/chaos/two-instances.ts [--quick]   (bounded; loopback only; stops by itself)
import { call, check, env32, exec, query, residents, startServer, sleep, throwawayDb, DEMO_PASSWORD, type ServerProc } from './lib'

const SEATS = 5
const BOOKINGS = 60
const CACHE_BOUND_MS = 1000 // versionCheckMs
const SLACK_MS = 1500 // request latency on a loaded CI machine

const started = Date.now()
const guard = setTimeout(() => { console.error('two-instances: time limit reached'); process.exit(2) }, 300_000)
const failures: string[] = []
const db = await throwawayDb('postgresql')
const servers: ServerProc[] = []
try {
  // No CLOCK: each process would start its own business clock at its own start-up, and the two would disagree.
  // On the real clock both instances share the host's time, as in production.
  const env = { DATABASE_URL: db.url, DATA_DIR: db.dir, JOBS: 'on', ...env32 }
  servers.push(await startServer(env, 'instance A')) // migrates and seeds
  servers.push(await startServer({ ...env, DATA_DIR: `${db.dir}/b` }, 'instance B'))
  const [a, b] = servers as [ServerProc, ServerProc]
  let rr = 0
  const next = () => servers[rr++ % servers.length]!.url

  // 1. Overbooking across instances.
  const tokens = await residents(next(), 'two', BOOKINGS)
  const item = ((await call(next(), 'GET', '/api/v1/service-items?q=HL-HJ-001')).body.items as { id: string; code: string }[]).find((x) => x.code === 'HL-HJ-001')!
  // The last bookable slot of the coming days (never one about to start).
  const slot = ((await call(next(), 'GET', `/api/v1/service-items/${item.id}/slots`)).body.items as { id: string }[]).at(-1)!
  await exec(db, `UPDATE "Slot" SET "capacity" = ${SEATS} WHERE "id" = '${slot.id}'`)
  const answers = await Promise.all(tokens.map((token, i) => call(next(), 'POST', '/api/v1/appointments', {
    token, body: { slotId: slot.id, serviceItemId: item.id, contactName: '并发测试', contactPhone: `137${String(20_000_000 + i).slice(-8)}` },
  })))
  const byStatus = answers.reduce<Record<string, number>>((m, r) => ({ ...m, [`${r.status} ${(r.body.error as { code?: string } | undefined)?.code ?? ''}`.trim()]: (m[`${r.status} ${(r.body.error as { code?: string } | undefined)?.code ?? ''}`.trim()] ?? 0) + 1 }), {})
  const ok = answers.filter((r) => r.status === 201).length
  check(failures, ok === SEATS, `overbooking: ${ok} bookings succeeded on a ${SEATS}-seat slot: ${JSON.stringify(byStatus)}`)
  check(failures, answers.every((r) => r.status === 201 || (r.status === 409 && (r.body.error as { code: string }).code === 'SLOT_FULL')), `overbooking: unexpected answers ${JSON.stringify(byStatus)}`)
  const [row] = await query<{ booked: number; capacity: number; active: number }>(db, `SELECT s."booked", s."capacity", (SELECT count(*) FROM "Appointment" x WHERE x."slotId" = s."id" AND x."status" NOT IN ('CANCELLED', 'LATE_CANCELLED'))::int AS active FROM "Slot" s WHERE s."id" = '${slot.id}'`)
  check(failures, Number(row!.booked) === SEATS && Number(row!.active) === SEATS, `overbooking: slot booked=${row!.booked} active=${row!.active} capacity=${row!.capacity}`)
  console.log(`two instances, overbooking: ${BOOKINGS} concurrent bookings round-robin on a ${SEATS}-seat slot → ${JSON.stringify(byStatus)}`)

  // 2. Notice cache invalidation across instances.
  const login = async (url: string, username: string) => (await call(url, 'POST', '/api/v1/auth/staff', { body: { username, password: DEMO_PASSWORD } })).body.token as string
  const editor = await login(a.url, 'editor')
  const reviewer = await login(a.url, 'reviewer')
  const title = `跨实例缓存测试公告 ${Date.now()}`
  const listed = async (url: string) => ((await call(url, 'GET', '/api/v1/notices?limit=50')).body.items as { title: string }[]).some((n) => n.title === title)
  check(failures, !(await listed(b.url)), 'notice cache: the notice is visible before it is published')
  await listed(b.url) // B serves this page from its cache now
  const draft = await call(a.url, 'POST', '/api/v1/staff/notices', { token: editor, body: { title, category: '通知公告', body: '<p>两个实例之间的缓存失效测试。</p>' } })
  await call(a.url, 'POST', `/api/v1/staff/notices/${draft.body.id}/submit`, { token: editor })
  const approved = await call(a.url, 'POST', `/api/v1/staff/notices/${draft.body.id}/approve`, { token: reviewer })
  check(failures, approved.status === 200, `notice cache: approve failed ${approved.status} ${JSON.stringify(approved.body)}`)
  const published = Date.now()
  let seenAfter = -1
  while (Date.now() - published < CACHE_BOUND_MS + SLACK_MS + 3000) {
    if (await listed(b.url)) { seenAfter = Date.now() - published; break }
    await sleep(50)
  }
  check(failures, seenAfter >= 0 && seenAfter <= CACHE_BOUND_MS + SLACK_MS, `notice cache: instance B showed the notice after ${seenAfter} ms (bound ${CACHE_BOUND_MS} ms + ${SLACK_MS} ms slack)`)
  check(failures, await listed(a.url), 'notice cache: instance A does not list its own published notice')
  console.log(`two instances, notice cache: published on A, visible on B after ${seenAfter} ms (documented bound ~${CACHE_BOUND_MS} ms)`)
  for (const s of servers) await s.stop()
  servers.length = 0
} finally {
  for (const s of servers) await s.kill9().catch(() => {})
  await db.drop()
  clearTimeout(guard)
}
console.log(`two instances: ${((Date.now() - started) / 1000).toFixed(1)} s`)
if (failures.length) { console.error(failures.join('\n')); process.exit(1) }
console.log('two-instances test: 2 passed, 0 failed')
