#!/usr/bin/env node
// Production smoke test: build, start `node server/dist/main.js` with NODE_ENV=production on a fresh database with
// random secrets, and check what operators rely on: /readyz, admin sign-in, the H5 build with long-cache assets,
// /metrics, the built admin CLI, and a clean stop on SIGTERM. Fails (exit 1) on any miss.
//   node scripts/prod-smoke.mjs                  full `npm run build` (server, weapp, h5), SQLite
//   node scripts/prod-smoke.mjs --server-only    build only the server (the H5 check needs an existing build)
//   node scripts/prod-smoke.mjs --no-build       use the existing server/dist
//   node scripts/prod-smoke.mjs --pg [adminUrl]  PostgreSQL: a fresh database next to adminUrl
//                                                (default postgresql://postgres@127.0.0.1:5432/test), dropped after
//   node scripts/prod-smoke.mjs --clone          first `git clone` HEAD into a temp folder and `npm ci` there
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const has = (f) => args.includes(f)
const pgAt = args.indexOf('--pg')
const pgAdminUrl = pgAt < 0 ? null : (args[pgAt + 1] && !args[pgAt + 1].startsWith('--') ? args[pgAt + 1] : 'postgresql://postgres@127.0.0.1:5432/test')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-smoke-'))
const t0 = Date.now()
const step = (msg) => console.log(`[smoke ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`)
class SmokeFailure extends Error {}
const fail = (msg) => { throw new SmokeFailure(msg) }
const sh = (cmd, argv, cwd, env = process.env) => {
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit', env })
  if (r.status !== 0) fail(`${cmd} ${argv.join(' ')} exited ${r.status}`)
}

let cwd = here
let pgDb = null
let server = null
const pgClient = () => new (createRequire(path.join(cwd, 'package.json'))('pg').Client)({ connectionString: pgAdminUrl })
async function cleanup () {
  if (server && server.exitCode === null) server.kill('SIGKILL')
  if (pgDb) {
    const c = pgClient()
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS "${pgDb}" WITH (FORCE)`)
    await c.end()
  }
  fs.rmSync(tmp, { recursive: true, force: true })
}

try {
  await smoke()
} catch (err) {
  console.error(`[smoke] 失败：${err instanceof SmokeFailure ? err.message : err.stack}`)
  await cleanup().catch((e) => console.error(e))
  process.exit(1)
}
await cleanup()

async function smoke () {
  if (has('--clone')) {
    cwd = path.join(tmp, 'clone')
    step(`git clone HEAD → ${cwd}`)
    sh('git', ['clone', '--quiet', '--no-hardlinks', here, cwd], here)
    step('npm ci (clean install)')
    sh('npm', ['ci', '--no-audit', '--no-fund'], cwd)
  }
  if (!has('--no-build')) {
    step(has('--server-only') ? 'npm run build:server' : 'npm run build (server, weapp, h5)')
    sh('npm', ['run', has('--server-only') ? 'build:server' : 'build'], cwd, { ...process.env, NODE_ENV: 'production' })
  }
  if (!fs.existsSync(path.join(cwd, 'server', 'dist', 'main.js'))) fail('server/dist/main.js 不存在')

  let databaseUrl = `file:${path.join(tmp, 'smoke.db')}`
  if (pgAdminUrl) {
    pgDb = `bm_smoke_${crypto.randomBytes(5).toString('hex')}`
    const c = pgClient()
    await c.connect()
    await c.query(`CREATE DATABASE "${pgDb}"`)
    await c.end()
    const u = new URL(pgAdminUrl)
    u.pathname = `/${pgDb}`
    databaseUrl = u.toString()
  }

  const adminPassword = `Smoke-${crypto.randomBytes(6).toString('base64url')}-9a`
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME ?? tmp, NODE_ENV: 'production', DATABASE_URL: databaseUrl, DATA_DIR: path.join(tmp, 'data'),
    TOKEN_SECRET: crypto.randomBytes(36).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: adminPassword, ORG_NAME: '冒烟测试街道办事处', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
  }
  step(`start node server/dist/main.js (NODE_ENV=production, ${pgAdminUrl ? 'PostgreSQL' : 'SQLite'}, empty database)`)
  const started = Date.now()
  server = spawn(process.execPath, ['server/dist/main.js'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  server.stdout.on('data', (b) => { log += b })
  server.stderr.on('data', (b) => { log += b })
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SmokeFailure(`60 秒内未启动：\n${log}`)), 60_000)
    const poll = setInterval(() => {
      const port = /"port":(\d+)/.exec(log)?.[1]
      if (port) { clearInterval(poll); clearTimeout(timer); resolve(`http://127.0.0.1:${port}`) }
    }, 50)
    server.on('exit', (code) => { clearInterval(poll); if (!/"port":\d+/.test(log)) { clearTimeout(timer); reject(new SmokeFailure(`服务退出（${code}）：\n${log}`)) } })
  })

  const check = async (what, fn) => {
    try { await fn() } catch (err) { fail(`${what}: ${err.message}\n--- server log ---\n${log}`) }
    step(`ok  ${what}`)
  }
  const expect = (cond, msg) => { if (!cond) throw new Error(msg) }

  await check('/readyz answers ready', async () => {
    const r = await fetch(`${base}/readyz`)
    const body = await r.json()
    expect(r.status === 200 && body.status === 'ready', `${r.status} ${JSON.stringify(body)}`)
  })
  const readyMs = Date.now() - started
  await check('admin signs in with ADMIN_PASSWORD; no demo accounts', async () => {
    const login = (username) => fetch(`${base}/api/v1/auth/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: adminPassword }) })
    expect((await login('admin')).status === 200, 'admin login failed')
    expect((await login('editor')).status === 401, 'a demo account exists')
  })
  await check('H5 index.html (no-cache) and hashed assets (immutable)', async () => {
    const r = await fetch(`${base}/`)
    const html = await r.text()
    expect(r.status === 200 && r.headers.get('cache-control') === 'no-cache', `/ → ${r.status} ${r.headers.get('cache-control')}`)
    const asset = /(?:src|href)="\/?((?:js|css)\/[^"]+\.[0-9a-f]{8,}\.(?:js|css))"/.exec(html)?.[1]
    expect(asset, 'index.html references no hashed js/css: is the H5 build missing? (npm run build:h5)')
    const a = await fetch(`${base}/${asset}`)
    expect(a.status === 200 && a.headers.get('cache-control') === 'public, max-age=31536000, immutable', `/${asset} → ${a.status} ${a.headers.get('cache-control')}`)
  })
  await check('/metrics from loopback', async () => {
    const r = await fetch(`${base}/metrics`)
    const text = await r.text()
    expect(r.status === 200 && text.includes('bianmin_http_requests_total{method="GET",route="/readyz",status="200"}'), `${r.status}`)
  })
  await check('built admin CLI: no pending migrations', async () => {
    const r = spawnSync(process.execPath, ['server/dist/cli.js', 'pending-migrations', '--check'], { cwd, env, encoding: 'utf8' })
    expect(r.status === 0 && r.stdout.includes('没有待执行的数据库迁移'), `${r.status} ${r.stdout} ${r.stderr}`)
  })
  await check('stops cleanly on SIGTERM', async () => {
    const code = await new Promise((resolve) => { server.once('exit', resolve); server.kill('SIGTERM') })
    expect(code === 0, `exit code ${code}`)
  })
  step(`passed: ready ${readyMs} ms after start (first start migrates the empty database)`)
}
