// Two app instances on one database: a client's rate-limit budget is shared, not doubled. On PostgreSQL the counters
// live in the database (RateLimit table); with REDIS_URL in Redis (a real redis-server on a free port), on either
// database; SQLite without Redis runs one instance and counts in memory (each instance its own budget). And settings:
// a change made on one instance applies on the other within about a second.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from '../../server/src/platform/db'
import { createLogger } from '../../server/src/platform/logger'
import { buildDeps, closeDeps } from '../../server/src/deps'
import { createApp } from '../../server/src/app'
import { modules } from '../../server/src/modules/index'
import { listen } from '../../server/src/platform/client-error'
import { startTestApp, type TestApp } from '../support/app'
import { testProvider } from '../support/db'

const cleanup: (() => Promise<void>)[] = []
afterAll(async () => { for (const c of cleanup.reverse()) await c() })

/** A second instance of the app on the first one's database and configuration. */
async function secondInstance (a: TestApp): Promise<string> {
  return (await secondDeps(a)).url
}

async function secondDeps (a: TestApp) {
  const db = await createDb(a.deps.config.databaseUrl)
  const deps = await buildDeps(a.deps.config, db, createLogger('silent'), {}, modules)
  const server: Server = await listen(createApp(deps, modules), 0, '127.0.0.1')
  cleanup.push(async () => {
    await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
    await closeDeps(deps)
    await db.$disconnect()
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, deps }
}

/** `allowed` bookings alternately on A and B (each consumes the budget, then 404: no such slot), then one more on each. */
async function spend (a: TestApp, b: string) {
  const r = await a.resident()
  const allowed = (await a.deps.settings.get()).rateLimits.bookingsPerMinute
  const book = async (base: string) => (await fetch(`${base}/api/v1/appointments`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
    body: JSON.stringify({ slotId: 'no-such-slot', serviceItemId: 'no-such-item', contactName: '张三', contactPhone: '13900000000' }),
  })).status
  const within: number[] = []
  for (let i = 0; i < allowed; i++) within.push(await book(i % 2 ? b : a.url))
  return { allowed, within, afterA: await book(a.url), afterB: await book(b) }
}

async function freePort (): Promise<number> {
  return new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as AddressInfo).port; s.close(() => resolve(p)) }) })
}

async function startRedis (): Promise<string> {
  const port = await freePort()
  const proc: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const failed = new Promise<never>((_, reject) => proc.once('error', () => reject(new Error('redis-server not found: install Redis (apt-get install redis-server) to run this test'))))
  cleanup.push(async () => { proc.kill(); await new Promise((r) => proc.once('exit', r)) })
  const up = (async () => {
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => { const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true) }).once('error', () => resolve(false)) })
      if (ok) return `redis://127.0.0.1:${port}`
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error('redis-server did not start')
  })()
  return Promise.race([up, failed])
}

describe('settings across two instances', () => {
  it('a change made on A applies on B within about a second (change counter), without a restart', async () => {
    const a = await startTestApp({ demo: true })
    cleanup.push(() => a.close())
    const b = await secondDeps(a)
    const before = (await b.deps.settings.get()).rateLimits.bookingsPerMinute
    const admin = await a.staff('admin')
    await admin.call('updateSettings', { body: { rateLimits: { bookingsPerMinute: before + 7 } } })
    expect((await a.deps.settings.get()).rateLimits.bookingsPerMinute).toBe(before + 7)
    const changedAt = Date.now()
    let seen = before
    while (seen === before && Date.now() - changedAt < 3_000) {
      await new Promise((r) => setTimeout(r, 50))
      seen = (await b.deps.settings.get()).rateLimits.bookingsPerMinute
    }
    expect(seen).toBe(before + 7)
    expect(Date.now() - changedAt).toBeLessThan(1_500)
  })
})

describe('rate limits across two instances', () => {
  it(`on ${testProvider} without Redis: ${testProvider === 'postgresql' ? 'shared through the database' : 'one instance, counted in memory'}`, async () => {
    const a = await startTestApp({ env: { RATE_LIMITS: 'on' } })
    cleanup.push(() => a.close())
    const b = await secondInstance(a)
    expect(a.deps.limits.kind).toBe(testProvider === 'postgresql' ? 'postgresql' : 'memory')
    const s = await spend(a, b)
    expect(s.allowed).toBeGreaterThan(1)
    expect(s.within.every((x) => x === 404)).toBe(true)
    // Shared: both refuse, although each saw only half of the requests; in memory each still has budget left.
    expect([s.afterA, s.afterB]).toEqual(testProvider === 'postgresql' ? [429, 429] : [404, 404])
    if (testProvider === 'postgresql') {
      const rows = await a.deps.db.rateLimit.findMany({ where: { key: { startsWith: 'booking:' } } })
      expect(rows).toHaveLength(1)
      expect(rows[0]!.points).toBe(s.allowed + 2)
    }
  })

  it('with REDIS_URL: shared through Redis', async () => {
    const redisUrl = await startRedis()
    const a = await startTestApp({ env: { RATE_LIMITS: 'on', REDIS_URL: redisUrl } })
    cleanup.push(() => a.close())
    const b = await secondInstance(a)
    expect(a.deps.limits.kind).toBe('redis')
    const s = await spend(a, b)
    expect(s.within.every((x) => x === 404)).toBe(true)
    expect([s.afterA, s.afterB]).toEqual([429, 429])
  })
})
