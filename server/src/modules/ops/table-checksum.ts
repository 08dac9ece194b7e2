// Row count and an order-independent SHA-256 per table: compares a restored database with its source.
import crypto from 'node:crypto'
import type { Db, Provider } from '../../platform/db'

export interface TableSum { table: string; rows: number; sha256: string }

const normalise = (v: unknown): unknown => {
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'bigint') return v.toString()
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString('base64')
  if (Array.isArray(v)) return v.map(normalise)
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, normalise((v as Record<string, unknown>)[k])]))
  return v
}

export async function listTables (db: Db, provider: Provider): Promise<string[]> {
  const rows = provider === 'sqlite'
    ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    : await db.$queryRawUnsafe<{ name: string }[]>('SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename')
  return rows.map((r) => r.name)
}

export async function tableChecksums (db: Db, provider: Provider): Promise<TableSum[]> {
  const out: TableSum[] = []
  for (const table of await listTables(db, provider)) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
    const hashes = rows.map((r) => crypto.createHash('sha256').update(JSON.stringify(normalise(r))).digest('hex')).sort()
    out.push({ table, rows: rows.length, sha256: crypto.createHash('sha256').update(hashes.join('\n')).digest('hex') })
  }
  return out
}
