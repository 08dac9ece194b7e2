// One code path, two providers. The SQLite client's type is the app-wide Db type; the PostgreSQL client is
// generated from the same models and loaded only when selected (a client only accepts its own provider's adapter).
import path from 'node:path'
import fs from 'node:fs'
import type { PrismaClient as SqliteClient } from '../generated/sqlite/client.js'
import { registerExclusive, serialisedSqlite } from './sqlite-serial'

export type Db = SqliteClient
export type Provider = 'sqlite' | 'postgresql'
export const providerOf = (url: string): Provider => (/^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite')

export async function createDb (url: string, opts: { log?: ('warn' | 'error' | 'info' | 'query')[] } = {}): Promise<Db> {
  if (providerOf(url) === 'postgresql') {
    const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import('../generated/postgresql/client.js'), import('@prisma/adapter-pg')])
    const adapter = new PrismaPg({ connectionString: url, max: 10 })
    // The two generated clients differ only in provider-specific option unions.
    return new PrismaClient({ adapter, log: opts.log }) as unknown as Db
  }
  const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([import('../generated/sqlite/client.js'), import('@prisma/adapter-better-sqlite3')])
  const file = url.replace(/^file:/, '')
  if (!file.includes(':memory:')) fs.mkdirSync(path.dirname(file), { recursive: true })
  const inMemory = file === ':memory:' || /mode=memory/.test(file)
  const adapter = serialisedSqlite(new PrismaBetterSQLite3({ url, timeout: 10_000 }), !inMemory)
  const db = new PrismaClient({ adapter, log: opts.log })
  registerExclusive(db, adapter)
  // WAL lets readers run alongside the writer; busy_timeout waits for the write lock instead of failing.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 10000')
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON')
  return db
}
