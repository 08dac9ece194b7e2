// SQLite: one writer connection plus one reader connection (WAL lets readers run beside the writer).
// The better-sqlite3 adapter serialises transactions but lets queries from outside a transaction run on that same
// connection while one is open: they join it, see its uncommitted writes, and are silently lost if it rolls back.
// So writes outside a transaction wait on the writer until the open transaction commits or rolls back, while plain
// SELECTs outside a transaction go to the reader: they see the last committed state (as on PostgreSQL) and never
// queue behind a write transaction. (Code inside a $transaction callback must use the tx client, never the outer one.)
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'

/** The better-sqlite3 connection, as far as a synchronous transaction needs it. */
export interface RawSqlite {
  prepare (sql: string): { run (...args: unknown[]): { changes: number }; get (...args: unknown[]): unknown }
  transaction<F extends (...args: never[]) => unknown> (fn: F): F
}
/** Runs `fn` as one synchronous transaction on the writer connection, in turn with Prisma's transactions. */
export type Exclusive = <T>(fn: (conn: RawSqlite) => T) => Promise<T>
const exclusives = new WeakMap<object, { run: Exclusive | null }>()
/** The SQLite writer's synchronous transactions for this client (null on PostgreSQL). */
export const sqliteExclusive = (db: object): Exclusive | null => exclusives.get(db)?.run ?? null
/** Values as the Prisma adapter stores them: DateTime as ISO text with +00:00, booleans as 0/1, JSON as text. */
export const sqliteValue = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString().replace('Z', '+00:00') : typeof v === 'boolean' ? (v ? 1 : 0) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v

class Lock {
  private tail: Promise<void> = Promise.resolve()
  acquire (): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((resolve) => { release = resolve })
    const ready = this.tail.then(() => release)
    this.tail = this.tail.then(() => held)
    return ready
  }
  async run<T> (fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try { return await fn() } finally { release() }
  }
}

/** A statement that only reads (Prisma's reads are plain SELECTs; anything else stays on the writer). */
const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)

function serialise (adapter: SqlDriverAdapter, reader: SqlDriverAdapter | null, holder: { run: Exclusive | null }): SqlDriverAdapter {
  const lock = new Lock()
  const raw = (adapter as unknown as { client?: RawSqlite }).client
  // Prepared statements kept per SQL text (the hot paths run the same few statements over and over).
  const statements = new Map<string, ReturnType<RawSqlite['prepare']>>()
  const conn: RawSqlite | undefined = raw && {
    prepare: (sql) => { let st = statements.get(sql); if (!st) { st = raw.prepare(sql); if (statements.size < 200) statements.set(sql, st) } return st },
    transaction: (fn) => raw.transaction(fn),
  }
  holder.run = conn ? (fn) => lock.run(async () => conn.transaction(() => fn(conn))()) : null
  const queryRaw = adapter.queryRaw.bind(adapter)
  const executeRaw = adapter.executeRaw.bind(adapter)
  const executeScript = adapter.executeScript.bind(adapter)
  const startTransaction = adapter.startTransaction.bind(adapter)
  const dispose = adapter.dispose.bind(adapter)
  adapter.queryRaw = (q) => (reader && isRead(q.sql) ? reader.queryRaw(q) : lock.run(() => queryRaw(q)))
  adapter.executeRaw = (q) => lock.run(() => executeRaw(q))
  adapter.executeScript = (s) => lock.run(() => executeScript(s))
  adapter.dispose = async () => { await reader?.dispose(); await dispose() }
  adapter.startTransaction = async (isolation) => {
    const release = await lock.acquire()
    let tx: Transaction
    try { tx = await startTransaction(isolation) } catch (err) { release(); throw err }
    let open = true
    const done = () => { if (open) { open = false; release() } }
    const commit = tx.commit.bind(tx)
    const rollback = tx.rollback.bind(tx)
    tx.commit = async () => { try { await commit() } finally { done() } }
    tx.rollback = async () => { try { await rollback() } finally { done() } }
    return tx
  }
  return adapter
}

/** Registers the writer's synchronous transactions (sqliteExclusive) for a client built on this factory. */
export function registerExclusive (db: object, factory: { exclusive: { run: Exclusive | null } }): void { exclusives.set(db, factory.exclusive) }

/** `separateReader`: false for in-memory databases (a second connection would open a different, empty database). */
export function serialisedSqlite (factory: SqlDriverAdapterFactory, separateReader = true): SqlDriverAdapterFactory & { exclusive: { run: Exclusive | null } } {
  const holder: { run: Exclusive | null } = { run: null }
  return {
    exclusive: holder,
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const writer = await factory.connect()
      return serialise(writer, separateReader ? await factory.connect() : null, holder)
    },
  }
}
