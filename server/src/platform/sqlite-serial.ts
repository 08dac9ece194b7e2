// SQLite runs on one connection. The better-sqlite3 adapter serialises transactions but lets queries from outside a
// transaction run on that same connection while one is open: they join it, see its uncommitted writes, and are
// silently lost if it rolls back. This wrapper makes them wait until the open transaction commits or rolls back.
// (Code inside a $transaction callback must use the tx client, never the outer one, or it waits for itself.)
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'

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

function serialise (adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock()
  const queryRaw = adapter.queryRaw.bind(adapter)
  const executeRaw = adapter.executeRaw.bind(adapter)
  const executeScript = adapter.executeScript.bind(adapter)
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.queryRaw = (q) => lock.run(() => queryRaw(q))
  adapter.executeRaw = (q) => lock.run(() => executeRaw(q))
  adapter.executeScript = (s) => lock.run(() => executeScript(s))
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

export function serialisedSqlite (factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialise(await factory.connect()),
  }
}
