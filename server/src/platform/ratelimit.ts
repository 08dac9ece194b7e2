// Rate limits per client key (login, booking, submissions, uploads). The allowed counts are settings (rateLimits,
// changed by an admin without a restart); the windows are fixed. In memory per instance; RATE_LIMITS=off (outside
// production) disables them for load tests and demos.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
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

export class RateLimits {
  private limiters = new Map<LimitName, { points: number; limiter: RateLimiterMemory }>()
  constructor (private enabled: boolean, private settings: () => Promise<Settings>) {}

  /** The limiter for the current setting; a changed count starts a fresh window. */
  private async limiter (name: LimitName): Promise<RateLimiterMemory> {
    const points = (await this.settings()).rateLimits[limits[name].setting]
    const current = this.limiters.get(name)
    if (current?.points === points) return current.limiter
    const limiter = new RateLimiterMemory({ points, duration: limits[name].duration })
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
}
