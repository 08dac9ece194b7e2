// The admin CLI (`npm run admin -- …`, scripts/admin.mjs) as a real process against the test app's database.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, clientFor, expectError, type TestApp } from '../support/app'
import { admin, emptyDatabase, encryptedRows, legacyEncrypt, TEST_ENV, tempDir } from '../support/ops'
import { FieldCipher, keyIdOf } from '../../server/src/platform/crypto'
import { migrateDeploy, migrationNames } from '../../server/src/platform/migrate'
import { testProvider } from '../support/db'

let t: TestApp
const tmp = tempDir()
const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: t.deps.config.databaseUrl, DATA_DIR: tmp.dir, LOG_LEVEL: 'warn', ...TEST_ENV, ...extra })
const passwordIn = (out: string) => /密码（只显示这一次）：(\S+)/.exec(out)?.[1] ?? ''

beforeAll(async () => { t = await startTestApp() })
afterAll(async () => { await t.close(); tmp.remove() })

describe('create-admin', () => {
  it('needs an org name on an empty database', async () => {
    const r = await admin(['create-admin'], env())
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('请用 --org-name')
    expect(await t.deps.db.staff.count()).toBe(0)
  })

  it('creates the first org and admin with a one-time password that signs in', async () => {
    const r = await admin(['create-admin', '--org-name', '测试街道办事处', '--org-level', 'STREET', '--org-code', '350206009'], env())
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('已创建机构：测试街道办事处')
    const password = passwordIn(r.stdout)
    expect(password.length).toBeGreaterThanOrEqual(10)
    const login = await t.staff('admin', password)
    expect(login.token).toBeTruthy()
    const org = await t.deps.db.org.findUniqueOrThrow({ where: { code: '350206009' } })
    expect(org).toMatchObject({ name: '测试街道办事处', level: 'STREET', parentId: null, path: `/${org.id}/` })
    expect(await t.deps.db.auditLog.count({ where: { action: 'staff.create', actorType: 'SYSTEM' } })).toBe(1)
  })

  it('refuses a second admin of the same name, and puts another account into the only top-level org', async () => {
    const again = await admin(['create-admin', '--org-name', '别的机构'], env())
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('账号 admin 已存在')
    const second = await admin(['create-admin', '--username', 'admin2', '--name', '第二管理员'], env({ ADMIN_PASSWORD: 'Second-Admin-2026!' }))
    expect(second.code).toBe(0)
    expect(second.stdout).not.toContain('初始密码')
    const staff = await t.deps.db.staff.findUniqueOrThrow({ where: { username: 'admin2' }, include: { org: true } })
    expect(staff.org.code).toBe('350206009')
    await t.staff('admin2', 'Second-Admin-2026!')
    const weak = await admin(['create-admin', '--username', 'admin3'], env({ ADMIN_PASSWORD: 'short' }))
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('密码至少 10 位')
  })
})

describe('reset-password, disable, enable', () => {
  it('reset-password prints a new password, signs the account out everywhere and unlocks it', async () => {
    const before = await t.staff('admin2', 'Second-Admin-2026!')
    await t.deps.db.staff.update({ where: { username: 'admin2' }, data: { lockedUntil: new Date(Date.now() + 3600_000) } })
    const r = await admin(['reset-password', 'admin2'], env())
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('注销登录 2 个') // both sign-ins of admin2 so far
    const password = passwordIn(r.stdout)
    await expectError(before.call('getMe'), 401, 'UNAUTHENTICATED')
    await expectError(t.anon('loginStaff', { body: { username: 'admin2', password: 'Second-Admin-2026!' } }), 401, 'UNAUTHENTICATED')
    const after = await t.anon('loginStaff', { body: { username: 'admin2', password } })
    expect(after.staff.mustChangePassword).toBe(true)
    const audit = await t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'staff.password-reset' } })
    expect(JSON.stringify(audit.detail)).not.toContain(password)
  })

  it('disable signs the account out and refuses sign-in; enable lets it back in', async () => {
    const r0 = await admin(['reset-password', 'admin2'], env())
    const password = passwordIn(r0.stdout)
    const session = await t.staff('admin2', password)
    const r = await admin(['disable', 'admin2'], env())
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('已停用账号 admin2')
    await expectError(clientFor(t.url, session.token)('getMe'), 401, 'UNAUTHENTICATED')
    const refused = await expectError(t.anon('loginStaff', { body: { username: 'admin2', password } }), 403, 'FORBIDDEN')
    expect(refused.message).toContain('停用')
    expect((await admin(['enable', 'admin2'], env())).code).toBe(0)
    await t.staff('admin2', password)
  })

  it('answers unknown accounts and commands with exit 1 / 2 and a Chinese message', async () => {
    const r = await admin(['disable', 'nobody'], env())
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('未找到账号 nobody')
    const u = await admin(['frobnicate'], env())
    expect(u.code).toBe(2)
    expect(u.stdout).toContain('用法：npm run admin -- <命令>')
    const bad = await admin(['backup', '--nope'], env())
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('参数错误')
  })
})

describe('pending-migrations and migrate', () => {
  it('lists what an empty database lacks, migrates it, then lists nothing', async () => {
    const db = await emptyDatabase()
    try {
      const e = env({ DATABASE_URL: db.url })
      const pending = await admin(['pending-migrations', '--check'], e)
      expect(pending.code).toBe(1)
      for (const m of migrationNames(testProvider)) expect(pending.stdout).toContain(m)
      const m = await admin(['migrate'], e)
      expect(m.code, m.stderr).toBe(0)
      expect(m.stdout).toContain(`已执行 ${migrationNames(testProvider).length} 个迁移`)
      const none = await admin(['pending-migrations', '--check'], e)
      expect(none.code).toBe(0)
      expect(none.stdout).toContain('没有待执行的数据库迁移')
    } finally {
      await db.drop()
    }
  }, 90_000)
})

describe('two instances starting on one empty database', () => {
  it('both apply the migrations at once without failing', async () => {
    const db = await emptyDatabase()
    try {
      const results = await Promise.allSettled([migrateDeploy(db.url, testProvider), migrateDeploy(db.url, testProvider)])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
      const r = await admin(['pending-migrations', '--check'], env({ DATABASE_URL: db.url }))
      expect(r.stdout).toContain('没有待执行的数据库迁移')
    } finally {
      await db.drop()
    }
  }, 90_000)
})

describe('rotate-phone-key', () => {
  const newKey = crypto.randomBytes(32).toString('hex')
  const thirdKey = crypto.randomBytes(32).toString('hex')
  const newCipher = new FieldCipher(Buffer.from(newKey, 'hex'))

  it('re-encrypts every encrypted column (old v1 and v2 values) under NEW_PHONE_KEY, resumably', async () => {
    const org = await t.deps.db.org.findUniqueOrThrow({ where: { code: '350206009' } })
    const legacy = await encryptedRows(t.deps.db, org.id, (p) => legacyEncrypt(TEST_ENV.PHONE_KEY, p))
    const current = await encryptedRows(t.deps.db, org.id, (p) => t.deps.cipher.encrypt(p))
    // As if an earlier run was interrupted: this resident is already under the new key.
    const done = await t.deps.db.resident.create({ data: { openid: 'already-rotated', phoneEnc: newCipher.encrypt('13500135000') } })
    const blank = await t.deps.db.resident.create({ data: { openid: 'no-phone' } })

    const r = await admin(['rotate-phone-key', '--batch', '2'], env({ NEW_PHONE_KEY: newKey }))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`目标密钥 ID：${keyIdOf(Buffer.from(newKey, 'hex'))}`)
    expect(r.stdout).toMatch(/resident：检查 \d+ 行，重新加密 2 行，已是新密钥 1 行/)
    expect(r.stdout).toContain('appointment：检查 2 行，重新加密 2 行')
    expect(r.stdout).toContain('homeVisit：检查 2 行，重新加密 2 行')
    expect(r.stdout).toContain('请把 PHONE_KEY 改为新密钥')

    const db = t.deps.db
    for (const set of [legacy, current]) {
      const res = await db.resident.findUniqueOrThrow({ where: { id: set.resident.id } })
      const appt = await db.appointment.findUniqueOrThrow({ where: { id: set.appointment.id } })
      const visit = await db.homeVisit.findUniqueOrThrow({ where: { id: set.homeVisit.id } })
      const disc = await db.disclosure.findUniqueOrThrow({ where: { id: set.disclosure.id } })
      const all = [res.phoneEnc, appt.contactPhoneEnc, visit.contactPhoneEnc, visit.addressEnc, disc.contactPhoneEnc, disc.applicantIdEnc, disc.postalAddressEnc]
      for (const v of all) expect(newCipher.isCurrent(v!)).toBe(true)
      expect(all.map((v) => newCipher.decrypt(v!)))
        .toEqual([set.plain.phone, set.plain.contact, set.plain.visitPhone, set.plain.address, set.plain.disclosurePhone, set.plain.idNumber, set.plain.postal])
    }
    expect(newCipher.decrypt((await db.resident.findUniqueOrThrow({ where: { id: done.id } })).phoneEnc!)).toBe('13500135000')
    expect((await db.resident.findUniqueOrThrow({ where: { id: blank.id } })).phoneEnc).toBeNull()

    // Run again: nothing left to do.
    const again = await admin(['rotate-phone-key'], env({ NEW_PHONE_KEY: newKey }))
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/resident：检查 \d+ 行，重新加密 0 行/)
  })

  it('reports rows no known key decrypts (exit 1) until that key is given in PHONE_KEY_PREVIOUS', async () => {
    const stray = await t.deps.db.resident.create({ data: { openid: 'stray-key', phoneEnc: new FieldCipher(Buffer.from(thirdKey, 'hex')).encrypt('13300133000') } })
    const r = await admin(['rotate-phone-key'], env({ NEW_PHONE_KEY: newKey }))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`resident:${stray.id}`)
    expect(r.stderr).toContain('PHONE_KEY_PREVIOUS')
    const ok = await admin(['rotate-phone-key'], env({ NEW_PHONE_KEY: newKey, PHONE_KEY_PREVIOUS: thirdKey }))
    expect(ok.code).toBe(0)
    expect(newCipher.decrypt((await t.deps.db.resident.findUniqueOrThrow({ where: { id: stray.id } })).phoneEnc!)).toBe('13300133000')
  })

  it('after the switch, a server with PHONE_KEY=new and PHONE_KEY_PREVIOUS=old reads both', () => {
    const switched = new FieldCipher(Buffer.from(newKey, 'hex'), [Buffer.from(TEST_ENV.PHONE_KEY, 'hex')])
    expect(switched.decrypt(legacyEncrypt(TEST_ENV.PHONE_KEY, '13800000000'))).toBe('13800000000')
    expect(switched.decrypt(t.deps.cipher.encrypt('13800000001'))).toBe('13800000001')
    expect(switched.isCurrent(switched.encrypt('x'))).toBe(true)
    expect(() => newCipher.decrypt(t.deps.cipher.encrypt('13800000002'))).toThrow()
  })

  it('refuses a malformed NEW_PHONE_KEY', async () => {
    const r = await admin(['rotate-phone-key'], env({ NEW_PHONE_KEY: 'abc' }))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('NEW_PHONE_KEY 必须是 64 位十六进制')
  })
})

describe('run-job', () => {
  it('lists the jobs the module manifests declare, runs one now, skips a daily job already run, and names an unknown one', async () => {
    const list = await admin(['run-job'], env())
    expect(list.code).toBe(0)
    for (const name of ['outbox.deliver', 'appointments.slots', 'ops.retention', 'consultations.auto-close']) expect(list.stdout).toContain(name)
    const first = await admin(['run-job', 'appointments.idempotency-prune'], env())
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('已执行任务 appointments.idempotency-prune')
    expect(await t.deps.db.jobRun.findUnique({ where: { name: 'appointments.idempotency-prune' } })).not.toBeNull()
    const again = await admin(['run-job', 'appointments.idempotency-prune'], env())
    expect(again.stdout).toContain('本周期已执行过')
    const unknown = await admin(['run-job', 'no.such-job'], env())
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('未找到任务 no.such-job')
  })
})
