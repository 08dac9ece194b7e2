// 服务大厅 benchmarks, each against a baseline measured in the same run:
// 1. Ticket rush (SQLite and PostgreSQL): N residents take a ticket at one hall in the same second
//    (POST /api/v1/tickets, all in flight at once) through the real server (child process, production mode) vs a bare
//    node:http child process with the raw driver doing the same counter upsert + ticket insert in one transaction.
//    Afterwards: every number unique, none lost (rows = N = the counter).
// 2. Event fan-out (SQLite): S open event streams on one instance; a window calls K times (tickets left by the rush); the time from the call
//    request to each stream receiving its CALL event (p50/p99 over S × K), and the server's memory per open stream;
//    baseline: a bare node:http child broadcasting to the same number of streams.
// Run: npx tsx tests/bench/hall.ts [--quick] [--sqlite-only]
import { fork, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { startBundle, useBundle } from './prod-server'

const self = fileURLToPath(import.meta.url)
const quick = process.argv.includes('--quick')
const N = quick ? 100 : 500
const WARM = 20
const STREAMS = quick ? 50 : 300
const CALLS = quick ? 3 : 20
// The children get the parent's secrets (tokens issued in set-up must verify there).
const secrets: { TOKEN_SECRET: string; PHONE_KEY: string } = process.env.BENCH_SECRETS
  ? JSON.parse(process.env.BENCH_SECRETS)
  : { TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex') }
const pgAdminUrl = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'
type Provider = 'sqlite' | 'postgresql'

// ---------- children ----------
async function serveReal (url: string) {
  const { loadConfig } = await import('../../server/src/platform/config')
  const { createDb } = await import('../../server/src/platform/db')
  const { createLogger } = await import('../../server/src/platform/logger')
  const { buildDeps } = await import('../../server/src/deps')
  const { createApp } = await import('../../server/src/app')
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'info', JOBS: 'off', DATA_DIR: os.tmpdir(), ...secrets })
  const deps = await buildDeps(config, await createDb(config.databaseUrl), createLogger('info', fs.createWriteStream('/dev/null')))
  const server = createApp(deps).listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
  answerMemory()
}

/** Bare node:http: POST /t {hallId, date, residentId} → counter upsert + ticket insert; GET /events, POST /fire. */
async function serveRaw (url: string, provider: Provider) {
  const streams = new Set<http.ServerResponse>()
  let take: (b: { hallId: string; itemId: string; date: string; residentId: string }) => Promise<string>
  const sql = {
    counter: `INSERT INTO "TicketCounter" ("hallId","date","line","last") VALUES ($1,$2,'B',1) ON CONFLICT ("hallId","date","line") DO UPDATE SET "last" = "TicketCounter"."last" + 1 RETURNING "last"`,
    ticket: `INSERT INTO "Ticket" ("id","hallId","date","line","lineName","seq","number","serviceItemId","channel","status","residentId","activeKey","rankAt","hour","recallCount","skipRecalled","nearNotified","createdAt","updatedAt")
      VALUES ($1,$2,$3,'B','综合',$4,$5,$6,'APP','WAITING',$7,$8,$9,$10,0,false,false,$9,$9)`,
  }
  if (provider === 'sqlite') {
    const Database = (await import('better-sqlite3')).default
    const db = new Database(url.replace(/^file:/, ''))
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 10000')
    const q = (s: string) => db.prepare(s.replace(/\$(\d+)/g, '@p$1').replace(/false/g, '0'))
    const named = (xs: unknown[]) => Object.fromEntries(xs.map((x, i) => [`p${i + 1}`, x]))
    const counter = q(sql.counter)
    const ticket = q(sql.ticket)
    const tx = db.transaction((b: Parameters<typeof take>[0]) => {
      const seq = (counter.get(named([b.hallId, b.date])) as { last: number }).last
      const number = `B${String(seq).padStart(3, '0')}`
      const now = new Date().toISOString()
      ticket.run(named([crypto.randomUUID(), b.hallId, b.date, seq, number, b.itemId, b.residentId, `${b.residentId}:${b.hallId}`, now, 9]))
      return number
    })
    take = async (b) => tx(b)
  } else {
    const pg = (await import('pg')).default
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    take = async (b) => {
      const c = await pool.connect()
      try {
        await c.query('BEGIN')
        const seq = (await c.query(sql.counter, [b.hallId, b.date])).rows[0].last as number
        const number = `B${String(seq).padStart(3, '0')}`
        await c.query(sql.ticket, [crypto.randomUUID(), b.hallId, b.date, seq, number, b.itemId, b.residentId, `${b.residentId}:${b.hallId}`, new Date(), 9])
        await c.query('COMMIT')
        return number
      } catch (e) { await c.query('ROLLBACK'); throw e } finally { c.release() }
    }
  }
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
      res.write('event: hello\ndata: {}\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}')
      if (req.url === '/fire') {
        for (const s of streams) s.write(`event: CALL\ndata: ${JSON.stringify({ type: 'CALL', number: body.number })}\n\n`)
        res.writeHead(200).end('{}')
        return
      }
      take(body).then((number) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ number })),
        (e) => res.writeHead(500).end(String(e)))
    })
  })
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
  answerMemory()
}

function answerMemory () {
  process.on('message', (m) => {
    if (m !== 'mem') return
    ;(globalThis as { gc?: () => void }).gc?.() // after a full collection: what the open streams really hold
    process.send!({ rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed })
  })
  process.on('disconnect', () => process.exit(0))
}

function start (args: string[]): Promise<{ child: ChildProcess; base: string; mem: () => Promise<{ rss: number; heap: number }> }> {
  const child = fork(self, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [...process.execArgv, '--expose-gc'], env: { ...process.env, BENCH_SECRETS: JSON.stringify(secrets) } })
  const mem = () => new Promise<{ rss: number; heap: number }>((resolve) => {
    const on = (m: unknown) => { if (m && typeof m === 'object' && 'rss' in m) { child.off('message', on); resolve(m as { rss: number; heap: number }) } }
    child.on('message', on)
    child.send('mem')
  })
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, base: `http://127.0.0.1:${m.port}`, mem }))
    child.once('exit', (code) => reject(new Error(`child exited (${code})`)))
  })
}
const stop = async (c: ChildProcess) => { c.kill(); await new Promise((r) => c.once('exit', r)) }

// ---------- load ----------
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 })
function post (url: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
  const data = JSON.stringify(body ?? {})
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(data)
  })
}
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN }

/** All n requests in flight at once ("the same second"); latencies and total time. */
async function rush (n: number, job: (i: number) => Promise<void>) {
  const lat: number[] = []
  const t0 = performance.now()
  await Promise.all(Array.from({ length: n }, async (_, i) => { const s = performance.now(); await job(i); lat.push(performance.now() - s) }))
  const ms = performance.now() - t0
  return { ms, perSecond: (n / ms) * 1000, p50: pct(lat, 0.5), p99: pct(lat, 0.99) }
}

/** Opens s SSE streams; resolves when all got their first event; `arrivals(number)` → arrival times. */
async function openStreams (url: string, s: number) {
  const seen = new Map<string, number[]>()
  const reqs: http.ClientRequest[] = []
  const sseAgent = new http.Agent({ keepAlive: false, maxSockets: s + 10 })
  await Promise.all(Array.from({ length: s }, () => new Promise<void>((resolve, reject) => {
    const req = http.get(url, { agent: sseAgent }, (res) => {
      let buf = ''
      let hello = false
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buf += chunk
        let i
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          if (!hello && block.includes('event: hello')) { hello = true; resolve() }
          const m = /^event: CALL\ndata: (.+)$/m.exec(block)
          if (m) { const n = JSON.parse(m[1]!).number as string; seen.set(n, [...(seen.get(n) ?? []), performance.now()]) }
        }
      })
    })
    req.on('error', reject)
    reqs.push(req)
  })))
  return {
    async arrivals (number: string, expected: number) {
      const end = performance.now() + 10_000
      while ((seen.get(number)?.length ?? 0) < expected && performance.now() < end) await new Promise((r) => setTimeout(r, 2))
      return seen.get(number) ?? []
    },
    close: () => { for (const r of reqs) r.destroy(); sseAgent.destroy() },
  }
}

// ---------- set-up ----------
async function createDatabase (provider: Provider) {
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-hall-'))
    return { url: `file:${path.join(dir, 'bench.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const pg = (await import('pg')).default
  const name = `bm_bench_${crypto.randomBytes(5).toString('hex')}`
  const admin = async (q: string) => { const c = new pg.Client({ connectionString: pgAdminUrl }); await c.connect(); try { await c.query(q) } finally { await c.end() } }
  await admin(`CREATE DATABASE "${name}"`)
  const u = new URL(pgAdminUrl)
  u.pathname = `/${name}`
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}

async function setUp (provider: Provider) {
  const { migrateDeploy } = await import('../../server/src/platform/migrate')
  const { loadConfig } = await import('../../server/src/platform/config')
  const { createDb } = await import('../../server/src/platform/db')
  const { createLogger } = await import('../../server/src/platform/logger')
  const { buildDeps } = await import('../../server/src/deps')
  const { issueToken } = await import('../../server/src/platform/auth')
  const made = await createDatabase(provider)
  await migrateDeploy(made.url, provider)
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: made.url, JOBS: 'off', DATA_DIR: os.tmpdir(), ...secrets })
  const db = await createDb(config.databaseUrl)
  const deps = await buildDeps(config, db, createLogger('silent'))
  const date = deps.clock.today()
  // Today is a working day for the bench, whatever the calendar says; the hall is open all day.
  await db.calendarOverride.create({ data: { date, isWorkday: true, note: '压测' } })
  const org = await db.org.create({ data: { name: '压测街道', level: 'STREET', path: '/pending/' } })
  await db.org.update({ where: { id: org.id }, data: { path: `/${org.id}/` } })
  const halls = []
  for (const name of ['压测便民服务中心（应用）', '压测便民服务中心（基线）', '压测便民服务中心（预热）']) {
    halls.push(await db.hall.create({ data: { orgId: org.id, name, address: '压测路 1 号', openHours: '每天 00:00-23:59', queuePrefix: 'A' } }))
  }
  const item = await db.serviceItem.create({ data: { orgId: org.id, code: 'BENCH-HALL', name: '压测事项', category: '证明开具', materials: [], timeLimitDays: 1 } })
  const win = await db.window.create({ data: { hallId: halls[0]!.id, name: '综合窗口', number: '1', items: { create: [{ serviceItemId: item.id }] } } })
  await db.window.create({ data: { hallId: halls[2]!.id, name: '综合窗口', number: '1', items: { create: [{ serviceItemId: item.id }] } } })
  const consentVersion = (await deps.settings.get()).privacy.version
  await db.resident.createMany({ data: Array.from({ length: N + WARM }, (_, i) => ({ openid: `bench_${String(i).padStart(6, '0')}`, consentVersion, consentAt: new Date() })) })
  const residents = await db.resident.findMany({ select: { id: true }, orderBy: { openid: 'asc' } })
  const tokens: string[] = []
  for (const r of residents) tokens.push((await issueToken(deps, 'RESIDENT', r.id)).token)
  const clerk = await db.staff.create({ data: { username: 'bench-clerk', name: '压测', roles: 'CLERK', orgId: org.id, hallId: halls[0]!.id, passwordHash: 'x' } })
  const clerkToken = (await issueToken(deps, 'STAFF', clerk.id)).token
  await db.$disconnect()
  return { ...made, date, hallId: halls[0]!.id, rawHallId: halls[1]!.id, warmHallId: halls[2]!.id, itemId: item.id, windowId: win.id, tokens, residentIds: residents.map((r) => r.id), clerkToken }
}
type Fixture = Awaited<ReturnType<typeof setUp>>

async function verify (f: Fixture, hallId: string, label: string) {
  const { createDb } = await import('../../server/src/platform/db')
  const db = await createDb(f.url)
  try {
    const rows = await db.ticket.findMany({ where: { hallId, channel: 'APP' }, select: { number: true } })
    const counter = await db.ticketCounter.findMany({ where: { hallId } })
    const last = counter.reduce((a, c) => a + c.last, 0)
    if (rows.length !== N || new Set(rows.map((r) => r.number)).size !== N || last !== N) throw new Error(`${label}: ${rows.length} tickets, ${new Set(rows.map((r) => r.number)).size} distinct numbers, counter ${last} (expected ${N})`)
  } finally { await db.$disconnect() }
}

// ---------- runs ----------
async function ticketRush (provider: Provider, f: Fixture) {
  // The production bundle when built (run.mjs builds it), else the sources in a forked child.
  const app = useBundle() ? await startBundle(f.url, secrets) : await start(['--serve', f.url])
  // Warm-up (JIT, query plans, connections) on another hall with other residents, not counted.
  await rush(WARM, async (i) => { await post(`${app.base}/api/v1/tickets`, { hallId: f.warmHallId, serviceItemId: f.itemId }, f.tokens[N + i]) })
  const appR = await rush(N, async (i) => {
    const r = await post(`${app.base}/api/v1/tickets`, { hallId: f.hallId, serviceItemId: f.itemId }, f.tokens[i])
    if (r.status !== 201) throw new Error(`ticket answered ${r.status}: ${r.text.slice(0, 200)}`)
  })
  await stop(app.child)
  await verify(f, f.hallId, `${provider} app`)
  const raw = await start(['--serve-raw', f.url, provider])
  await rush(WARM, async (i) => { await post(`${raw.base}/t`, { hallId: f.warmHallId, itemId: f.itemId, date: f.date, residentId: f.residentIds[i] }) })
  const rawR = await rush(N, async (i) => {
    const r = await post(`${raw.base}/t`, { hallId: f.rawHallId, itemId: f.itemId, date: f.date, residentId: f.residentIds[i] })
    if (r.status !== 201) throw new Error(`raw answered ${r.status}: ${r.text.slice(0, 200)}`)
  })
  await stop(raw.child)
  await verify(f, f.rawHallId, `${provider} raw`)
  return { appR, rawR }
}

async function fanOut (f: Fixture) {
  // The real server: S streams on the hall, K calls by the window (desk ticket, call-next, done).
  const app = await start(['--serve', f.url])
  const before = await app.mem()
  const s1 = await openStreams(`${app.base}/api/v1/halls/${f.hallId}/queue/events`, STREAMS)
  const after = await app.mem()
  const appLat: number[] = []
  for (let k = 0; k < CALLS; k++) {
    // The rush left N tickets waiting: the window calls the next one.
    const sent = performance.now()
    const c = await post(`${app.base}/api/v1/staff/windows/${f.windowId}/call-next`, {}, f.clerkToken)
    if (c.status !== 200) throw new Error(`call-next answered ${c.status}: ${c.text.slice(0, 200)}`)
    const number = JSON.parse(c.text).number as string
    const got = await s1.arrivals(number, STREAMS)
    if (got.length !== STREAMS) throw new Error(`call ${number} reached ${got.length} of ${STREAMS} streams`)
    appLat.push(...got.map((at) => at - sent))
    await post(`${app.base}/api/v1/staff/tickets/${JSON.parse(c.text).id as string}/done`, {}, f.clerkToken)
  }
  s1.close()
  await stop(app.child)
  const raw = await start(['--serve-raw', f.url, 'sqlite'])
  const rb = await raw.mem()
  const s2 = await openStreams(`${raw.base}/events`, STREAMS)
  const ra = await raw.mem()
  const rawLat: number[] = []
  for (let k = 0; k < CALLS; k++) {
    const sent = performance.now()
    await post(`${raw.base}/fire`, { number: `R${k}` })
    const got = await s2.arrivals(`R${k}`, STREAMS)
    rawLat.push(...got.map((at) => at - sent))
  }
  s2.close()
  await stop(raw.child)
  const perStream = (a: { rss: number; heap: number }, b: { rss: number; heap: number }) => ({ rssKb: (a.rss - b.rss) / 1024 / STREAMS, heapKb: (a.heap - b.heap) / 1024 / STREAMS })
  return { appLat, rawLat, appMem: perStream(after, before), rawMem: perStream(ra, rb) }
}

async function main () {
  if (process.argv[2] === '--serve') { await serveReal(process.argv[3]!); return }
  if (process.argv[2] === '--serve-raw') { await serveRaw(process.argv[3]!, process.argv[4] as Provider); return }
  const providers: Provider[] = process.argv.includes('--sqlite-only') ? ['sqlite'] : ['sqlite', 'postgresql']
  console.log(`服务大厅压测：${N} 位群众同时取号（同一大厅）；${STREAMS} 条实时事件流 × ${CALLS} 次叫号；基线 = 裸 node:http + 驱动直写 SQL${quick ? '（--quick）' : ''}`)
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  const ms = (x: number) => `${x.toFixed(1)} ms`
  for (const p of providers) {
    const f = await setUp(p)
    try {
      const { appR, rawR } = await ticketRush(p, f)
      console.log(`\n${p}`)
      console.log(`  ticket rush ${N}   app ${appR.perSecond.toFixed(0)}/s  p50 ${ms(appR.p50)}  p99 ${ms(appR.p99)} | raw SQL ${rawR.perSecond.toFixed(0)}/s  p50 ${ms(rawR.p50)}  p99 ${ms(rawR.p99)} | app/raw = ${(appR.perSecond / rawR.perSecond).toFixed(2)}, p99 ${(appR.p99 / rawR.p99).toFixed(2)}×; ${N} unique numbers, none lost`)
      if (p === 'sqlite') {
        const r = await fanOut(f)
        console.log(`  event fan-out ${STREAMS} streams × ${CALLS} calls   app p50 ${ms(pct(r.appLat, 0.5))}  p99 ${ms(pct(r.appLat, 0.99))} | raw node:http p50 ${ms(pct(r.rawLat, 0.5))}  p99 ${ms(pct(r.rawLat, 0.99))} | memory per stream app ${r.appMem.rssKb.toFixed(1)} KB RSS (${r.appMem.heapKb.toFixed(1)} KB heap), raw ${r.rawMem.rssKb.toFixed(1)} KB RSS`)
        if (pct(r.appLat, 0.99) > 1000) process.exitCode = 1
      }
      if (appR.p99 > 2000) process.exitCode = 1
    } finally {
      await f.drop()
    }
  }
  agent.destroy()
  console.log(`machine after: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
}

main().catch((err) => { console.error(err); process.exit(1) })
