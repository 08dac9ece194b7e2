// The hall screen across instances: two server processes on one PostgreSQL database. The screen holds the queue's
// event stream (SSE) on instance B; a clerk calls on instance A; the CALL must reach B's stream within 1 s (LISTEN/
// NOTIFY). Then B's LISTEN connection is killed in the database (pg_terminate_backend): B reconnects by itself and
// the next call still reaches the same, still open stream.
// Run: npx tsx tests/chaos/hall-events.ts [--quick]   (bounded; loopback only; stops by itself)
import http from 'node:http'
import { call, check, env32, startServer, sleep, throwawayDb, DEMO_PASSWORD, pgAdmin, type ServerProc } from './lib'

const quick = process.argv.includes('--quick')
const CALLS = quick ? 3 : 10
const BOUND_MS = 1000
const started = Date.now()
const guard = setTimeout(() => { console.error('hall-events: time limit reached'); process.exit(2) }, 300_000)
const failures: string[] = []
const db = await throwawayDb('postgresql')
const servers: ServerProc[] = []

interface Seen { event: string; data: { number?: string; type?: string }; at: number }
/** An open SSE stream: every event with the time it arrived. */
function openStream (url: string): Promise<{ events: Seen[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const events: Seen[] = []
    const req = http.get(url, (res) => {
      if (res.statusCode !== 200) { reject(new Error(`stream answered ${res.statusCode}`)); return }
      let buf = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buf += chunk
        let i
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const event = /^event: (.+)$/m.exec(block)?.[1]
          const data = /^data: (.+)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data), at: Date.now() })
          if (event === 'hello') resolve({ events, close: () => req.destroy() })
        }
      })
    })
    req.on('error', reject)
  })
}

async function waitFor (events: Seen[], pred: (e: Seen) => boolean, ms: number): Promise<Seen | null> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const e = events.find(pred)
    if (e) return e
    await sleep(5)
  }
  return null
}

try {
  const env = { DATABASE_URL: db.url, DATA_DIR: db.dir, JOBS: 'on', ...env32 }
  servers.push(await startServer(env, 'instance A')) // migrates and seeds
  servers.push(await startServer({ ...env, DATA_DIR: `${db.dir}/b` }, 'instance B'))
  const [a, b] = servers as [ServerProc, ServerProc]
  const token = (await call(a.url, 'POST', '/api/v1/auth/staff', { body: { username: 'clerk', password: DEMO_PASSWORD } })).body.token as string
  const halls = (await call(a.url, 'GET', '/api/v1/staff/halls', { token })).body.items as { id: string; name: string; windows: { id: string; number: string }[] }[]
  const hall = halls.find((h) => h.name === '湖里街道便民服务中心')!
  const window1 = hall.windows.find((w) => w.number === '1')!
  const item = ((await call(a.url, 'GET', '/api/v1/service-items?q=HL-YB-001')).body.items as { id: string }[])[0]!
  const screen = await openStream(`${b.url}/api/v1/halls/${hall.id}/queue/events`)

  const callOnce = async (label: string) => {
    const t = await call(a.url, 'POST', `/api/v1/staff/halls/${hall.id}/tickets`, { token, body: { serviceItemId: item.id } })
    check(failures, t.status === 201, `${label}: desk ticket ${t.status} ${JSON.stringify(t.body)}`)
    const sent = Date.now()
    const c = await call(a.url, 'POST', `/api/v1/staff/windows/${window1.id}/call-next`, { token })
    check(failures, c.status === 200 && c.body.number === t.body.number, `${label}: call-next ${c.status} ${JSON.stringify(c.body).slice(0, 200)}`)
    const seen = await waitFor(screen.events, (e) => e.event === 'CALL' && e.data.number === t.body.number, BOUND_MS + 4000)
    const ms = seen ? seen.at - sent : -1
    await call(a.url, 'POST', `/api/v1/staff/tickets/${t.body.id as string}/done`, { token })
    return ms
  }

  const latencies: number[] = []
  for (let i = 0; i < CALLS; i++) latencies.push(await callOnce(`call ${i + 1}`))
  const worst = Math.max(...latencies)
  check(failures, latencies.every((ms) => ms >= 0 && ms <= BOUND_MS), `a call on A reached the screen on B after ${latencies.join(', ')} ms (bound ${BOUND_MS} ms)`)
  console.log(`hall events across instances: ${CALLS} calls on A seen on B's stream after ${latencies.join(', ')} ms (worst ${worst} ms, bound ${BOUND_MS} ms)`)

  // Kill the LISTEN connections in the database: each instance reconnects; the open stream keeps working.
  const killed = await pgAdmin((c) => c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`.replace('current_database()', `'${new URL(db.url).pathname.slice(1)}'`)))
  check(failures, (killed.rowCount ?? 0) >= 1, `no LISTEN connection found to kill (${killed.rowCount})`)
  await sleep(1500) // reconnect backoff starts at 200 ms
  const after = await callOnce('after reconnect')
  check(failures, after >= 0 && after <= BOUND_MS, `after killing LISTEN the call reached B after ${after} ms`)
  console.log(`hall events: ${killed.rowCount} LISTEN connection(s) terminated; after reconnecting, a call reached B's open stream after ${after} ms`)
  screen.close()
  for (const s of servers) await s.stop()
  servers.length = 0
} finally {
  for (const s of servers) await s.kill9().catch(() => {})
  await db.drop()
  clearTimeout(guard)
}
console.log(`hall events: ${((Date.now() - started) / 1000).toFixed(1)} s`)
if (failures.length) { console.error(failures.join('\n')); process.exit(1) }
console.log('hall-events test: 2 passed, 0 failed')
