#!/usr/bin/env node
// OpenAPI check with third-party tools: start the server (demo data, temp SQLite), fetch /api/openapi.json, lint it
// with Redocly CLI (no errors), start Prism as a mock on it (it refuses an unresolved $ref) and as a validating proxy
// in front of the real server; real requests through the proxy must carry no `sl-violations`. Exit 1 on any miss.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-oas-'))
const children = []
const log = (m) => console.log(`[openapi-check] ${m}`)
const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)) }) })

function start (cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (b) => { out += b })
  child.stderr.on('data', (b) => { out += b })
  children.push(child)
  return { child, output: () => out }
}

async function waitFor (url, what, proc, ms = 90_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${what} 已退出：\n${proc.output().slice(-3000)}`)
    try { const r = await fetch(url); if (r.status < 500) return } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${what} 未在 ${ms / 1000}s 内启动：\n${proc.output().slice(-3000)}`)
}

async function main () {
  const port = await freePort()
  const password = 'Oas-Check-2026!'
  const server = start(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${path.join(tmp, 'oas.db')}`,
    DATA_DIR: tmp, DEMO_PASSWORD: password, RATE_LIMITS: 'off', JOBS: 'off', LOG_LEVEL: 'warn',
  })
  const base = `http://127.0.0.1:${port}`
  await waitFor(`${base}/readyz`, '服务', server)
  const file = path.join(tmp, 'openapi.json')
  fs.writeFileSync(file, await (await fetch(`${base}/api/openapi.json`)).text())
  log(`fetched ${base}/api/openapi.json`)

  const lint = spawnSync(bin('redocly'), ['lint', file, '--format=summary'], { cwd: tmp, encoding: 'utf8' })
  process.stdout.write(lint.stdout.split('\n').filter((l) => /^(error|warning)|valid|failed/i.test(l)).map((l) => `  ${l}\n`).join(''))
  if (lint.status !== 0) throw new Error(`Redocly lint 报告错误：\n${lint.stdout}${lint.stderr}`)

  const mockPort = await freePort()
  const mock = start(bin('prism'), ['mock', file, '-p', String(mockPort), '-h', '127.0.0.1'])
  await waitFor(`http://127.0.0.1:${mockPort}/api/v1/orgs`, 'Prism mock', mock)
  const mocked = await fetch(`http://127.0.0.1:${mockPort}/api/v1/orgs`)
  if (mocked.status !== 200 || !Array.isArray((await mocked.json()).items)) throw new Error(`Prism mock GET /api/v1/orgs → ${mocked.status}`)
  log('Prism mock started on the document and answered GET /api/v1/orgs')

  const proxyPort = await freePort()
  const proxy = start(bin('prism'), ['proxy', file, base, '-p', String(proxyPort), '-h', '127.0.0.1', '--errors=false'])
  const via = `http://127.0.0.1:${proxyPort}`
  await waitFor(`${via}/api/v1/privacy`, 'Prism proxy', proxy)
  const login = await (await fetch(`${via}/api/v1/auth/staff`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) })).json()
  const auth = { Authorization: `Bearer ${login.token}` }
  const traffic = [
    ['GET', '/api/v1/orgs'], ['GET', '/api/v1/halls'], ['GET', '/api/v1/service-items'], ['GET', '/api/v1/notices?limit=5'],
    ['GET', '/api/v1/privacy'], ['GET', '/api/v1/me', auth], ['GET', '/api/v1/notices/no_such_notice'], ['GET', '/api/v1/me', undefined, 'no token'],
  ]
  const violations = []
  for (const [method, p, headers, invalidRequest] of traffic) {
    const r = await fetch(via + p, { method, headers })
    await r.arrayBuffer()
    // A deliberately invalid request (no token) is flagged on the request side; its answer must still match.
    const v = JSON.parse(r.headers.get('sl-violations') ?? '[]').filter((x) => !invalidRequest || x.location?.[0] !== 'request')
    log(`proxy ${method} ${p}${invalidRequest ? ` (${invalidRequest})` : ''} → ${r.status}${v.length ? ` violations: ${JSON.stringify(v)}` : ''}`)
    if (v.length) violations.push(`${method} ${p}: ${JSON.stringify(v)}`)
  }
  if (violations.length) throw new Error(`Prism 发现与接口文档不符的请求或响应：\n${violations.join('\n')}`)
  log('ok')
}

let code = 0
try { await main() } catch (err) { console.error(`[openapi-check] 失败：${err.message}`); code = 1 }
for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
await new Promise((r) => setTimeout(r, 300))
fs.rmSync(tmp, { recursive: true, force: true })
process.exit(code)
