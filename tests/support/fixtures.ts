// Ids that exist in the test database, for fuzzing and authorisation checks.
import type { TestApp } from './app'

export async function tableNames (t: TestApp): Promise<string[]> {
  const rows = t.deps.config.provider === 'sqlite'
    ? await t.deps.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'")
    : await t.deps.db.$queryRawUnsafe<{ name: string }[]>("SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'")
  return rows.map((r) => r.name)
}

/** Up to `perTable` ids of every table that has an `id` column. */
export async function knownIds (t: TestApp, perTable = 4): Promise<string[]> {
  const out: string[] = []
  for (const name of await tableNames(t)) {
    try {
      const rows = await t.deps.db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${name}" ORDER BY "id" LIMIT ${perTable}`)
      out.push(...rows.map((r) => String(r.id)))
    } catch { /* no id column */ }
  }
  return out
}
