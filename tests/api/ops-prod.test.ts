// The production build (scripts/build-server.mjs) run as a real process with NODE_ENV=production: start refusals,
// first start on an empty database (migrations applied, only ORG_NAME + admin created, no demo data), H5 caching.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../server/src/platform/db'
import { pendingMigrations } from '../../server/src/platform/migrate'
import { testProvider } from '../support/db'
import { emptyDatabase, prodSecrets, root, run, tempDir } from '../support/ops'

const outRel = `server/dist/test-${crypto.randomBytes(4).toString('hex')}`
const out = path.join(root, outRel)
/** A hashed script big enough to be precompressed (miniapp/scripts/precompress.mjs). */
const vendors = Array.from({ length: 400 }, (_, i) => `export const v${i} = '便民服务 ${i}'`).join('\n')
const tmp = tempDir()

beforeAll(async () => {
  const b = await run(process.execPath, ['scripts/build-server.mjs', '--outdir', outRel], {})
  expect(b.code, b.stderr).toBe(0)
  expect(fs.existsSync(path.join(out, 'main.js'))).toBe(true)
})
afterAll(() => { fs.rmSync(out, { recursive: true, force: true }); tmp.remove() })

const startProd = (env: Record<string, string>) => run(process.execPath, [path.join(out, 'main.js')], { NODE_ENV: 'production', DATA_DIR: tmp.dir, ...env })

describe('production start refuses bad configuration', () => {
  const db = () => `file:${path.join(tmp.dir, 'refused.db')}`
  const good = prodSecrets()
  it.each([
    ['missing secrets', {}, /生产环境必须设置 TOKEN_SECRET[\s\S]*生产环境必须设置 PHONE_KEY/],
    ['weak token secret', { ...good, TOKEN_SECRET: 'a'.repeat(40) }, /TOKEN_SECRET 过于简单/],
    ['placeholder token secret', { ...good, TOKEN_SECRET: 'please-change-me-0123456789-abcdefghijklmnop' }, /TOKEN_SECRET 过于简单/],
    ['short token secret', { ...good, TOKEN_SECRET: 'Zx9-short' }, /TOKEN_SECRET 至少 32 个字符/],
    ['weak phone key', { ...good, PHONE_KEY: '0'.repeat(64) }, /PHONE_KEY 过于简单/],
    ['repeated phone key', { ...good, PHONE_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f0'.repeat(2) }, /PHONE_KEY 过于简单/],
    ['malformed phone key', { ...good, PHONE_KEY: 'not-hex' }, /PHONE_KEY 必须是 64 位十六进制/],
    ['WeChat app id without secret', { ...good, WECHAT_APP_ID: 'wx0123456789abcdef' }, /设置了 WECHAT_APP_ID 时必须同时设置 WECHAT_APP_SECRET/],
    ['weak admin password', { ...good, ADMIN_PASSWORD: 'admin123' }, /ADMIN_PASSWORD 不符合密码要求/],
  ])('%s → exit ≠ 0 with a Chinese message, nothing created', async (_name, env, message) => {
    const r = await startProd({ DATABASE_URL: db(), ...env })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/^配置错误：/)
    expect(r.stderr).toMatch(message)
    expect(fs.existsSync(db().slice(5))).toBe(false)
  })
})

describe('production first start on an empty database', () => {
  let server: ChildProcess
  let url = ''
  let logs = ''
  let database: { url: string; drop: () => Promise<void> }
  const h5 = path.join(tmp.dir, 'h5')
  const adminPassword = 'Prod-Admin-2026!'
  const env = () => ({ NODE_ENV: 'production', DATA_DIR: tmp.dir, DATABASE_URL: database.url, ...secrets, ADMIN_PASSWORD: adminPassword, ORG_NAME: '测试街道办事处', ORG_LEVEL: 'STREET' })
  const secrets = prodSecrets()

  beforeAll(async () => {
    database = await emptyDatabase()
    // The file names Taro's h5 build produces (miniapp/config/index.ts): js/<name>.<8 hex>.js, css/<name>.<20 hex>.css.
    for (const [f, body] of [['index.html', '<!doctype html><title>便民</title>'], ['js/app.79ad43e6.js', 'console.log(1)'], ['css/app.79ad43e6cdac7913e172.css', 'a{}'], ['static/images/logo.png', 'png']]) {
      fs.mkdirSync(path.dirname(path.join(h5, f!)), { recursive: true })
      fs.writeFileSync(path.join(h5, f!), body!)
    }
    fs.writeFileSync(path.join(h5, 'js/vendors.1a2b3c4d.js'), vendors)
    execFileSync(process.execPath, [path.join(root, 'miniapp/scripts/precompress.mjs'), h5])
    server = spawn(process.execPath, [path.join(out, 'main.js')], {
      cwd: root, env: { PATH: process.env.PATH ?? '', ...env(), PORT: '0', HOST: '127.0.0.1', H5_DIR: h5, CLOCK: '2030-01-01T09:00:00+08:00', RATE_LIMITS: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stderr!.on('data', (b) => { logs += b })
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs}`)), 60_000)
      server.stdout!.on('data', (b) => {
        logs += b
        const port = /"port":(\d+)/.exec(logs)?.[1]
        if (port) { clearTimeout(timer); resolve(`http://127.0.0.1:${port}`) }
      })
      server.on('exit', (code) => reject(new Error(`server exited ${code}:\n${logs}`)))
    })
  }, 90_000)
  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL')
    await database.drop()
  })

  it('applies the migrations and answers /readyz', async () => {
    const r = await fetch(`${url}/readyz`)
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ status: 'ready', database: testProvider })
    const db = await createDb(database.url)
    try {
      expect(await pendingMigrations(db, testProvider)).toEqual([])
      // No demo data: one org (ORG_NAME), one account (admin), nothing else.
      expect(await db.org.findMany({ select: { name: true, level: true, parentId: true } })).toEqual([{ name: '测试街道办事处', level: 'STREET', parentId: null }])
      expect(await db.staff.findMany({ select: { username: true, roles: true, mustChangePassword: true } })).toEqual([{ username: 'admin', roles: 'ADMIN', mustChangePassword: true }])
      expect(await db.hall.count() + await db.serviceItem.count() + await db.notice.count() + await db.slot.count()).toBe(0)
    } finally {
      await db.$disconnect()
    }
  })

  it('lets admin sign in with ADMIN_PASSWORD and has no demo accounts', async () => {
    const login = (username: string, password: string) => fetch(`${url}/api/v1/auth/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
    const ok = await login('admin', adminPassword)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { staff: { roles: string[] } }).staff.roles).toEqual(['ADMIN'])
    expect((await login('editor', adminPassword)).status).toBe(401)
  })

  it('ignores CLOCK in production', async () => {
    const r = await fetch(`${url}/api/v1/auth/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) })
    const { expiresAt } = await r.json() as { expiresAt: string }
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThan(24 * 3600_000)
  })

  it('keeps rate limits on although RATE_LIMITS=off', async () => {
    const codes: number[] = []
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${url}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `limit-${i}` }) })
      codes.push(r.status)
    }
    expect(codes).toContain(429)
  })

  it('serves the H5 build: hashed js/css cached for a year, index.html and images revalidated', async () => {
    const cache = async (p: string) => { const r = await fetch(url + p); expect(r.status, p).toBe(200); return r.headers.get('cache-control') }
    expect(await cache('/')).toBe('no-cache')
    expect(await cache('/js/app.79ad43e6.js')).toBe('public, max-age=31536000, immutable')
    expect(await cache('/css/app.79ad43e6cdac7913e172.css')).toBe('public, max-age=31536000, immutable')
    expect(await cache('/static/images/logo.png')).toBe('public, max-age=3600')
  })

  it('sends hashed scripts precompressed (Brotli, else gzip, as accepted) and index.html as it is', async () => {
    const get = async (p: string, accept: string) => {
      const r = await fetch(url + p, { headers: { 'accept-encoding': accept } })
      return { status: r.status, encoding: r.headers.get('content-encoding'), vary: r.headers.get('vary'), cache: r.headers.get('cache-control'), type: r.headers.get('content-type'), text: await r.text() }
    }
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip'], ['identity', null]] as const) {
      const r = await get('/js/vendors.1a2b3c4d.js', accept)
      expect(r, accept).toMatchObject({ status: 200, encoding, vary: 'Accept-Encoding', cache: 'public, max-age=31536000, immutable', text: vendors })
      expect(r.type).toMatch(/javascript/)
    }
    expect(fs.statSync(path.join(h5, 'js/vendors.1a2b3c4d.js.br')).size).toBeLessThan(vendors.length / 4)
    expect((await get('/', 'br, gzip')).encoding).toBeNull()
  })

  it('runs the built admin CLI with plain node', async () => {
    const r = await run(process.execPath, [path.join(out, 'cli.js'), 'pending-migrations', '--check'], env())
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('没有待执行的数据库迁移')
    expect(r.code).toBe(0)
  })

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(logs).toContain('已停止')
  })
})
