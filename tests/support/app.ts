import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Starts the real Koa app (createApp) on a random port over a throwaway migrated database, and gives typed
// clients for anonymous callers, residents (mock WeChat login) and staff.
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { Writable } from 'node:stream'
import { inject } from 'vitest'
import { contract, createClient, ApiError, type ApiCall } from '@bianmin/shared'
import { loadConfig } from '../../server/src/platform/config'
import { createDb } from '../../server/src/platform/db'
import { createLogger } from '../../server/src/platform/logger'
import { buildDeps, closeDeps } from '../../server/src/deps'
import type { Deps } from '../../server/src/platform/types'
import { createApp } from '../../server/src/app'
import { startJobs, type Jobs } from '../../server/src/platform/jobs'
import { collect } from '../../server/src/platform/module'
import { modules } from '../../server/src/modules/index'
import { hashPassword } from '../../server/src/platform/password'
import { listen } from '../../server/src/platform/client-error'
import { cloneTemplate } from './db'

export const TEST_PASSWORD = 'Test-Pass-2026!'
let passwordHash: Promise<string> | null = null

export interface TestApp {
  url: string
  deps: Deps
  /** Captured log lines (JSON), for checks that logs never contain personal data. */
  logs: string[]
  anon: ApiCall
  /** Signs a resident in (mock WeChat code) and accepts the current privacy notice, unless `consent: false`. */
  resident: (code?: string, opts?: { consent?: boolean }) => Promise<{ call: ApiCall; token: string; id: string }>
  staff: (username: string, password?: string) => Promise<{ call: ApiCall; token: string; id: string }>
  /** Raw HTTP for what the typed client cannot send (bad JSON, bad headers …). */
  fetch: (path: string, init?: RequestInit) => Promise<Response>
  jobs: Jobs
  close: () => Promise<void>
}

export const fetchTransport = (req: { method: string; url: string; headers: Record<string, string>; body?: unknown }) =>
  fetch(req.url, { method: req.method, headers: req.headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) })
    .then(async (r) => {
      const text = await r.text()
      let data: unknown = text
      try { data = text ? JSON.parse(text) : undefined } catch { /* non-JSON body */ }
      return { status: r.status, data, headers: Object.fromEntries(r.headers) }
    })

export function clientFor (url: string, token?: string): ApiCall {
  return createClient({ baseUrl: url, transport: fetchTransport, routes: contract, getToken: () => token })
}

export async function startTestApp (opts: { clock?: string; env?: Record<string, string>; demo?: boolean } = {}): Promise<TestApp> {
  const db0 = await cloneTemplate(inject('templateDb'))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-data-'))
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: db0.url, RATE_LIMITS: 'off', LOG_LEVEL: 'info', JOBS: 'off',
    TOKEN_SECRET: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    PHONE_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    DATA_DIR: dataDir,
    H5_DIR: process.env.H5_DIR ?? './miniapp/dist/h5',
    ...(opts.clock ? { CLOCK: opts.clock } : {}),
    ...opts.env,
  })
  const logs: string[] = []
  const sink = new Writable({ write (chunk, _enc, cb) { logs.push(String(chunk)); cb() } })
  const log = createLogger('info', sink)
  const db = await createDb(config.databaseUrl)
  const deps = await buildDeps(config, db, log, {}, modules)
  if (opts.clock) deps.clock.freeze(opts.clock)
  if (opts.demo) {
    const { seedDemo } = await import('../../server/src/seed/index')
    await seedDemo({ ...deps, config: { ...deps.config, demoPassword: TEST_PASSWORD } }, modules)
  }
  const app = createApp(deps, modules)
  const server: Server = await listen(app, 0, '127.0.0.1')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const anon = clientFor(url)
  const jobs = startJobs({ ...deps, config: { ...deps.config, jobs: false } }, collect(modules).jobs)
  return {
    url, deps, logs, anon, jobs,
    fetch: (path, init) => fetch(url + path, init),
    async resident (code = `r_${Math.random().toString(36).slice(2, 12)}`, { consent = true } = {}) {
      const r = await anon('loginWechat', { body: { code } })
      const call = clientFor(url, r.token)
      if (consent) {
        const { version } = await anon('getPrivacyNotice')
        if (r.resident.consentVersion !== version) await call('acceptPrivacy', { body: { version } })
      }
      return { call, token: r.token, id: r.resident.id }
    },
    async staff (username, password = TEST_PASSWORD) {
      const r = await anon('loginStaff', { body: { username, password } })
      return { call: clientFor(url, r.token), token: r.token, id: r.staff.id }
    },
    async close () {
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
      await closeDeps(deps)
      await db.$disconnect()
      await db0.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Creates an org (optionally under a parent) with a correct materialised path. */
export async function createOrg (deps: Deps, name: string, level: 'DISTRICT' | 'STREET' | 'COMMUNITY', parent?: { id: string; path: string }) {
  const org = await deps.db.org.create({ data: { name, level, parentId: parent?.id ?? null, path: `/tmp-${Math.random()}/` } })
  return deps.db.org.update({ where: { id: org.id }, data: { path: `${parent?.path ?? '/'}${org.id}/` } })
}

/** Creates a staff account with TEST_PASSWORD. */
export async function createStaff (deps: Deps, username: string, roles: string, orgId: string, extra: { hallId?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  return deps.db.staff.create({ data: { username, name: `测试${username}`, roles, orgId, passwordHash: await passwordHash, hallId: extra.hallId ?? null } })
}

/** Asserts that a call fails with the given status and code; returns the error. */
export async function expectError (p: Promise<unknown>, status: number, code: string): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    if (e.status !== status || e.code !== code) throw new Error(`expected ${status} ${code}, got ${e.status} ${e.code}: ${e.message}`)
    if (!/[\u4e00-\u9fa5]/.test(e.message)) throw new Error(`error message is not Chinese: ${e.message}`)
    return e
  }
  throw new Error(`expected ${status} ${code}, but the call succeeded`)
}
