// Retention, once a day: audit rows older than settings.retention.auditMonths (≥ 6) are archived to
// <DATA_DIR>/archive/audit/audit-<cutoff date>-<UTC stamp>-<n>.jsonl.gz (one JSON object per line) and then deleted; uploaded files
// of erased residents (Resident.deletedAt set, or the row gone) are removed with their Upload rows.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { once } from 'node:events'
import { pipeline } from 'node:stream/promises'
import type { Deps } from '../../platform/types'
import { defineJob } from '../../platform/jobs'
import { audit } from '../../platform/audit'
import { shanghaiDate } from '../../platform/clock'

const FILE_ROWS = 50_000
const BATCH = 500

export interface RetentionResult { cutoff: Date; archived: number; files: string[]; uploadsRemoved: number }

export const archiveDir = (deps: Deps) => path.join(deps.config.dataDir, 'archive', 'audit')

/** The instant `months` calendar months before `now`. */
export function monthsBefore (now: Date, months: number): Date {
  const d = new Date(now)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

async function archiveFile (deps: Deps, cutoff: Date, file: string): Promise<number> {
  const gzip = zlib.createGzip()
  // pipeline() owns the error handling: a failed open or write (disk full …) rejects `written`, never crashes.
  const written = pipeline(gzip, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }))
  written.catch(() => {}) // observed below; not an unhandled rejection meanwhile
  gzip.on('error', () => {}) // reported through `written`
  const ids: string[] = []
  try {
    let cursor: { createdAt: Date; id: string } | undefined
    while (ids.length < FILE_ROWS) {
      const rows = await deps.db.auditLog.findMany({
        where: { createdAt: { lt: cutoff }, ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: Math.min(BATCH, FILE_ROWS - ids.length),
      })
      if (!rows.length) break
      for (const r of rows) {
        if (gzip.destroyed) break
        if (!gzip.write(JSON.stringify(r) + '\n')) await Promise.race([once(gzip, 'drain'), written])
        ids.push(r.id)
      }
      const last = rows[rows.length - 1]!
      cursor = { createdAt: last.createdAt, id: last.id }
    }
    if (!gzip.destroyed) gzip.end()
    await written
  } catch (err) {
    gzip.destroy()
    await written.catch(() => {})
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(file, { force: true })
    throw err
  }
  if (!ids.length) { fs.rmSync(file); return 0 }
  // On disk before the rows go: a crash in between archives them twice, never loses them.
  const fh = await fs.promises.open(file, 'r')
  await fh.sync()
  await fh.close()
  for (let i = 0; i < ids.length; i += BATCH) await deps.db.auditLog.deleteMany({ where: { id: { in: ids.slice(i, i + BATCH) } } })
  return ids.length
}

export async function archiveAudit (deps: Deps): Promise<Pick<RetentionResult, 'cutoff' | 'archived' | 'files'>> {
  const months = Math.max(6, (await deps.settings.get()).retention.auditMonths)
  const now = deps.clock.now()
  const cutoff = monthsBefore(now, months)
  const files: string[] = []
  let archived = 0
  if (!(await deps.db.auditLog.count({ where: { createdAt: { lt: cutoff } } }))) return { cutoff, archived, files }
  fs.mkdirSync(archiveDir(deps), { recursive: true })
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14)
  for (let part = 1; ; part++) {
    const file = path.join(archiveDir(deps), `audit-${shanghaiDate(cutoff)}-${stamp}-${part}.jsonl.gz`)
    if (fs.existsSync(file)) continue // never overwrite an archive
    const n = await archiveFile(deps, cutoff, file)
    if (!n) break
    archived += n
    files.push(file)
    if (n < FILE_ROWS) break
  }
  return { cutoff, archived, files }
}

/** Files and Upload rows of residents who erased their data (or whose row no longer exists). */
export async function removeErasedUploads (deps: Deps): Promise<number> {
  const root = path.resolve(deps.config.uploadDir)
  let removed = 0
  let cursor: string | undefined
  for (;;) {
    const uploads = await deps.db.upload.findMany({
      where: { ownerType: 'RESIDENT', ...(cursor ? { id: { gt: cursor } } : {}) }, orderBy: { id: 'asc' }, take: BATCH, select: { id: true, ownerId: true, storageKey: true },
    })
    if (!uploads.length) break
    cursor = uploads[uploads.length - 1]!.id
    const live = new Set((await deps.db.resident.findMany({
      where: { id: { in: [...new Set(uploads.map((u) => u.ownerId))] }, deletedAt: null }, select: { id: true },
    })).map((r) => r.id))
    const gone = uploads.filter((u) => !live.has(u.ownerId))
    for (const u of gone) {
      const file = path.resolve(root, u.storageKey)
      if (file.startsWith(root + path.sep)) await fs.promises.rm(file, { force: true })
    }
    if (gone.length) await deps.db.upload.deleteMany({ where: { id: { in: gone.map((u) => u.id) } } })
    removed += gone.length
  }
  return removed
}

export async function runRetention (deps: Deps): Promise<RetentionResult> {
  const a = await archiveAudit(deps)
  const uploadsRemoved = await removeErasedUploads(deps)
  if (a.archived || uploadsRemoved) {
    await audit(deps.db, { kind: 'system' }, {
      action: 'ops.retention', detail: { auditArchived: a.archived, cutoff: a.cutoff.toISOString(), files: a.files.map((f) => path.basename(f)), uploadsRemoved },
    })
    deps.log.info({ auditArchived: a.archived, files: a.files, uploadsRemoved }, '数据保留任务完成')
  }
  return { ...a, uploadsRemoved }
}

export const retentionJob = defineJob({ name: 'ops.retention', everyMs: 3600_000, key: (deps) => deps.clock.today(), run: async (deps) => { await runRetention(deps) } })
