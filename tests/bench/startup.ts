// Server start-up time and memory: the real server process on a fresh SQLite database with demo data — time to
// /readyz on the first start (migrate + seed) and on a restart, RSS when idle and its peak under a read/booking load.
// Production build (server/dist/main.js, `node scripts/build-server.mjs`) when present, else the sources via tsx.
// Run: npx tsx tests/bench/startup.ts [--quick]   Prints one JSON line prefixed "BENCH " for tests/bench/run.mjs.
import fs from 'node:fs'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { call, env32, freePort, residents, root, sleep, throwawayDb, DEMO_PASSWORD } from '../chaos/lib'

const quick = process.argv.includes('--quick')
const LOAD_MS = quick ? 3_000 : 15_000
const CONCURRENCY = 20
const built = path.join(root, 'server/dist/main.js')
const useBuild = fs.existsSync(built)

const rssOf = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}

async function start (env: Record<string, string>) {
  const port = await freePort()
  const t0 = performance.now()
  const args = useBuild ? [built] : ['--import', 'tsx', 'server/src/main.ts']
  const proc = spawn(process.execPath, args, {
    cwd: root, stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMITS: 'off', JOBS: 'on', DEMO_PASSWORD, ...env32, ...env },
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (Date.now() > deadline || proc.exitCode !== null) { proc.kill('SIGKILL'); throw new Error('server did not start') }
    try { if ((await fetch(`${url}/readyz`)).ok) break } catch { await sleep(20) }
  }
  const ms = performance.now() - t0
  const stop = async () => { proc.kill('SIGTERM'); await new Promise((resolve) => proc.once('exit', resolve)) }
  return { url, ms, pid: proc.pid!, stop }
}

const db = await throwawayDb('sqlite')
try {
  const env = { DATABASE_URL: db.url, DATA_DIR: db.dir }
  const first = await start(env)
  await first.stop()
  const s = await start(env)
  await sleep(1000)
  const idle = rssOf(s.pid)
  // Load: residents reading notices and service items, and booking (most bookings end SLOT_FULL or DUPLICATE).
  const tokens = await residents(s.url, 'bench', CONCURRENCY)
  const item = ((await call(s.url, 'GET', '/api/v1/service-items?q=HL-HJ-001')).body.items as { id: string }[])[0]!
  const slots = (await call(s.url, 'GET', `/api/v1/service-items/${item.id}/slots`)).body.items as { id: string }[]
  let peak = idle
  let requests = 0
  const until = Date.now() + LOAD_MS
  const sampler = setInterval(() => { peak = Math.max(peak, rssOf(s.pid)) }, 100)
  await Promise.all(tokens.map(async (token, w) => {
    for (let i = 0; Date.now() < until; i++) {
      const k = i % 4
      if (k === 0) await call(s.url, 'GET', '/api/v1/notices?limit=20')
      else if (k === 1) await call(s.url, 'GET', `/api/v1/service-items/${item.id}`)
      else if (k === 2) await call(s.url, 'GET', '/api/v1/appointments', { token })
      else await call(s.url, 'POST', '/api/v1/appointments', { token, body: { slotId: slots[(w + i) % slots.length]!.id, serviceItemId: item.id, contactName: '压测', contactPhone: '13900000000' } })
      requests++
    }
  }))
  clearInterval(sampler)
  await s.stop()
  const result = {
    runtime: useBuild ? 'node server/dist/main.js' : 'tsx server/src/main.ts',
    firstStartMs: Math.round(first.ms), restartMs: Math.round(s.ms), idleRssMb: Math.round(idle), peakRssMb: Math.round(peak),
    loadRequests: requests, loadSeconds: LOAD_MS / 1000, reqPerSecond: Math.round(requests / (LOAD_MS / 1000)),
  }
  console.log(`server start-up (${result.runtime}, SQLite, demo data): first start ${result.firstStartMs} ms (migrate + seed), restart ${result.restartMs} ms`)
  console.log(`RSS idle ${result.idleRssMb} MB, peak ${result.peakRssMb} MB under ${CONCURRENCY} clients for ${result.loadSeconds} s (${result.reqPerSecond} req/s mixed reads and bookings)`)
  console.log(`BENCH ${JSON.stringify({ bench: 'startup', ...result })}`)
} finally {
  await db.drop()
}
