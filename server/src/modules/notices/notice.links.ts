// The 解读 of a 政策文件, found by the relatedNoticeId index. Once ANALYZE has run, SQLite's planner sees a column that is
// NULL on almost every row as unselective and scans the table instead (320 ms per lookup at 100 k notices); INDEXED BY
// keeps it on the index. PostgreSQL's statistics know the null fraction and need no hint.
import type { Db } from '../../platform/db'

type Client = Pick<Db, '$queryRaw'>

/** A where-clause selecting the notices whose relatedNoticeId is `docId`. */
export async function readingsOf (db: Client, provider: 'sqlite' | 'postgresql', docId: string): Promise<{ id: { in: string[] } } | { relatedNoticeId: string }> {
  if (provider !== 'sqlite') return { relatedNoticeId: docId }
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Notice" INDEXED BY "Notice_relatedNoticeId_idx" WHERE "relatedNoticeId" = ${docId}`
  return { id: { in: rows.map((r) => r.id) } }
}
