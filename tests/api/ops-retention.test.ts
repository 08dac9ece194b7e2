// The daily retention job: audit rows past settings.retention.auditMonths are archived to JSONL.gz and deleted;
// uploads of erased residents are removed (files and rows). Time comes from the test clock.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { runJob } from '../../server/src/platform/jobs'
import { collect } from '../../server/src/platform/module'
import { modules } from '../../server/src/modules/index'
import { archiveDir } from '../../server/src/modules/ops/retention.job'
import { tempDir } from '../support/ops'

let t: TestApp
const tmp = tempDir('bianmin-retention-')
const job = () => collect(modules).jobs.find((j) => j.name === 'ops.retention')!
const at = (iso: string) => new Date(iso)
const archived = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; action: string; createdAt: string; detail: unknown })
const archives = () => (fs.existsSync(archiveDir(t.deps)) ? fs.readdirSync(archiveDir(t.deps)).sort().map((f) => path.join(archiveDir(t.deps), f)) : [])

async function auditRows (n: number, createdAt: Date, action: string) {
  await t.deps.db.auditLog.createMany({ data: Array.from({ length: n }, (_, i) => ({ actorType: 'STAFF', actorName: '测试', action, detail: { i, note: '说明' }, createdAt: new Date(createdAt.getTime() + i * 1000) })) })
}

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T03:00:00+08:00', env: { DATA_DIR: tmp.dir } })
  await auditRows(1200, at('2025-01-10T10:00:00+08:00'), 'very.old') // 22 months old
  await auditRows(30, at('2026-05-01T10:00:00+08:00'), 'seven.months') // older than 6, younger than 12 months
  await auditRows(20, at('2026-06-01T10:00:00+08:00'), 'recent')
})
afterAll(async () => { await t.close(); tmp.remove() })

describe('audit retention', () => {
  it('keeps at least 6 months: the setting refuses less', async () => {
    await expect(t.deps.settings.update({ retention: { auditMonths: 3 } }, null)).rejects.toThrow()
  })

  it('keeps the rows when the archive cannot be written', async () => {
    await t.deps.settings.update({ retention: { auditMonths: 12 } }, null)
    fs.mkdirSync(archiveDir(t.deps), { recursive: true })
    // A dangling link where the archive goes: opening it for a new file fails (EEXIST) mid-run.
    const blocker = path.join(archiveDir(t.deps), 'audit-2025-11-23-20261122190000-1.jsonl.gz')
    fs.symlinkSync('/nonexistent/archive', blocker)
    await expect(runJob(t.deps, job())).rejects.toThrow(/EEXIST/)
    expect(await t.deps.db.auditLog.count({ where: { action: 'very.old' } })).toBe(1200)
    expect(fs.readlinkSync(blocker)).toBe('/nonexistent/archive')
    fs.rmSync(blocker)
  })

  it('archives rows older than the setting (12 months) to JSONL.gz under the data dir, then deletes them', async () => {
    expect(await runJob(t.deps, job())).toBe(true)
    const files = archives()
    expect(files).toHaveLength(1)
    expect(path.basename(files[0]!)).toMatch(/^audit-2025-11-23-\d{14}-1\.jsonl\.gz$/)
    expect(files[0]!.startsWith(path.join(t.deps.config.dataDir, 'archive', 'audit'))).toBe(true)
    const lines = archived(files[0]!)
    expect(lines).toHaveLength(1200)
    expect(new Set(lines.map((l) => l.action))).toEqual(new Set(['very.old']))
    expect(lines[0]).toMatchObject({ actorType: 'STAFF', actorName: '测试', detail: { i: 0, note: '说明' } })
    expect(new Set(lines.map((l) => l.id)).size).toBe(1200)
    expect(await t.deps.db.auditLog.count({ where: { action: 'very.old' } })).toBe(0)
    expect(await t.deps.db.auditLog.count({ where: { action: 'seven.months' } })).toBe(30)
    expect(await t.deps.db.auditLog.count({ where: { action: 'recent' } })).toBe(20)
    const note = await t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'ops.retention' } })
    expect(note.detail).toMatchObject({ auditArchived: 1200, uploadsRemoved: 0 })
  })

  it('runs once a day', async () => {
    expect(await runJob(t.deps, job())).toBe(false)
    expect(archives()).toHaveLength(1)
  })

  it('next day with 6 months archives the seven-month-old rows into a new file', async () => {
    await t.deps.settings.update({ retention: { auditMonths: 6 } }, null)
    t.deps.clock.freeze('2026-11-24T03:00:00+08:00')
    // An archive of that name already exists (e.g. another instance sharing the folder): it is never overwritten.
    const taken = path.join(archiveDir(t.deps), 'audit-2026-05-24-20261123190000-1.jsonl.gz')
    fs.writeFileSync(taken, 'not ours')
    expect(await runJob(t.deps, job())).toBe(true)
    const files = archives()
    expect(files).toHaveLength(3)
    expect(fs.readFileSync(taken, 'utf8')).toBe('not ours')
    const lines = archived(files.find((f) => f.endsWith('audit-2026-05-24-20261123190000-2.jsonl.gz'))!)
    expect(lines.map((l) => l.action)).toEqual(Array(30).fill('seven.months'))
    expect(lines.map((l) => l.createdAt)).toEqual([...lines.map((l) => l.createdAt)].sort())
    expect(await t.deps.db.auditLog.count({ where: { action: 'seven.months' } })).toBe(0)
    expect(await t.deps.db.auditLog.count({ where: { action: 'recent' } })).toBe(20)
  })
})

describe('uploads of erased residents', () => {
  it('deletes the files and rows of erased (or vanished) residents, keeps everyone else’s', async () => {
    const db = t.deps.db
    const alive = await db.resident.create({ data: { openid: 'retention-alive' } })
    const erased = await db.resident.create({ data: { openid: 'retention-erased' } })
    const staff = await db.org.create({ data: { name: '保留测试街道', level: 'STREET', path: '/retention/' } })
    const put = async (ownerType: string, ownerId: string, name: string) => {
      const storageKey = `2026-11/${name}.jpg`
      const file = path.join(t.deps.config.uploadDir, storageKey)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, 'jpeg')
      const row = await db.upload.create({ data: { ownerType, ownerId, mime: 'image/jpeg', size: 4, sha256: name, storageKey } })
      return { row, file }
    }
    const keep = [await put('RESIDENT', alive.id, 'alive-1'), await put('STAFF', staff.id, 'staff-1')]
    const gone = [await put('RESIDENT', erased.id, 'erased-1'), await put('RESIDENT', erased.id, 'erased-2'), await put('RESIDENT', 'no-such-resident', 'orphan-1')]
    await db.resident.update({ where: { id: erased.id }, data: { deletedAt: t.deps.clock.now() } })

    t.deps.clock.freeze('2026-11-25T03:00:00+08:00')
    expect(await runJob(t.deps, job())).toBe(true)
    for (const g of gone) {
      expect(fs.existsSync(g.file), g.file).toBe(false)
      expect(await db.upload.findUnique({ where: { id: g.row.id } })).toBeNull()
    }
    for (const k of keep) {
      expect(fs.existsSync(k.file), k.file).toBe(true)
      expect(await db.upload.findUnique({ where: { id: k.row.id } })).not.toBeNull()
    }
    const note = await db.auditLog.findFirstOrThrow({ where: { action: 'ops.retention' }, orderBy: { createdAt: 'desc' } })
    expect(note.detail).toMatchObject({ auditArchived: 0, uploadsRemoved: 3 })
  })
})
