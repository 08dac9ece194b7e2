// Re-encrypts every encrypted column under one target key, in batches. Resumable: values already under the target key
// (their key id) are skipped, so an interrupted run is simply started again. Each row is updated only if it still holds
// the value that was read, so a concurrent change by a running server is never overwritten.
import type { Db } from '../../platform/db'
import type { FieldCipher } from '../../platform/crypto'

export const ENCRYPTED_COLUMNS = [
  { model: 'resident', fields: ['phoneEnc'] },
  { model: 'appointment', fields: ['contactPhoneEnc'] },
  { model: 'homeVisit', fields: ['contactPhoneEnc', 'addressEnc'] },
  { model: 'disclosure', fields: ['contactPhoneEnc', 'applicantIdEnc', 'postalAddressEnc'] },
  { model: 'consultation', fields: ['contactPhoneEnc'] },
] as const

type Row = { id: string } & Record<string, string | null>
interface Delegate {
  findMany (args: { where?: object; orderBy: object; take: number; select: object }): Promise<Row[]>
  updateMany (args: { where: object; data: object }): Promise<{ count: number }>
}

export interface RotationReport { model: string; scanned: number; rotated: number; current: number; failed: string[] }

/** `cipher` encrypts with the target key and can decrypt with every key in use (target, current, previous). */
export async function rotateEncryptedColumns (db: Db, cipher: FieldCipher, opts: { batch?: number; onBatch?: (r: RotationReport) => void } = {}): Promise<RotationReport[]> {
  const batch = opts.batch ?? 500
  const reports: RotationReport[] = []
  for (const { model, fields } of ENCRYPTED_COLUMNS) {
    const delegate = (db as unknown as Record<string, Delegate>)[model]!
    const report: RotationReport = { model, scanned: 0, rotated: 0, current: 0, failed: [] }
    let cursor: string | undefined
    for (;;) {
      const rows = await delegate.findMany({
        where: cursor ? { id: { gt: cursor } } : {}, orderBy: { id: 'asc' }, take: batch,
        select: Object.fromEntries([['id', true], ...fields.map((f) => [f, true])]),
      })
      if (!rows.length) break
      cursor = rows[rows.length - 1]!.id
      const updates: Promise<{ count: number }>[] = []
      for (const row of rows) {
        report.scanned++
        const data: Record<string, string> = {}
        try {
          for (const f of fields) {
            const v = row[f]
            if (v && !cipher.isCurrent(v)) data[f] = cipher.encrypt(cipher.decrypt(v))
          }
        } catch {
          report.failed.push(row.id)
          continue
        }
        if (!Object.keys(data).length) { if (fields.some((f) => row[f])) report.current++; continue }
        const unchanged = Object.fromEntries(fields.map((f) => [f, row[f]]))
        updates.push(delegate.updateMany({ where: { id: row.id, ...unchanged }, data }))
      }
      // One transaction per batch: fast on SQLite, and a batch is either done or not.
      const results = updates.length ? await db.$transaction(updates as never) as { count: number }[] : []
      report.rotated += results.reduce((n, r) => n + r.count, 0)
      opts.onBatch?.(report)
    }
    reports.push(report)
  }
  return reports
}
