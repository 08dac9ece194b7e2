// Rate limits per client key (login, booking, submissions, uploads). In memory per instance; RATE_LIMITS=off
// (outside production) disables them for load tests and demos.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { AppError } from './errors'

export const limits = {
  /** Per client IP, resident and staff logins alike. */
  login: { points: 10, duration: 60 },
  /**
   * Per staff username, from any IP, checked before the password hash: a distributed attack on one account (or on a
   * locked one) is refused cheaply instead of costing an scrypt verification per try. The lockout still counts failures.
   */
  loginUser: { points: 10, duration: 900 },
  booking: { points: 20, duration: 60 },
  submission: { points: 10, duration: 3600 },
  upload: { points: 30, duration: 3600 },
} as const
export type LimitName = keyof typeof limits

export class RateLimits {
  private limiters = new Map<LimitName, RateLimiterMemory>()
  constructor (private enabled: boolean) {
    for (const [name, opt] of Object.entries(limits)) this.limiters.set(name as LimitName, new RateLimiterMemory(opt))
  }

  /** Consumes one point for the key; throws RATE_LIMITED (429, Retry-After) when exhausted. */
  async consume (name: LimitName, key: string): Promise<void> {
    if (!this.enabled) return
    try {
      await this.limiters.get(name)!.consume(key)
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000))
        throw new AppError('RATE_LIMITED', `操作太频繁，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds })
      }
      throw e
    }
  }
}
