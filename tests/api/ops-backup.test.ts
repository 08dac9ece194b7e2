// Backup and restore round trip through the admin CLI: a populated live database (demo seed + more rows) is backed up
// (SQLite: online backup API; PostgreSQL: pg_dump), restored into a fresh database, and compared table by table.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { admin, emptyDatabase, encryptedRows, TEST_ENV, tempDir } from '../support/ops'
import { testProvider } from '../support/db'
import { createDb } from '../../server/src/platform/db'
import { pendingMigrations } from '../../server/src/platform/migrate'
import { tableChecksums } from '../../server/src/modules/ops/table-checksum'
import { notify } from '../../server/src/platform/outbox'

let t: TestApp
const tmp = tempDir()
const ext = testProvider === 'sqlite' ? 'sqlite' : 'pgdump'
const env = (url: string, extra: Record<string, string> = {}) => ({ DATABASE_URL: url, DATA_DIR: tmp.dir, LOG_LEVEL: 'warn', ...TEST_ENV, ...extra })
const targets: { url: string; drop: () => Promise<void> }[] = []
const fresh = async () => { const d = await emptyDatabase(); targets.push(d); return d }

async function sums (url: string) {
  const db = await createDb(url)
  try { return await tableChecksums(db, testProvider) } finally { await db.$disconnect() }
}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  const street = await t.deps.db.org.findFirstOrThrow({ where: { level: 'STREET' } })
  await encryptedRows(t.deps.db, street.id, (p) => t.deps.cipher.encrypt(p))
  for (let i = 0; i < 3; i++) {
    const r = await t.resident(`backup-resident-${i}`)
    await notify(t.deps.db, { residentId: r.id, kind: 'BOOKING_CONFIRMED', title: '预约成功', body: `第 ${i} 条`, data: { page: '/pages/index/index' }, dedupeKey: `backup:${i}` }, new Date())
  }
  await t.staff('admin')
}, 120_000)
afterAll(async () => {
  await t.close()
  for (const d of targets) await d.drop()
  tmp.remove()
})

describe('backup → restore into a fresh database', () => {
  let file = ''

  it('backs up the live database', async () => {
    file = path.join(tmp.dir, `round-trip.${ext}`)
    const r = await admin(['backup', '--out', file], env(t.deps.config.databaseUrl))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`备份完成：${file}`)
    expect(fs.statSync(file).size).toBeGreaterThan(10_000)
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).toMatch(testProvider === 'sqlite' ? /^SQLite format 3/ : /^PGDMP/)
    expect(fs.existsSync(`${file}.partial`)).toBe(false)
  })

  it('restores it with the same row counts and checksum in every table', async () => {
    const target = await fresh()
    const r = await admin(['restore', file], env(target.url))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('恢复完成')
    const [source, restored] = [await sums(t.deps.config.databaseUrl), await sums(target.url)]
    expect(restored).toEqual(source)
    const rows = Object.fromEntries(source.map((s) => [s.table, s.rows]))
    for (const table of ['Org', 'Staff', 'Hall', 'ServiceItem', 'Slot', 'Resident', 'Appointment', 'HomeVisit', 'Disclosure', 'Notification', 'AuditLog', 'AuthSession', '_prisma_migrations']) {
      expect(rows[table], table).toBeGreaterThan(0)
    }
    const db = await createDb(target.url)
    try {
      expect(await pendingMigrations(db, testProvider)).toEqual([])
      // Encrypted columns come back readable with the same key.
      const appt = await db.appointment.findFirstOrThrow({ where: { contactName: '张三' } })
      expect(t.deps.cipher.decrypt(appt.contactPhoneEnc)).toBe('13900139000')
    } finally {
      await db.$disconnect()
    }
    // `checksums` prints the same table for both.
    const a = await admin(['checksums'], env(t.deps.config.databaseUrl))
    const b = await admin(['checksums'], env(target.url))
    expect(a.code).toBe(0)
    expect(b.stdout).toBe(a.stdout)
    expect(a.stdout).toMatch(/^Org\t\d+\t[0-9a-f]{64}$/m)
  })

  it('refuses to restore over a database with data unless --force', async () => {
    const target = await fresh()
    expect((await admin(['restore', file], env(target.url))).code).toBe(0)
    const again = await admin(['restore', file], env(target.url))
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(testProvider === 'sqlite' ? /目标数据库已存在/ : /目标数据库不是空库/)
    const forced = await admin(['restore', file, '--force'], env(target.url))
    expect(forced.stderr).toBe('')
    expect(forced.code).toBe(0)
    if (testProvider === 'sqlite') expect(forced.stdout).toMatch(/原数据库已改名保留：.+\.before-restore-\d+/)
    expect(await sums(target.url)).toEqual(await sums(t.deps.config.databaseUrl))
  })

  it('refuses a file that is not a backup for this database', async () => {
    const target = await fresh()
    const wrong = path.join(tmp.dir, testProvider === 'sqlite' ? 'not-a-backup.txt' : 'other.sqlite')
    if (testProvider === 'sqlite') fs.writeFileSync(wrong, 'hello')
    else { const db = new Database(wrong); db.exec('CREATE TABLE t (x)'); db.close() }
    const r = await admin(['restore', wrong], env(target.url))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(testProvider === 'sqlite' ? /这不是 SQLite 备份文件/ : /这是 SQLite 备份文件/)
    const missing = await admin(['restore', path.join(tmp.dir, 'nope.bak')], env(target.url))
    expect(missing.stderr).toContain('备份文件不存在')
    fs.writeFileSync(path.join(tmp.dir, 'empty.bak'), '')
    expect((await admin(['restore', path.join(tmp.dir, 'empty.bak')], env(target.url))).stderr).toContain('备份文件是空的')
  })
})

describe('online backup while the server writes', () => {
  it('gives a consistent snapshot between the row counts before and after', async () => {
    const countBefore = await t.deps.db.auditLog.count()
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        await t.deps.db.auditLog.create({ data: { actorType: 'SYSTEM', action: 'test.write', detail: { n: written } } })
        written++
        await new Promise((resolve) => setImmediate(resolve)) // SQLite queries settle synchronously: let I/O run
      }
    })()
    const file = path.join(tmp.dir, `online.${ext}`)
    const r = await admin(['backup', '--out', file], env(t.deps.config.databaseUrl))
    writing = false
    await writer
    expect(r.code, r.stderr).toBe(0)
    expect(written).toBeGreaterThan(0)
    const target = await fresh()
    expect((await admin(['restore', file], env(target.url))).code).toBe(0)
    const db = await createDb(target.url)
    try {
      const n = await db.auditLog.count()
      expect(n).toBeGreaterThanOrEqual(countBefore)
      expect(n).toBeLessThanOrEqual(countBefore + written)
      // The restored test.write rows are a prefix of the sequence written (0, 1, 2 …): one point in time, no gaps.
      const restored = (await db.auditLog.findMany({ where: { action: 'test.write' }, select: { detail: true } })).map((r) => (r.detail as { n: number }).n).sort((a, b) => a - b)
      expect(restored).toEqual(restored.map((_, i) => i))
      expect(n - countBefore).toBe(restored.length)
    } finally {
      await db.$disconnect()
    }
  })
})
