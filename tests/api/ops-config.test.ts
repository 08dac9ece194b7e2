// docs/OPERATING.md and .env.example against the code: every variable documented and its examples accepted, the CLI
// command table complete, and TRUST_PROXY taking the client IP from X-Forwarded-For only when set.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { envSchema, loadConfig } from '../../server/src/platform/config'
import { commands } from '../../server/src/cli/commands'
import { startTestApp, createOrg, createStaff, TEST_PASSWORD, type TestApp } from '../support/app'
import { prodSecrets, root, tempDir } from '../support/ops'

const operating = fs.readFileSync(path.join(root, 'docs/OPERATING.md'), 'utf8')
const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8')
/** `KEY=value` lines of .env.example; commented ones (`# KEY=value`) are examples too. */
const exampleVars = (commented: boolean) => Object.fromEntries(example.split('\n')
  .map((l) => (commented ? /^#\s*([A-Z][A-Z0-9_]+)=(.*)$/ : /^([A-Z][A-Z0-9_]+)=(.*)$/).exec(l.trim()))
  .filter((m): m is RegExpExecArray => !!m).map((m) => [m[1]!, m[2]!]))
const tmp = tempDir()
afterAll(() => tmp.remove())

describe('environment documentation', () => {
  const variables = [...Object.keys(envSchema.shape), 'NEW_PHONE_KEY']

  it('lists every variable the server reads in .env.example and in the OPERATING.md table', () => {
    const documented = { ...exampleVars(true), ...exampleVars(false) }
    for (const v of variables) {
      expect(Object.keys(documented), `.env.example lacks ${v}`).toContain(v)
      expect(operating, `OPERATING.md lacks ${v}`).toMatch(new RegExp(`^\\|[^\\n]*\`${v}\``, 'm'))
    }
  })

  it('accepts the .env.example values and the documented examples', () => {
    const env = { ...exampleVars(false), ...Object.fromEntries(Object.entries(exampleVars(true)).filter(([, v]) => v !== '')), DATA_DIR: tmp.dir }
    expect(() => loadConfig({ ...env, NODE_ENV: 'development' })).not.toThrow()
    const prod = loadConfig({ ...env, NODE_ENV: 'production', ...prodSecrets(), ADMIN_PASSWORD: 'Prod-Admin-2026!', METRICS_TOKEN: 'm'.repeat(24) })
    expect(prod).toMatchObject({ production: true, rateLimits: true, clock: undefined, firstOrg: { name: '湖里街道办事处', level: 'STREET' } })
    expect(prod.backupDir).toBe(path.join(tmp.dir, 'backups'))
  })

  it('the documented key commands produce keys the production checks accept', () => {
    const [secretCmd, keyCmd] = ['openssl rand -base64 48', 'openssl rand -hex 32']
    expect(operating).toContain(secretCmd)
    expect(operating).toContain(keyCmd)
    expect(example).toContain(secretCmd)
    const sh = (cmd: string) => execSync(cmd, { encoding: 'utf8' }).trim()
    for (let i = 0; i < 5; i++) {
      expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp.dir, TOKEN_SECRET: sh(secretCmd), PHONE_KEY: sh(keyCmd) })).not.toThrow()
    }
  })

  it('documents exactly the admin CLI commands', () => {
    const section = operating.slice(operating.indexOf('## Admin CLI'))
    const listed = [...section.matchAll(/^\| `([a-z-]+)[ `]/gm)].map((m) => m[1]!)
    const also = [...section.matchAll(/\/ `([a-z-]+)[ `]/g)].map((m) => m[1]!)
    expect(new Set([...listed, ...also])).toEqual(new Set(Object.keys(commands)))
  })
})

describe('TRUST_PROXY', () => {
  let t: TestApp | undefined
  afterAll(async () => { await t?.close() })

  const loginIp = async (app: TestApp, username: string, forwarded: string) => {
    const r = await app.fetch('/api/v1/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded }, body: JSON.stringify({ username, password: TEST_PASSWORD }) })
    expect(r.status).toBe(200)
    const row = await app.deps.db.auditLog.findFirstOrThrow({ where: { action: 'staff.login', actorName: `测试${username}` }, orderBy: { createdAt: 'desc' } })
    return row.ip
  }

  it('takes the client IP from X-Forwarded-For only with TRUST_PROXY=true', async () => {
    for (const [trust, expected] of [['true', '203.0.113.9'], ['false', /^(::ffff:)?127\.0\.0\.1$/]] as const) {
      t = await startTestApp({ env: { TRUST_PROXY: trust } })
      const org = await createOrg(t.deps, '代理测试街道', 'STREET')
      await createStaff(t.deps, `proxy${trust}`, 'CLERK', org.id)
      const ip = await loginIp(t, `proxy${trust}`, '203.0.113.9')
      if (typeof expected === 'string') expect(ip).toBe(expected)
      else expect(ip).toMatch(expected)
      await t.close()
      t = undefined
    }
  })
})
