#!/usr/bin/env node
// Runs every benchmark and prints a small table of the headline figures; a full run also writes docs/BENCHMARKS.md.
//   npm run bench             full run (1 M ratings on PostgreSQL, longer rounds; several minutes)
//   npm run bench -- --quick  CI smoke: short rounds, small data, nothing written
//   --only notices,booking,hall,stats,startup,weapp   a subset
//   --source   booking and hall run the server from its sources (tsx) instead of the bundle built first
// Each bench is its own script (run alone for details): tests/bench/notices.ts (notice list vs raw node:http),
// booking.ts (bookings via the real server vs raw driver SQL), stats.ts (好差评 statistics on PostgreSQL vs a raw
// GROUP BY), startup.ts (start-up time, RSS under load); the weapp main-package size comes from miniapp/scripts/weapp-check.mjs.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const quick = process.argv.includes('--quick')
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null
const tsx = (file, ...args) => [process.execPath, ['--import', 'tsx', file, ...args]]

/** name, command, time limit, and how to read the headline figures from its output. */
const benches = [
  {
    name: 'notices', cmd: tsx('tests/bench/notices.ts', ...(quick ? ['--quick'] : [])), limitS: quick ? 300 : 1200,
    figures: (out) => [...out.matchAll(/raw node:http\s+(\d+) req\/s.*?p99 ([\d.]+) ms\s+real server\s+(\d+) req\/s.*?p99 ([\d.]+) ms\s+ratio real\/raw: throughput ([\d.]+)×, p99 ([\d.]+)×/gs)]
      .map((m, i) => [`notice list (cached page), real server vs raw node:http${i ? ` (${i + 1})` : ''}`, `${m[3]} vs ${m[1]} req/s (${m[5]}×), p99 ${m[4]} vs ${m[2]} ms (${m[6]}×)`]),
  },
  {
    name: 'booking', cmd: tsx('tests/bench/booking.ts', ...(quick ? ['--quick'] : []), ...(process.argv.includes('--source') ? ['--source'] : [])), limitS: quick ? 300 : 1200,
    figures: (out) => {
      const rows = []
      let provider = ''
      for (const line of out.split('\n')) {
        if (/^(sqlite|postgresql)\s*$/.test(line.trim())) provider = line.trim()
        const m = /^\s*(\S.*?)\s+app\s+(\d+)\/s.*?p99 ([\d.]+) ms \| raw SQL\s+(\d+)\/s.*app\/raw = ([\d.]+)/.exec(line)
        if (m) rows.push([`booking ${provider} ${m[1]}, real server vs raw SQL`, `${m[2]} vs ${m[4]} bookings/s (${m[5]}×), app p99 ${m[3]} ms`])
        const b = /slot release\s+(\d+) residents in 1 s, (\d+) seats: (\d+) booked, (\d+) full, booking p99 (\d+) ms \| reads during the burst \(notice list, slot list\) p99 ([\d.]+) ms/.exec(line)
        if (b) rows.push([`booking ${provider} slot release: ${b[1]} residents within 1 s, ${b[2]} seats`, `${b[3]} booked, ${b[4]} full, booking p99 ${b[5]} ms, reads p99 ${b[6]} ms`])
      }
      return rows
    },
  },
  {
    name: 'stats', cmd: tsx('tests/bench/stats.ts', ...(quick ? ['--smoke'] : [])), limitS: quick ? 300 : 1800,
    figures: (out) => {
      const n = /ratingStats\(\) over ([\d,]+) ratings/.exec(out)?.[1] ?? '?'
      return [...out.matchAll(/^(.+?)\s+([\d.]+) ms\s+baseline\s+([\d.]+) ms\s+ratio ([\d.]+)/gm)]
        .map((m) => [`好差评 stats over ${n} ratings (PostgreSQL): ${m[1].replace(/　+$/, '').trim()}`, `${m[2]} ms (raw GROUP BY ${m[3]} ms, ${m[4]}×)`])
    },
  },
  {
    name: 'hall', cmd: tsx('tests/bench/hall.ts', ...(quick ? ['--quick'] : []), ...(process.argv.includes('--source') ? ['--source'] : [])), limitS: quick ? 300 : 1200,
    figures: (out) => {
      const rows = []
      let provider = ''
      for (const line of out.split('\n')) {
        if (/^(sqlite|postgresql)\s*$/.test(line.trim())) provider = line.trim()
        const t = /ticket rush (\d+)\s+app (\d+)\/s.*?p99 ([\d.]+) ms \| raw SQL (\d+)\/s.*?p99 ([\d.]+) ms \| app\/raw = ([\d.]+)/.exec(line)
        if (t) rows.push([`hall ${provider}: ${t[1]} residents take a ticket at once, real server vs raw SQL`, `${t[2]} vs ${t[4]} tickets/s (${t[6]}×), p99 ${t[3]} vs ${t[5]} ms`])
        const e = /event fan-out (\d+) streams × (\d+) calls\s+app p50 ([\d.]+) ms\s+p99 ([\d.]+) ms \| raw node:http p50 ([\d.]+) ms\s+p99 ([\d.]+) ms \| memory per stream app ([\d.-]+) KB/.exec(line)
        if (e) rows.push([`hall screen: a call reaches ${e[1]} open event streams, real server vs bare node:http`, `p99 ${e[4]} vs ${e[6]} ms (p50 ${e[3]} vs ${e[5]} ms), ${e[7]} KB RSS per stream`])
      }
      return rows
    },
  },
  {
    name: 'startup', cmd: tsx('tests/bench/startup.ts', ...(quick ? ['--quick'] : [])), limitS: 300,
    figures: (out) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH '))
      if (!line) return []
      const r = JSON.parse(line.slice(6))
      return [
        [`server start-up (${r.runtime}, SQLite)`, `first start ${r.firstStartMs} ms (migrate + seed), restart ${r.restartMs} ms`],
        ['server memory (RSS)', `idle ${r.idleRssMb} MB, peak ${r.peakRssMb} MB under load (${r.reqPerSecond} req/s)`],
      ]
    },
  },
  {
    name: 'weapp', limitS: 600,
    cmd: [process.execPath, ['-e', `
      const { execFileSync } = require('node:child_process'); const fs = require('node:fs')
      if (${!quick} || !fs.existsSync('miniapp/dist/weapp/app.json')) execFileSync('npm', ['run', 'build:weapp'], { stdio: 'inherit' })
      try { execFileSync(process.execPath, ['miniapp/scripts/weapp-check.mjs'], { stdio: 'inherit' }) } catch { process.exitCode = 1 }`]],
    figures: (out) => {
      const m = /main package: ([\d.]+) KB \(limit ([\d.]+) KB\)/.exec(out)
      return m ? [['weapp main package', `${m[1]} KB of ${m[2]} KB (${(100 * Number(m[1]) / Number(m[2])).toFixed(0)} %)`]] : []
    },
  },
]

function run (b) {
  return new Promise((resolve) => {
    const started = Date.now()
    const [cmd, args] = b.cmd
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
    let out = ''
    const take = (chunk) => { out += chunk; process.stdout.write(chunk) }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    const timer = setTimeout(() => { out += `\n(time limit ${b.limitS} s reached)`; child.kill('SIGKILL') }, b.limitS * 1000)
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, out, seconds: (Date.now() - started) / 1000 }) })
  })
}

const loadBefore = os.loadavg()[0]
// booking and hall measure the production bundle (server/dist/main.js): build it from the current sources first.
if ((!only || only.has('booking') || only.has('hall')) && !process.argv.includes('--source')) {
  const { execFileSync } = await import('node:child_process')
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' })
}
const rows = []
let failed = 0
let ran = 0
for (const b of benches) {
  if (only && !only.has(b.name)) continue
  console.log(`\n=== ${b.name} ===`)
  ran++
  const r = await run(b)
  const figures = b.figures(r.out)
  if (r.code !== 0 || figures.length === 0) { failed++; rows.push([b.name, `FAILED (exit ${r.code}, ${figures.length} figures)`]) }
  for (const [what, value] of figures) rows.push([what, value])
  console.log(`(${b.name}: ${r.seconds.toFixed(0)} s)`)
}

const width = Math.max(...rows.map(([w]) => w.length))
const table = rows.map(([w, v]) => `| ${w} | ${v} |`).join('\n')
console.log(`\nBenchmarks${quick ? ' (--quick smoke: small data, short rounds; not representative)' : ''} — ${os.cpus().length} CPUs, Node ${process.version}`)
for (const [w, v] of rows) console.log(`  ${w.padEnd(width)}  ${v}`)

if (!quick && !only) {
  const doc = `# Benchmarks

Latest full run: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${os.platform()},
load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine slows absolute figures; ratios are less affected).
Rerun with \`npm run bench\` (several minutes; needs PostgreSQL at \`TEST_PG_URL\`, default postgresql://postgres@127.0.0.1:5432/test);
\`npm run bench -- --quick\` is the CI smoke (small data, short rounds). Each bench is a script in tests/bench/ that can be
run alone for its details (query plans, latency by data size …). Ratios compare against a baseline measured in the same
run on the same machine (raw node:http serving the same bytes, raw driver SQL doing the same writes, one raw GROUP BY).

| What | Result |
|---|---|
${table}
${failed ? `\n${failed} bench(es) failed in this run (see the FAILED rows); rerun them alone for details.\n` : ''}`
  fs.mkdirSync(path.join(root, 'docs'), { recursive: true })
  fs.writeFileSync(path.join(root, 'docs/BENCHMARKS.md'), doc)
  console.log('\nwrote docs/BENCHMARKS.md')
}
console.log(`\nbench: ${ran - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
