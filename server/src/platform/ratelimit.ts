// Rate limits per client key (login, booking, submissions, uploads). The allowed counts are settings (rateLimits,
// changed by an admin without a restart); the windows are fixed. The counters (rate-limiter-flexible) live where every
// instance sees them: in Redis when REDIS_URL is set, else in PostgreSQL (the RateLimit table), so two instances do
// not double a client's budget; SQLite runs one instance and counts in memory. If the shared store fails, each
// instance falls back to counting in memory (insurance limiter) rather than refusing or letting everything through.
// RATE_LIMITS=off (outside production) disables them for load tests and demos.
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import pg from 'pg'
import { Redis } from 'ioredis'
import type { Settings } from '@bianmin/shared'
import { AppError } from './errors'

/** Window per limit and the setting that gives its allowed count. */
export const limits = {
  /** Per client IP, resident and staff logins alike. */
  login: { setting: 'loginPerMinute', duration: 60 },
  /**
   * Per staff username, from any IP, checked before the password hash: a distributed attack on one account (or on a
   * locked one) is refused cheaply instead of costing an scrypt verification per try. The lockout still counts failures.
   */
  loginUser: { setting: 'staffLoginPer15Minutes', duration: 900 },
  booking: { setting: 'bookingsPerMinute', duration: 60 },
  submission: { setting: 'submissionsPerHour', duration: 3600 },
  upload: { setting: 'uploadsPerHour', duration: 3600 },
} as const satisfies Record<string, { setting: keyof Settings['rateLimits']; duration: number }>
export type LimitName = keyof typeof limits

/** Where the counters live. */
export interface LimitStore { provider: 'sqlite' | 'postgresql'; databaseUrl: string; redisUrl?: string }

type Make = (opts: { points: number; duration: number; keyPrefix: string }) => RateLimiterAbstract

export class RateLimits {
  private limiters = new Map<LimitName, { points: number; limiter: RateLimiterAbstract }>()
  private readonly make: Make
  private readonly closers: (() => Promise<unknown>)[] = []
  /** Which store counts: 'redis', 'postgresql' or 'memory'. */
  readonly kind: 'redis' | 'postgresql' | 'memory'

  constructor (private enabled: boolean, private settings: () => Promise<Settings>, store?: LimitStore) {
    const insured = (o: Parameters<Make>[0]) => ({ ...o, insuranceLimiter: new RateLimiterMemory({ points: o.points, duration: o.duration }) })
    if (enabled && store?.redisUrl) {
      // No offline queue: while Redis is unreachable a command fails at once and the insurance limiter counts.
      const client = new Redis(store.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      client.on('error', () => {}) // reconnects by itself; each failed command falls back to memory
      this.closers.push(() => client.quit().catch(() => client.disconnect()))
      this.kind = 'redis'
      this.make = (o) => new RateLimiterRedis({ storeClient: client, ...insured({ ...o, keyPrefix: `bianmin:rl:${o.keyPrefix}` }) })
    } else if (enabled && store?.provider === 'postgresql') {
      const pool = new pg.Pool({ connectionString: store.databaseUrl, max: 3 })
      pool.on('error', () => {})
      this.closers.push(() => pool.end())
      this.kind = 'postgresql'
      this.make = (o) => new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'RateLimit', tableCreated: true, ...insured(o) })
    } else {
      this.kind = 'memory'
      this.make = (o) => new RateLimiterMemory(o)
    }
  }

  /** The limiter for the current setting; a changed count starts a fresh window (its own key prefix). */
  private async limiter (name: LimitName): Promise<RateLimiterAbstract> {
    const points = (await this.settings()).rateLimits[limits[name].setting]
    const current = this.limiters.get(name)
    if (current?.points === points) return current.limiter
    const limiter = this.make({ points, duration: limits[name].duration, keyPrefix: `${name}:${points}` })
    this.limiters.set(name, { points, limiter })
    return limiter
  }

  /** Consumes one point for the key; throws RATE_LIMITED (429, Retry-After) when exhausted. */
  async consume (name: LimitName, key: string): Promise<void> {
    if (!this.enabled) return
    const limiter = await this.limiter(name)
    try {
      await limiter.consume(key)
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000))
        throw new AppError('RATE_LIMITED', `操作太频繁，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds })
      }
      throw e
    }
  }

  /** Closes the shared store's connections (on stop). */
  async close (): Promise<void> {
    for (const c of this.closers.splice(0)) await c().catch(() => {})
  }
}
