// Live queue events. One bus per app (deps.state.hall): on SQLite an in-process EventEmitter; on PostgreSQL
// LISTEN/NOTIFY — every instance holds one dedicated `pg` client that LISTENs (reconnecting on error) and publishes
// with pg_notify, so a call made on any instance reaches the event streams of every instance.
import { EventEmitter } from 'node:events'
import type { PassThrough } from 'node:stream'
import pg from 'pg'
import type { HallEvent } from '@bianmin/shared'
import type { Deps } from '../../platform/types'

const CHANNEL = 'bianmin_hall_queue'
type Listener = (e: HallEvent) => void

export class HallBus {
  private readonly local = new EventEmitter()
  private client: pg.Client | null = null
  private connecting: Promise<void> | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private closed = false
  private attempt = 0
  /** Open event streams (ended on stop, before the server waits for its connections). */
  readonly streams = new Set<PassThrough>()

  constructor (private readonly deps: Deps) { this.local.setMaxListeners(0) }

  private get pg (): boolean { return this.deps.config.provider === 'postgresql' }

  /** Connects the LISTEN client once (later calls wait for the same attempt). */
  private listen (): Promise<void> {
    if (!this.pg || this.client || this.closed) return Promise.resolve()
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.deps.config.databaseUrl })
      const lost = (err?: Error) => {
        if (this.client !== client) return
        this.client = null
        if (err) this.deps.log.warn({ err: err.message }, 'hall events: LISTEN connection lost, reconnecting')
        client.end().catch(() => {})
        this.scheduleReconnect()
      }
      client.on('error', lost)
      client.on('end', () => lost())
      client.on('notification', (n) => {
        if (n.channel !== CHANNEL || !n.payload) return
        try { this.deliver(JSON.parse(n.payload) as HallEvent) } catch { /* not ours */ }
      })
      try {
        await client.connect()
        await client.query(`LISTEN ${CHANNEL}`)
        if (this.closed) { await client.end(); return }
        this.client = client
        if (this.attempt > 0) this.local.emit('*reconnected')
        this.attempt = 0
      } catch (err) {
        client.end().catch(() => {})
        this.deps.log.warn({ err: (err as Error).message }, 'hall events: LISTEN failed, retrying')
        this.scheduleReconnect()
      }
    })().finally(() => { this.connecting = null })
    return this.connecting
  }

  private scheduleReconnect (): void {
    if (this.closed || this.retryTimer) return
    const delay = Math.min(5_000, 200 * 2 ** this.attempt++)
    this.retryTimer = setTimeout(() => { this.retryTimer = null; void this.listen() }, delay)
    this.retryTimer.unref()
  }

  private deliver (e: HallEvent): void { this.local.emit(e.hallId, e) }

  /** Publishes after the change committed. On PostgreSQL every instance (this one too) receives it via NOTIFY. */
  async publish (e: HallEvent): Promise<void> {
    if (!this.pg) { this.deliver(e); return }
    try {
      await this.deps.db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(e)})`
      if (!this.client) this.deliver(e) // our LISTEN is down: at least this instance's screens hear it
    } catch (err) {
      this.deps.log.error({ err: (err as Error).message }, 'hall events: NOTIFY failed')
      this.deliver(e)
    }
  }

  /** Listens to one hall; resolves once LISTEN is in place. `onReconnect`: events may have been missed. */
  async subscribe (hallId: string, fn: Listener, onReconnect?: () => void): Promise<() => void> {
    await this.listen()
    this.local.on(hallId, fn)
    if (onReconnect) this.local.on('*reconnected', onReconnect)
    return () => {
      this.local.off(hallId, fn)
      if (onReconnect) this.local.off('*reconnected', onReconnect)
    }
  }

  private readonly memo = new Map<string, { until: number; value: Promise<unknown> }>()
  /** A value computed at most once per `ms` on this instance (figures that may lag a few seconds, e.g. medians). */
  cached<T> (key: string, ms: number, fn: () => Promise<T>): Promise<T> {
    const now = Date.now()
    const hit = this.memo.get(key)
    if (hit && hit.until > now) return hit.value as Promise<T>
    if (this.memo.size > 1000) this.memo.clear()
    const value = fn()
    this.memo.set(key, { until: now + ms, value })
    value.catch(() => this.memo.delete(key))
    return value
  }

  forget (key: string): void { this.memo.delete(key) }

  get listeners (): number { return this.local.eventNames().reduce((a, n) => a + (n === '*reconnected' ? 0 : this.local.listenerCount(n)), 0) }

  /** Ends every open stream (clients reconnect to another instance). */
  drain (): void { for (const s of this.streams) s.end() }

  async close (): Promise<void> {
    this.closed = true
    this.drain()
    if (this.retryTimer) clearTimeout(this.retryTimer)
    await this.connecting?.catch(() => {})
    const c = this.client
    this.client = null
    if (c) await c.end().catch(() => {})
    this.local.removeAllListeners()
  }
}

declare module '../../platform/types' {
  interface ModuleStates { hall: HallBus }
}
