#!/usr/bin/env node
// Lighthouse (mobile, simulated 4G throttling) on the production server's H5 pages 首页, 办事 and 政务公开 in Debian's
// chromium. Builds nothing: it starts server/dist/main.js (npm run build:server) serving the H5 build (npm run
// build:h5, or H5_DIR) on a throwaway SQLite database with the demo data — seeded by a first start outside
// production, then served by a second start with NODE_ENV=production — and prints each page against the budget:
// performance ≥ 90, LCP ≤ 2.5 s, CLS ≤ 0.1, TBT ≤ 200 ms (median of the runs by performance score). It fails on what
// does not depend on the host's CPU — CLS, a Lighthouse error, assets not served compressed with long caching — and,
// with --strict, also on performance, LCP and TBT. Those three are not yet met on the 2-core CI machine (issue 17 is
// open: about 81–93 and LCP 2.7–2.9 s there), so CI prints them as warnings until they are.
//   node scripts/lighthouse.mjs [--runs 3] [--strict] [--json out.json] [--save dir] [--verbose]
//   (--json: the numbers; --save: every full report; --verbose: what shifts, what JS goes unused, the LCP element)
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def }
const runs = Number(opt('--runs', '3'))
const jsonOut = opt('--json', null)
const verbose = args.includes('--verbose')
const strict = args.includes('--strict')
const warnings = [] // budget misses that fail only with --strict
const saveDir = opt('--save', null) // the full Lighthouse reports (JSON), one per page and run
const h5Dir = path.resolve(process.env.H5_DIR ?? path.join(root, 'miniapp/dist/h5'))
const bundle = path.join(root, 'server/dist/main.js')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run']
const PAGES = [['首页', 'pages/home/index/index'], ['办事', 'pages/services/index/index'], ['政务公开', 'pages/notices/list/index']]
const BUDGET = { performance: 90, lcpMs: 2500, cls: 0.1, tbtMs: 200 }

for (const [what, file] of [['server/dist/main.js (npm run build:server)', bundle], [`${h5Dir}/index.html (npm run build:h5)`, path.join(h5Dir, 'index.html')], [`chromium at ${CHROMIUM}`, CHROMIUM]]) {
  if (!fs.existsSync(file)) { console.error(`✖ missing ${what}`); process.exit(1) }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-lh-'))
const secrets = { TOKEN_SECRET: crypto.randomBytes(36).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex') }
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer()
  s.once('error', reject)
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)) })
})

async function startServer (nodeEnv) {
  const port = await freePort()
  const child = spawn(process.execPath, [bundle], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME ?? tmp, NODE_ENV: nodeEnv, HOST: '127.0.0.1', PORT: String(port),
      DATABASE_URL: `file:${path.join(tmp, 'lh.db')}`, DATA_DIR: path.join(tmp, 'data'), H5_DIR: h5Dir, LOG_LEVEL: 'warn',
      JOBS: 'off', RATE_LIMITS: 'off', ...secrets,
    },
  })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server (${nodeEnv}) did not start`) }
    try { if ((await fetch(`${base}/readyz`)).ok) break } catch { await new Promise((r) => setTimeout(r, 100)) }
  }
  return { child, base, stop: () => new Promise((resolve) => { if (child.exitCode !== null) return resolve(); child.once('exit', resolve); child.kill('SIGTERM') }) }
}

const median = (xs, key) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]
const kib = (b) => `${(b / 1024).toFixed(0)} KiB`

let server = null
let chrome = null
const failures = []
const results = []
try {
  const seeding = await startServer('development')
  await seeding.stop()
  server = await startServer('production')
  console.log(`server ${server.base} (NODE_ENV=production, demo data), H5 ${path.relative(root, h5Dir) || h5Dir}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)

  // Static assets: precompressed and cached for a year.
  const html = await (await fetch(`${server.base}/`)).text()
  const asset = /src="\/?(js\/app\.[^"]+\.js)"/.exec(html)?.[1]
  const a = asset ? await fetch(`${server.base}/${asset}`, { headers: { 'accept-encoding': 'br, gzip' } }) : null
  const enc = a?.headers.get('content-encoding')
  console.log(`${asset}: content-encoding ${enc}, cache-control ${a?.headers.get('cache-control')}`)
  if (!a || !['br', 'gzip'].includes(enc) || !/max-age=31536000/.test(a.headers.get('cache-control') ?? '')) failures.push(`${asset} is not served compressed with long caching`)

  fs.mkdirSync(path.join(tmp, 'chrome'))
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, userDataDir: path.join(tmp, 'chrome') })
  for (const [name, page] of PAGES) {
    const url = `${server.base}/#/${page}`
    const samples = []
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
      const au = lhr.audits
      if (saveDir) { fs.mkdirSync(saveDir, { recursive: true }); fs.writeFileSync(path.join(saveDir, `${page.split('/')[1]}-${i + 1}.json`), JSON.stringify(lhr)) }
      samples.push({
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcpMs: au['largest-contentful-paint'].numericValue, cls: au['cumulative-layout-shift'].numericValue,
        tbtMs: au['total-blocking-time'].numericValue, fcpMs: au['first-contentful-paint'].numericValue,
        bytes: au['total-byte-weight'].numericValue, unusedJs: au['unused-javascript'].details?.overallSavingsBytes ?? 0,
        error: lhr.runtimeError?.message,
      })
      if (verbose) {
        for (const it of au['layout-shifts']?.details?.items ?? []) console.log(`  shift ${it.score?.toFixed(3)} ${it.node?.selector ?? ''} ${(it.node?.snippet ?? '').slice(0, 120)}`)
        for (const it of au['unused-javascript']?.details?.items ?? []) console.log(`  unused JS ${kib(it.wastedBytes)} of ${kib(it.totalBytes)} ${it.url}`)
        const lcp = au['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node
        if (lcp) console.log(`  LCP element ${lcp.selector} ${(lcp.snippet ?? '').slice(0, 120)}`)
      }
    }
    const m = median(samples, (s) => s.performance)
    results.push({ name, page, ...m, runs: samples })
    console.log(`${name.padEnd(4, '　')} performance ${m.performance}  LCP ${(m.lcpMs / 1000).toFixed(2)} s  CLS ${m.cls.toFixed(3)}  TBT ${Math.round(m.tbtMs)} ms` +
      `  (FCP ${(m.fcpMs / 1000).toFixed(2)} s, ${kib(m.bytes)} transferred, unused JS ${kib(m.unusedJs)}; runs: ${samples.map((s) => s.performance).join(' ')})`)
    if (m.error) failures.push(`${name}: ${m.error}`)
    const cpuBound = strict ? failures : warnings
    if (m.performance < BUDGET.performance) cpuBound.push(`${name}: performance ${m.performance} < ${BUDGET.performance}`)
    if (m.lcpMs > BUDGET.lcpMs) cpuBound.push(`${name}: LCP ${(m.lcpMs / 1000).toFixed(2)} s > 2.5 s`)
    if (m.cls > BUDGET.cls) failures.push(`${name}: CLS ${m.cls.toFixed(3)} > ${BUDGET.cls}`)
    if (m.tbtMs > BUDGET.tbtMs) cpuBound.push(`${name}: TBT ${Math.round(m.tbtMs)} ms > ${BUDGET.tbtMs} ms`)
  }
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ at: new Date().toISOString(), loadavg: os.loadavg(), results }, null, 2))
} catch (e) {
  failures.push(e?.stack ?? String(e))
} finally {
  await chrome?.kill()
  await server?.stop()
  fs.rmSync(tmp, { recursive: true, force: true })
}

for (const w of warnings) console.warn(`⚠ budget not met (not enforced without --strict, issue 17): ${w}`)
if (failures.length) {
  for (const f of failures) console.error(`✖ ${f}`)
  process.exit(1)
}
console.log(warnings.length
  ? '✔ CLS ≤ 0.1 and compressed, cached assets on 首页, 办事 and 政务公开; performance/LCP/TBT budget not yet met (warnings above)'
  : '✔ Lighthouse budget met on 首页, 办事 and 政务公开')
