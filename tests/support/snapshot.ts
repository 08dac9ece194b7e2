// Cheap whole-database fingerprints for "this request changed nothing" checks: per table a row count and an
// order-independent hash of every row's content (SQLite: own read-only connection; PostgreSQL: hashtext per row).
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

/** FNV-1a (32 bit) over the row's values: cheap, and any change of any column changes it with high probability. */
function rowHash (...values: unknown[]): number {
  let h = 0x811c9dc5
  for (const v of values) {
    const s = v === null ? '\u0000null' : Buffer.isBuffer(v) ? v.toString('hex') : String(v)
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) }
    h ^= 0x1f; h = Math.imul(h, 0x01000193) // value separator
  }
  return h >>> 0
}

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
    // Hashed inside SQLite (a JS function per row, no row objects); summed modulo 2^32 so row order does not matter.
    db.function('rowhash', { varargs: true, deterministic: true }, rowHash)
    const sql = tables.map((t) => {
      const names = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name)
      return `SELECT '${t}' AS t, count(*) || ':' || (coalesce(sum(rowhash(${cols(t, names)})), 0) % 4294967296) AS f FROM "${t}"`
    }).join(' UNION ALL ')
    const stmt = db.prepare(sql)
    return {
      async take () {
        // One statement: a consistent view across tables.
        return Object.fromEntries((stmt.all() as { t: string; f: string }[]).map((r) => [r.t, String(r.f)]))
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
