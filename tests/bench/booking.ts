// Booking throughput on SQLite and PostgreSQL:
// POST /api/v1/appointments through the real server (the production bundle server/dist/main.js when built — run.mjs
// builds it; else the sources in a forked child — production mode: Koa, auth session check, contract
// validation, rule checks, the conditional seat update + appointment + outbox message in one transaction, QR code)
// against the physical limit: a bare node:http child process writing the same booking with raw SQL through the driver
// (better-sqlite3 / pg: the same conditional UPDATE, INSERT appointment and INSERT notification in one transaction),
// HTTP included, sequential and with 100 in flight, as a ratio (throughput and p99).
// All bookings of a run hit one slot (the hot-row worst case); afterwards booked == appointments is checked.
// Run: npx tsx tests/bench/booking.ts [--quick] [--sqlite-only]   (--quick: a short CI smoke)
import { fork, type ChildProcess, type Serializable } from 'node:child_process'
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
const N = quick ? 60 : 1500
const CONCURRENCY = 100
const WARM = 30
/** Slot-release burst: this many residents within one second on a slot with BURST_SEATS seats. */
const BURST = quick ? 150 : 500
const BURST_SEATS = quick ? 60 : 200
const secrets = { TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex') }
const pgAdminUrl = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'

// ---------- child: the real server ----------
async function serveReal (url: string, env: Record<string, string>): Promise<void> {
  const { loadConfig } = await import('../../server/src/platform/config')
  const { createDb } = await import('../../server/src/platform/db')
  const { createLogger } = await import('../../server/src/platform/logger')
  const { buildDeps } = await import('../../server/src/deps')
  const { createApp } = await import('../../server/src/app')
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'info', JOBS: 'off', DATA_DIR: os.tmpdir(), ...env })
  const deps = await buildDeps(config, await createDb(config.databaseUrl), createLogger('info', fs.createWriteStream('/dev/null')))
  const server = createApp(deps).listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
  process.on('disconnect', () => process.exit(0)) // the parent is gone: never linger
  process.on('SIGTERM', () => process.exit(0)) // exit normally (so node --cpu-prof writes the server's profile)
}

// ---------- child: the physical limit — bare node:http + the raw driver, the same booking transaction ----------
async function serveRaw (provider: 'sqlite' | 'postgresql', f: Fixture): Promise<void> {
  const raw = await rawDriver(provider, f)
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const { slotId, i } = JSON.parse(Buffer.concat(chunks).toString()) as { slotId: string; i: number }
      raw.book(slotId, i).then(
        () => { res.writeHead(201, { 'content-type': 'application/json' }); res.end(JSON.stringify({ ok: true })) },
        (e: Error) => { res.writeHead(409, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: e.message })) },
      )
    })
  })
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
  process.on('disconnect', () => process.exit(0))
  process.on('SIGTERM', () => { void raw.close().finally(() => process.exit(0)) })
}

function startServer (args: string[], init?: Record<string, unknown>): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(self, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  if (init) child.send(init as Serializable) // large fixtures go over IPC, not argv
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, base: `http://127.0.0.1:${m.port}` }))
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)))
  })
}

async function stop (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill()
  await exited
}

// ---------- load generation ----------
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
function post (url: string, token: string, body: unknown): Promise<{ status: number; text: string }> {
  const data = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(data)
  })
}

function get (url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)) }).on('error', reject)
  })
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN }
interface Result { perSecond: number; p50: number; p99: number }

/** Runs n jobs with `width` in flight; every job must succeed. */
async function measure (n: number, width: number, job: (i: number) => Promise<void>): Promise<Result> {
  const lat: number[] = []
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) {
      const i = next++
      const s = performance.now()
      await job(i)
      lat.push(performance.now() - s)
    }
  }))
  const ms = performance.now() - t0
  return { perSecond: (n / ms) * 1000, p50: pct(lat, 0.5), p99: pct(lat, 0.99) }
}

// ---------- database set-up ----------
type SlotKey = 'warm' | 'appSeq' | 'appConc' | 'rawSeq' | 'rawConc' | 'burst'
interface Fixture { url: string; hallId: string; windowId: string; itemId: string; date: string; slots: Record<SlotKey, string>; tokens: string[]; burstTokens: string[]; residentIds: string[]; drop: () => Promise<void> }

async function createDatabase (provider: 'sqlite' | 'postgresql'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-'))
    return { url: `file:${path.join(dir, 'bench.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const pg = (await import('pg')).default
  const name = `bm_bench_${crypto.randomBytes(5).toString('hex')}`
  const admin = async (sql: string) => { const c = new pg.Client({ connectionString: pgAdminUrl }); await c.connect(); try { await c.query(sql) } finally { await c.end() } }
  await admin(`CREATE DATABASE "${name}"`)
  const u = new URL(pgAdminUrl)
  u.pathname = `/${name}`
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}

async function setUp (provider: 'sqlite' | 'postgresql'): Promise<Fixture> {
  const { migrateDeploy } = await import('../../server/src/platform/migrate')
  const { loadConfig } = await import('../../server/src/platform/config')
  const { createDb } = await import('../../server/src/platform/db')
  const { createLogger } = await import('../../server/src/platform/logger')
  const { buildDeps } = await import('../../server/src/deps')
  const { issueToken } = await import('../../server/src/platform/auth')
  const { atShanghai } = await import('../../server/src/platform/clock')
  const made = await createDatabase(provider)
  await migrateDeploy(made.url, provider)
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: made.url, JOBS: 'off', DATA_DIR: os.tmpdir(), ...secrets })
  const db = await createDb(config.databaseUrl)
  const deps = await buildDeps(config, db, createLogger('silent'))
  const date = deps.calendar.addWorkdays(deps.clock.today(), 1)
  const org = await db.org.create({ data: { name: '压测街道', level: 'STREET', path: '/pending/' } })
  await db.org.update({ where: { id: org.id }, data: { path: `/${org.id}/` } })
  const hall = await db.hall.create({ data: { orgId: org.id, name: '压测便民服务中心', address: '压测路 1 号' } })
  const item = await db.serviceItem.create({ data: { orgId: org.id, code: 'BENCH-1', name: '压测事项', category: '证明开具', materials: [], timeLimitDays: 1 } })
  const win = await db.window.create({ data: { hallId: hall.id, name: '综合窗口', number: '1', items: { create: [{ serviceItemId: item.id }] } } })
  const slots = {} as Fixture['slots']
  for (const [key, start, end] of [['warm', '08:30', '09:00'], ['appSeq', '09:00', '09:30'], ['appConc', '09:30', '10:00'], ['rawSeq', '10:00', '10:30'], ['rawConc', '10:30', '11:00']] as const) {
    const s = await db.slot.create({ data: { hallId: hall.id, windowId: win.id, windowKey: win.id, date, start, end, startsAt: atShanghai(date, start), capacity: N + WARM } })
    slots[key] = s.id
  }
  slots.burst = (await db.slot.create({ data: { hallId: hall.id, windowId: win.id, windowKey: win.id, date, start: '14:00', end: '14:30', startsAt: atShanghai(date, '14:00'), capacity: BURST_SEATS } })).id
  // Residents who accepted the current privacy notice (booking requires it).
  const consentVersion = (await deps.settings.get()).privacy.version
  await db.resident.createMany({ data: Array.from({ length: 2 * N + WARM }, (_, i) => ({ openid: `bench_${String(i).padStart(6, '0')}`, consentVersion, consentAt: new Date() })) })
  const residents = await db.resident.findMany({ select: { id: true }, orderBy: { openid: 'asc' } })
  const tokens: string[] = []
  for (const r of residents) tokens.push((await issueToken(deps, 'RESIDENT', r.id)).token)
  // The burst's residents hold no booking of the item that day yet (one per person, item and day).
  await db.resident.createMany({ data: Array.from({ length: BURST }, (_, i) => ({ openid: `burst_${String(i).padStart(6, '0')}`, consentVersion, consentAt: new Date() })) })
  const burstTokens: string[] = []
  for (const r of await db.resident.findMany({ where: { openid: { startsWith: 'burst_' } }, select: { id: true } })) burstTokens.push((await issueToken(deps, 'RESIDENT', r.id)).token)
  await db.$disconnect()
  return { url: made.url, hallId: hall.id, windowId: win.id, itemId: item.id, date, slots, tokens, burstTokens, residentIds: residents.map((r) => r.id), drop: made.drop }
}

// ---------- the raw-SQL baseline ----------
interface Raw { book: (slotId: string, i: number) => Promise<void>; close: () => Promise<void> }

async function rawDriver (provider: 'sqlite' | 'postgresql', f: Fixture): Promise<Raw> {
  const { FieldCipher } = await import('../../server/src/platform/crypto')
  const cipher = new FieldCipher(Buffer.from(secrets.PHONE_KEY, 'hex'))
  const row = (slotId: string, i: number) => {
    const now = new Date().toISOString()
    return {
      // Unique per hall and day without retries: random 6-digit codes (the app's, which retries on a clash) collide
      // among thousands of bookings of one day; "R" + i never meets another code.
      id: crypto.randomUUID(), slotId, code: `R${String(i).padStart(5, '0')}`, key: `raw:${slotId}:${i}`,
      phone: cipher.encrypt(`139${String(i).padStart(8, '0')}`), now, resident: f.residentIds[i % f.residentIds.length]!,
    }
  }
  if (provider === 'sqlite') {
    const Database = (await import('better-sqlite3')).default
    const db = new Database(f.url.replace(/^file:/, ''))
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 10000')
    const seat = db.prepare('UPDATE "Slot" SET "booked" = "booked" + 1, "updatedAt" = ? WHERE "id" = ? AND "booked" < "capacity" AND "closed" = 0')
    const appt = db.prepare(`INSERT INTO "Appointment" ("id","residentId","slotId","serviceItemId","hallId","windowId","date","status","code","activeKey","contactName","contactPhoneEnc","channel","createdAt","updatedAt")
      VALUES (?,?,?,?,?,?,?,'BOOKED',?,?,?,?,'APP',?,?)`)
    const note = db.prepare(`INSERT INTO "Notification" ("id","residentId","kind","title","body","dedupeKey","deliveryState","attempts","nextAttemptAt","createdAt")
      VALUES (?,?,'BOOKING_CONFIRMED','预约成功',?,?,'PENDING',0,?,?)`)
    const tx = db.transaction((r: ReturnType<typeof row>) => {
      if (seat.run(r.now, r.slotId).changes !== 1) throw new Error('slot full')
      appt.run(r.id, r.resident, r.slotId, f.itemId, f.hallId, f.windowId, f.date, r.code, r.key, '压测', r.phone, r.now, r.now)
      note.run(crypto.randomUUID(), r.resident, `签到码 ${r.code}`, `booked:${r.id}`, r.now, r.now)
    })
    return { book: async (slotId, i) => { tx(row(slotId, i)) }, close: async () => { db.close() } }
  }
  const pg = (await import('pg')).default
  const pool = new pg.Pool({ connectionString: f.url, max: 10 })
  return {
    async book (slotId, i) {
      const r = row(slotId, i)
      const c = await pool.connect()
      try {
        await c.query('BEGIN')
        const s = await c.query('UPDATE "Slot" SET "booked" = "booked" + 1, "updatedAt" = now() WHERE "id" = $1 AND "booked" < "capacity" AND "closed" = false', [slotId])
        if (s.rowCount !== 1) throw new Error('slot full')
        await c.query(`INSERT INTO "Appointment" ("id","residentId","slotId","serviceItemId","hallId","windowId","date","status","code","activeKey","contactName","contactPhoneEnc","channel","createdAt","updatedAt")
          VALUES ($1,$2,$3,$4,$5,$6,$7,'BOOKED',$8,$9,'压测',$10,'APP',now(),now())`, [r.id, r.resident, slotId, f.itemId, f.hallId, f.windowId, f.date, r.code, r.key, r.phone])
        await c.query(`INSERT INTO "Notification" ("id","residentId","kind","title","body","dedupeKey","deliveryState","attempts","nextAttemptAt","createdAt")
          VALUES ($1,$2,'BOOKING_CONFIRMED','预约成功',$3,$4,'PENDING',0,now(),now())`, [crypto.randomUUID(), r.resident, `签到码 ${r.code}`, `booked:${r.id}`])
        await c.query('COMMIT')
      } catch (e) {
        await c.query('ROLLBACK')
        throw e
      } finally {
        c.release()
      }
    },
    close: () => pool.end(),
  }
}

// ---------- one provider ----------
async function runProvider (provider: 'sqlite' | 'postgresql') {
  const step = (m: string) => process.stderr.write(`  [${provider}] ${m}\n`)
  step('准备数据库与测试数据…')
  const f = await setUp(provider)
  let child: ChildProcess | null = null
  try {
    const server = useBundle() ? await startBundle(f.url, secrets) : await startServer(['--serve', f.url, JSON.stringify(secrets)])
    child = server.child
    const url = `${server.base}/api/v1/appointments`
    const body = (slotId: string, i: number) => ({ slotId, serviceItemId: f.itemId, contactName: '压测', contactPhone: `139${String(i).padStart(8, '0')}` })
    const viaApp = (slotId: string, offset: number) => async (i: number) => {
      const r = await post(url, f.tokens[offset + i]!, body(slotId, i))
      if (r.status !== 201) throw new Error(`booking answered ${r.status}: ${r.text.slice(0, 200)}`)
    }
    step('应用：预热、顺序、并发…')
    await measure(WARM, 10, viaApp(f.slots.warm, 2 * N)) // warm-up (JIT, caches, connections), not counted
    const appSeq = await measure(N, 1, viaApp(f.slots.appSeq, 0))
    const appConc = await measure(N, CONCURRENCY, viaApp(f.slots.appConc, N))
    step(`放号高峰：${BURST} 人在 1 秒内抢 ${BURST_SEATS} 个号，同时读公开列表与时段…`)
    const burst = await releaseBurst(server.base, f, body)
    await stop(child)
    child = null
    step('基线（裸 node:http 子进程 + 驱动直写 SQL）：预热、顺序、并发…')
    const bare = await startServer(['--serve-raw', provider], { ...f, tokens: [], drop: undefined })
    child = bare.child
    const viaRaw = (slotId: string, offset: number) => async (i: number) => {
      const r = await post(`${bare.base}/book`, '-', { slotId, i: offset + i })
      if (r.status !== 201) throw new Error(`raw booking answered ${r.status}: ${r.text.slice(0, 200)}`)
    }
    await measure(WARM, 10, viaRaw(f.slots.warm, 2 * N))
    const rawSeq = await measure(N, 1, viaRaw(f.slots.rawSeq, 0))
    const rawConc = await measure(N, CONCURRENCY, viaRaw(f.slots.rawConc, N))
    await stop(child)
    child = null
    await verify(provider, f)
    return { appSeq, appConc, rawSeq, rawConc, burst }
  } finally {
    child?.kill()
    await f.drop()
  }
}

/** BURST residents arrive evenly within one second on one slot of BURST_SEATS seats, while two readers keep listing
 * notices and the item's slots; every answer must be 201 or SLOT_FULL (no 5xx), exactly BURST_SEATS booked. */
async function releaseBurst (base: string, f: Fixture, body: (slotId: string, i: number) => unknown) {
  const lat: number[] = []
  const reads: number[] = []
  const statuses: Record<number, number> = {}
  let done = false
  const reader = async () => {
    for (let k = 0; !done; k++) {
      const s = performance.now()
      const status = await get(k % 2 ? `${base}/api/v1/notices` : `${base}/api/v1/service-items/${f.itemId}/slots`)
      if (status !== 200) throw new Error(`read during the burst answered ${status}`)
      reads.push(performance.now() - s)
    }
  }
  const readers = [reader(), reader()]
  await Promise.all(f.burstTokens.map((token, i) => new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      const s = performance.now()
      post(`${base}/api/v1/appointments`, token, body(f.slots.burst, 5000 + i)).then((r) => {
        lat.push(performance.now() - s)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        if (r.status !== 201 && !(r.status === 409 && r.text.includes('SLOT_FULL'))) reject(new Error(`burst booking answered ${r.status}: ${r.text.slice(0, 200)}`))
        else resolve()
      }, reject)
    }, (i * 1000) / BURST)
  })))
  done = true
  await Promise.all(readers)
  if (statuses[201] !== BURST_SEATS) throw new Error(`burst: ${statuses[201] ?? 0} booked, expected ${BURST_SEATS}`)
  return { booked: statuses[201], full: statuses[409] ?? 0, p99: pct(lat, 0.99), readP99: pct(reads, 0.99), reads: reads.length }
}

/** Every slot's counter matches its rows: nothing overbooked, nothing lost. */
async function verify (provider: 'sqlite' | 'postgresql', f: Fixture) {
  const { createDb } = await import('../../server/src/platform/db')
  const db = await createDb(f.url)
  try {
    for (const [key, id] of Object.entries(f.slots)) {
      const s = await db.slot.findUniqueOrThrow({ where: { id } })
      const n = await db.appointment.count({ where: { slotId: id } })
      if (s.booked !== n || n !== (key === 'warm' ? 2 * WARM : key === 'burst' ? BURST_SEATS : N)) throw new Error(`${provider}: slot ${key} booked=${s.booked}, rows=${n}`)
    }
  } finally {
    await db.$disconnect()
  }
}

async function main () {
  if (process.argv[2] === '--serve') { await serveReal(process.argv[3]!, JSON.parse(process.argv[4]!)); return }
  if (process.argv[2] === '--serve-raw') {
    const provider = process.argv[3] as 'sqlite' | 'postgresql'
    process.once('message', (f: Fixture) => { void serveRaw(provider, f) })
    return
  }
  const providers: ('sqlite' | 'postgresql')[] = process.argv.includes('--sqlite-only') ? ['sqlite'] : ['sqlite', 'postgresql']
  console.log(`预约压测：每项 ${N} 次预约（同一时段），顺序 与 ${CONCURRENCY} 并发；应用 = 真实服务端 HTTP，基线 = 裸 node:http 子进程 + 驱动直写 SQL（含 HTTP）${quick ? '（--quick）' : ''}`)
  const f = (r: Result) => `${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms`
  for (const p of providers) {
    const r = await runProvider(p)
    console.log(`\n${p}`)
    for (const [label, app, raw] of [['sequential', r.appSeq, r.rawSeq], [`${CONCURRENCY} concurrent`, r.appConc, r.rawConc]] as const) {
      console.log(`  ${label.padEnd(14)} app ${f(app)} | raw SQL ${f(raw)} | app/raw = ${(app.perSecond / raw.perSecond).toFixed(2)}, p99 ${(app.p99 / raw.p99).toFixed(1)}×`)
    }
    const b = r.burst
    console.log(`  slot release   ${BURST} residents in 1 s, ${BURST_SEATS} seats: ${b.booked} booked, ${b.full} full, booking p99 ${b.p99.toFixed(0)} ms | reads during the burst (notice list, slot list) p99 ${b.readP99.toFixed(1)} ms over ${b.reads}`)
  }
  agent.destroy()
}

main().catch((err) => { console.error(err); process.exit(1) })
