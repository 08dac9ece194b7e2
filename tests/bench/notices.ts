// 政务公开 list, hot and cold, on SQLite:
// 1. throughput and p99 of GET /api/v1/notices (the real server: Koa, auth, contract validation, cache, ETag, pino log)
//    against a raw node:http server answering the same bytes, in the same run, printed as ratios;
// 2. list latency at 1 k vs 100 k notices: cached first page, cold pages walked by cursor, cold category pages,
//    cold keyword searches, cold details.
// Servers run in child processes (production mode); the load generator is this process (keep-alive, fixed concurrency).
// Run: npx tsx tests/bench/notices.ts [--quick]   (--quick: 1 k vs 10 k, short rounds; a CI smoke)
import { fork, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'

const self = fileURLToPath(import.meta.url)
const quick = process.argv.includes('--quick')
const SIZES = quick ? [1_000, 10_000] : [1_000, 100_000]
const DURATION_MS = quick ? 1_500 : 8_000
const CONCURRENCY = 32
const COLD = quick ? 20 : 100

// ---------- child processes ----------
async function serveReal (url: string): Promise<void> {
  const { loadConfig } = await import('../../server/src/platform/config')
  const { createDb } = await import('../../server/src/platform/db')
  const { createLogger } = await import('../../server/src/platform/logger')
  const { buildDeps } = await import('../../server/src/deps')
  const { createApp } = await import('../../server/src/app')
  const config = loadConfig({
    NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'info', JOBS: 'off', CLOCK: '2026-11-23T09:00:00+08:00',
    TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex'), DATA_DIR: path.dirname(url.replace(/^file:/, '')),
  })
  const deps = await buildDeps(config, await createDb(config.databaseUrl), createLogger('info'))
  const server = createApp(deps).listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
  process.on('SIGTERM', () => process.exit(0)) // a clean exit (lets --cpu-prof write its profile)
}

function serveRaw (): void {
  let payload: { body: Buffer; headers: Record<string, string> } | null = null
  process.on('message', (m: { body: string; headers: Record<string, string> }) => {
    payload = { body: Buffer.from(m.body), headers: m.headers }
    const server = http.createServer((_req, res) => { res.writeHead(200, payload!.headers); res.end(payload!.body) })
    server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
  })
}

function start (args: string[], message?: unknown): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(self, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, base: `http://127.0.0.1:${m.port}` }))
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)))
    if (message) child.send(message as never)
  })
}

// ---------- load generation ----------
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
function get (url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }))
    }).on('error', reject)
  })
}
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN }

async function load (url: string, ms: number): Promise<{ rps: number; p50: number; p99: number }> {
  const lat: number[] = []
  const end = performance.now() + ms
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now()
      const r = await get(url)
      if (r.status !== 200) throw new Error(`HTTP ${r.status}`)
      lat.push(performance.now() - t0)
    }
  }))
  return { rps: lat.length / (ms / 1000), p50: pct(lat, 0.5), p99: pct(lat, 0.99) }
}

async function timed (urls: string[]): Promise<{ p50: number; p99: number; n: number }> {
  const lat: number[] = []
  for (const u of urls) {
    const t0 = performance.now()
    const r = await get(u)
    if (r.status !== 200) throw new Error(`HTTP ${r.status} for ${u}: ${r.body.slice(0, 200)}`)
    lat.push(performance.now() - t0)
  }
  return { p50: pct(lat, 0.5), p99: pct(lat, 0.99), n: lat.length }
}

// ---------- data ----------
const CATEGORIES = ['通知公告', '政策文件', '政策解读', '办事指南', '工作动态', '财政信息', '年度报告'] as const
const WORDS = ['一趟不用跑', '预决算', '办事指南', '政策解读', '依申请公开', '民意征集', '三同步', '便民服务', '低保', '网上办事大厅', '信息公开', '权责清单', '政务新媒体', '保密审查', '在线访谈', '残疾人福利', '老年人福利', '放管服', '审批', '二维码']

async function seed (file: string, n: number): Promise<void> {
  const { migrateDeploy } = await import('../../server/src/platform/migrate')
  const { createDb } = await import('../../server/src/platform/db')
  const { searchKey, plainText, sanitizeBody, autoSummary } = await import('../../server/src/modules/notices/notice.text')
  const { huliReport2019 } = await import('../../server/src/modules/notices/notice.seed-data')
  const url = `file:${file}`
  await migrateDeploy(url, 'sqlite')
  const db = await createDb(url)
  const org = await db.org.create({ data: { id: 'street', name: '湖里街道办事处', level: 'STREET', path: '/street/' } })
  // Sanitised once per distinct body (the service does this per write; 100 k sanitiser runs would dominate the seeding).
  const bodies = huliReport2019.map((p) => { const body = sanitizeBody(`<p>${p}</p>`); return { body, summary: autoSummary(body), text: plainText(body) } })
  const base = Date.parse('2026-11-23T00:00:00+08:00')
  for (let i = 0; i < n; i += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, n - i) }, (_, k) => {
      const j = i + k
      const b = bodies[j % bodies.length]!
      const title = `第${j}号 ${WORDS[j % WORDS.length]}${CATEGORIES[j % 7]}`
      return {
        orgId: org.id, category: CATEGORIES[j % 7]!, title, summary: b.summary, body: b.body, searchText: searchKey([title, b.summary, b.text].join(' ')),
        status: j % 20 === 19 ? 'DRAFT' as const : 'PUBLISHED' as const, pinned: j % Math.floor(n / 5) === 0, authorId: 'bench',
        publishedAt: new Date(base - j * 3_600_000), createdAt: new Date(base - j * 3_600_000),
      }
    })
    await db.notice.createMany({ data: rows })
  }
  await db.$queryRawUnsafe('ANALYZE')
  await db.$disconnect()
}

// ---------- main ----------
const ms = (x: number) => `${x.toFixed(2)} ms`
async function main (): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-notices-'))
  const children: ChildProcess[] = []
  try {
    console.log(`notices bench (${quick ? 'quick' : 'full'}): ${CONCURRENCY} connections, ${DURATION_MS / 1000} s per round, ${os.cpus().length} CPUs, Node ${process.version}\n`)
    const results: Record<number, Record<string, string>> = {}
    for (const [si, n] of SIZES.entries()) {
      const file = path.join(dir, `n${n}.db`)
      const t0 = performance.now()
      await seed(file, n)
      console.log(`seeded ${n.toLocaleString('en')} notices in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      const real = await start(['--serve-real', `file:${file}`])
      children.push(real.child)
      const listUrl = `${real.base}/api/v1/notices?limit=20`
      const first = await get(listUrl)
      const page = JSON.parse(first.body) as { items: { id: string }[]; nextCursor: string | null }

      if (si === 0) {
        const raw = await start(['--serve-raw'], { body: first.body, headers: { 'content-type': 'application/json; charset=utf-8', etag: String(first.headers.etag), 'cache-control': 'public, no-cache' } })
        children.push(raw.child)
        await load(`${raw.base}/`, 500) // warm-up
        await load(listUrl, 500)
        const best = (a: Awaited<ReturnType<typeof load>>, b: Awaited<ReturnType<typeof load>>) => (a.rps >= b.rps ? a : b)
        let r = await load(`${raw.base}/`, DURATION_MS); let s = await load(listUrl, DURATION_MS)
        if (!quick) { r = best(r, await load(`${raw.base}/`, DURATION_MS)); s = best(s, await load(listUrl, DURATION_MS)) }
        console.log(`\nGET /api/v1/notices?limit=20 (${first.body.length} bytes), ${n.toLocaleString('en')} notices, cached page`)
        console.log(`  raw node:http   ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}`)
        console.log(`  real server     ${s.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(s.p50)}   p99 ${ms(s.p99)}`)
        console.log(`  ratio real/raw: throughput ${(s.rps / r.rps).toFixed(2)}×, p99 ${(s.p99 / r.p99).toFixed(2)}×\n`)
        raw.child.kill()
      }

      // Cold reads: each URL is a new cache key (cursor pages, categories, keywords, details), measured one at a time.
      const hot = await timed(Array.from({ length: COLD }, () => listUrl))
      const pages: string[] = []
      let cursor = page.nextCursor
      while (pages.length < COLD && cursor) {
        const u = `${real.base}/api/v1/notices?limit=20&cursor=${cursor}`
        pages.push(u)
        cursor = (JSON.parse((await get(u)).body) as { nextCursor: string | null }).nextCursor
      }
      // The walk above filled the cache; a fresh server measures the same pages cold.
      real.child.kill()
      const cold = await start(['--serve-real', `file:${file}`])
      children.push(cold.child)
      const rebase = (u: string) => u.replace(real.base, cold.base)
      // Warm the fresh process (JIT, query plans) with keys that are not measured below.
      const warm = JSON.parse((await get(`${cold.base}/api/v1/notices?limit=19`)).body) as { items: { id: string }[]; nextCursor: string }
      await get(`${cold.base}/api/v1/notices?limit=19&cursor=${warm.nextCursor}`)
      await get(`${cold.base}/api/v1/notices?limit=9&category=${encodeURIComponent('工作动态')}`)
      await get(`${cold.base}/api/v1/notices?limit=19&q=${encodeURIComponent('街道')}`)
      await get(`${cold.base}/api/v1/notices/${warm.items[0]!.id}`)
      const walk = await timed(pages.map(rebase))
      const cats = await timed(CATEGORIES.flatMap((c) => [10, 20, 30].map((l) => `${cold.base}/api/v1/notices?limit=${l}&category=${encodeURIComponent(c)}`)))
      const search = await timed(WORDS.slice(0, quick ? 5 : 20).map((w) => `${cold.base}/api/v1/notices?limit=20&q=${encodeURIComponent(w)}`))
      const detailIds = (JSON.parse((await get(`${cold.base}/api/v1/notices?limit=100`)).body) as { items: { id: string }[] }).items.map((i) => i.id)
      const details = await timed(detailIds.filter((id) => id !== warm.items[0]!.id).slice(0, COLD).map((id) => `${cold.base}/api/v1/notices/${id}`))
      cold.child.kill()
      results[n] = {
        '首页（缓存命中）': `${ms(hot.p50)} / ${ms(hot.p99)}`,
        [`翻页（冷，${walk.n} 页游标）`]: `${ms(walk.p50)} / ${ms(walk.p99)}`,
        [`栏目首页（冷，${cats.n} 次）`]: `${ms(cats.p50)} / ${ms(cats.p99)}`,
        [`关键词搜索（冷，${search.n} 个词）`]: `${ms(search.p50)} / ${ms(search.p99)}`,
        [`详情（冷，${details.n} 篇）`]: `${ms(details.p50)} / ${ms(details.p99)}`,
      }
    }
    console.log('List latency, one request at a time, p50 / p99:')
    const rows = Object.keys(results[SIZES[0]!]!)
    console.log(`  ${''.padEnd(22, '　')}${SIZES.map((n) => `${n.toLocaleString('en')} notices`.padStart(24)).join('')}`)
    for (const [i, row] of rows.entries()) {
      console.log(`  ${row.padEnd(22, '　')}${SIZES.map((n) => Object.values(results[n]!)[i]!.padStart(24)).join('')}`)
    }
  } finally {
    for (const c of children) c.kill()
    agent.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv.includes('--serve-real')) void serveReal(process.argv[process.argv.indexOf('--serve-real') + 1]!)
else if (process.argv.includes('--serve-raw')) serveRaw()
else main().catch((err) => { console.error(err); process.exit(1) })
