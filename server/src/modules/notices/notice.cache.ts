// The hot read path of notices: an in-process cache of list pages and details, kept correct by
// - local invalidation after every state change made by this instance;
// - a change counter (CacheVersion "notices", bumped in the same transaction) polled at most every `versionCheckMs`,
//   so other instances (PostgreSQL, or several processes on one SQLite file) drop their caches within that time;
// - the next scheduled publish time: when the business clock passes it, everything is dropped;
// - a maximum age, which bounds how stale a view count or an org name can be.
// View counts are buffered and added to the database in batches; a detail keeps its ETag between flushes.
import type { Db, Deps } from '../../platform/types'

export const CACHE_NAME = 'notices'

export interface NoticeCacheOptions {
  maxAgeMs: number
  versionCheckMs: number
  viewFlushMs: number
  maxEntries: number
}
const defaults: NoticeCacheOptions = { maxAgeMs: 60_000, versionCheckMs: 1_000, viewFlushMs: 5_000, maxEntries: 1_000 }

interface Entry<T> { at: number; value: Promise<T> }

class Lru<T> {
  private map = new Map<string, Entry<T>>()
  constructor (private max: number, private maxAgeMs: number) {}
  get size (): number { return this.map.size }
  /** The cached promise, or a new one from `load`; concurrent misses share one load; failures are not kept. */
  get (key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key)
    if (hit && performance.now() - hit.at < this.maxAgeMs) {
      this.map.delete(key)
      this.map.set(key, hit)
      return hit.value
    }
    const entry: Entry<T> = { at: performance.now(), value: load() }
    entry.value.catch(() => { if (this.map.get(key) === entry) this.map.delete(key) })
    this.map.set(key, entry)
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string)
    return entry.value
  }
  delete (key: string): void { this.map.delete(key) }
  clear (): void { this.map.clear() }
}

export class NoticeRuntime {
  readonly lists: Lru<unknown>
  readonly details: Lru<unknown>
  private seenVersion: number | null = null
  private checkedAt = -Infinity
  private checking: Promise<void> | null = null
  /** Next scheduled publish instant (business time) after which visible lists change; undefined = not yet known. */
  private boundary: { at: number | null; computedAt: number } | undefined
  private boundaryLoad: Promise<void> | null = null
  private views = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null
  readonly opts: NoticeCacheOptions
  stats = { invalidations: 0, flushes: 0 }

  constructor (private deps: Pick<Deps, 'db' | 'clock' | 'log'>, opts: Partial<NoticeCacheOptions> = {}) {
    this.opts = { ...defaults, ...opts }
    this.lists = new Lru(this.opts.maxEntries, this.opts.maxAgeMs)
    this.details = new Lru(this.opts.maxEntries, this.opts.maxAgeMs)
  }

  /** Drops everything (after a change here, another instance's change, or a scheduled publish time passing). */
  invalidate (): void {
    this.lists.clear()
    this.details.clear()
    this.boundary = undefined
    this.stats.invalidations++
  }

  /** After a local write: drop at once and re-read the counter on the next read. */
  changed (_ids: string[]): void {
    this.invalidate()
    this.checkedAt = -Infinity
  }

  /** Called before serving from the cache. */
  async ensureFresh (): Promise<void> {
    if (performance.now() - this.checkedAt >= this.opts.versionCheckMs) {
      this.checking ??= this.checkVersion().finally(() => { this.checking = null })
      await this.checking
    }
    const now = this.deps.clock.now().getTime()
    if (this.boundary && (now < this.boundary.computedAt || (this.boundary.at !== null && now >= this.boundary.at))) this.invalidate()
    if (!this.boundary) {
      this.boundaryLoad ??= this.loadBoundary(now).finally(() => { this.boundaryLoad = null })
      await this.boundaryLoad
    }
  }

  private async checkVersion (): Promise<void> {
    const row = await this.deps.db.cacheVersion.findUnique({ where: { name: CACHE_NAME }, select: { version: true } })
    const v = row?.version ?? 0
    if (this.seenVersion !== null && v !== this.seenVersion) this.invalidate()
    this.seenVersion = v
    this.checkedAt = performance.now()
  }

  private async loadBoundary (now: number): Promise<void> {
    const next = await this.deps.db.notice.findFirst({
      where: { status: 'PUBLISHED', publishedAt: { gt: new Date(now) } }, orderBy: { publishedAt: 'asc' }, select: { publishedAt: true },
    })
    this.boundary = { at: next?.publishedAt?.getTime() ?? null, computedAt: now }
  }

  /** Counts one view; written to the database with the next flush. */
  countView (id: string): void {
    this.views.set(id, (this.views.get(id) ?? 0) + 1)
    if (!this.timer) {
      this.timer = setInterval(() => { this.flushViews().catch((err) => this.deps.log.error({ err }, 'notice views flush failed')) }, this.opts.viewFlushMs)
      this.timer.unref()
    }
  }

  /** Adds buffered views to the database; the flushed notices' details are reloaded (new count, new ETag). */
  async flushViews (): Promise<number> {
    if (this.views.size === 0) return 0
    const batch = [...this.views]
    this.views.clear()
    let n = 0
    for (const [id, count] of batch) {
      // Raw SQL: a view is not an edit, so updatedAt and the change counter stay as they are.
      await this.deps.db.$executeRaw`UPDATE "Notice" SET "views" = "views" + ${count} WHERE "id" = ${id}`
      this.details.delete(id)
      n += count
    }
    this.stats.flushes++
    return n
  }

  pendingViews (id: string): number { return this.views.get(id) ?? 0 }

  stop (): void { if (this.timer) clearInterval(this.timer); this.timer = null }

  /** On app stop: no more timer, buffered views written. */
  async close (): Promise<void> {
    this.stop()
    await this.flushViews()
  }
}

/** Bumps the change counter inside the writing transaction. */
export async function bumpNoticeVersion (tx: Pick<Db, 'cacheVersion'>): Promise<void> {
  await tx.cacheVersion.upsert({ where: { name: CACHE_NAME }, create: { name: CACHE_NAME, version: 1 }, update: { version: { increment: 1 } } })
}

declare module '../../platform/types' {
  interface ModuleStates { notices: NoticeRuntime }
}

/** This app's notice runtime (created per app from the notices manifest's `state`). */
export const noticeRuntime = (deps: Pick<Deps, 'state'>): NoticeRuntime => deps.state.notices
