// Cheap whole-database fingerprints for "this request changed nothing" checks: per table a row count and an
// order-independent hash of every row's content (SQLite: own read-only connection; PostgreSQL: hashtext per row).
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { providerOf } from '../../server/src/platform/db'

export type Snapshot = Record<string, string>

export interface Snapshotter {
  take: () => Promise<Snapshot>
  close: () => Promise<void>
}

/** Tables whose rows differ between two snapshots (added, removed or changed rows), with the two fingerprints. */
export function diffSnapshots (before: Snapshot, after: Snapshot, ignore: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((n) => !ignore.includes(n) && before[n] !== after[n]).map((n) => `${n}: ${before[n]} → ${after[n]}`)
}

const rowHash = (row: unknown[]): number => crypto.createHash('sha1').update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('hex') : v))).digest().readUInt32LE(0)

/**
 * Columns left out of the fingerprint: counters that reads update later in the background (notice views are buffered
 * and flushed on a timer), so a flush from an earlier request is not blamed on the current one.
 */
export const backgroundColumns: Record<string, string[]> = { Notice: ['views'] }

export async function snapshotter (databaseUrl: string): Promise<Snapshotter> {
  const cols = (table: string, all: string[]) => all.filter((c) => !backgroundColumns[table]?.includes(c)).map((c) => `"${c}"`).join(', ')
  if (providerOf(databaseUrl) === 'sqlite') {
    const db = new Database(databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 10000')
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all() as { name: string }[]).map((r) => r.name)
    const stmts = tables.map((t) => {
      const names = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name)
      return [t, db.prepare(`SELECT ${cols(t, names)} FROM "${t}"`).raw(true)] as const
    })
    return {
      async take () {
        const out: Snapshot = {}
        // One read transaction: a consistent view across tables.
        db.transaction(() => {
          for (const [t, stmt] of stmts) {
            let n = 0; let h = 0
            for (const row of stmt.iterate() as Iterable<unknown[]>) { n++; h = (h + rowHash(row)) >>> 0 }
            out[t] = `${n}:${h.toString(16)}`
          }
        })()
        return out
      },
      async close () { db.close() },
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const columns = (await client.query<{ t: string; c: string }>("SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations' ORDER BY c.table_name, c.ordinal_position")).rows
  const byTable = new Map<string, string[]>()
  for (const r of columns) byTable.set(r.t, [...(byTable.get(r.t) ?? []), r.c])
  const sql = [...byTable].map(([t, all]) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(hashtext(ROW(${cols(t, all)})::text)::bigint), 0)::text AS f FROM "${t}"`).join(' UNION ALL ')
  return {
    async take () {
      const r = await client.query<{ t: string; f: string }>(sql)
      return Object.fromEntries(r.rows.map((row) => [row.t, row.f]))
    },
    async close () { await client.end() },
  }
}
