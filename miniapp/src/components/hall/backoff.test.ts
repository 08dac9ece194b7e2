import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, between half and all of the step', () => {
    const lo = (n: number) => backoffDelay(n, { random: () => 0 })
    const hi = (n: number) => backoffDelay(n, { random: () => 1 })
    expect([0, 1, 2, 3, 4].map(hi)).toEqual([1000, 2000, 4000, 8000, 16000])
    expect([0, 1, 2, 3, 4].map(lo)).toEqual([500, 1000, 2000, 4000, 8000])
    expect(hi(5)).toBe(30_000)
    expect(hi(1000)).toBe(30_000)
    expect(lo(1000)).toBe(15_000)
  })

  it('takes its own base and cap, and tolerates odd input', () => {
    expect(backoffDelay(2, { baseMs: 200, maxMs: 500, random: () => 1 })).toBe(500)
    expect(backoffDelay(-3, { random: () => 1 })).toBe(1000)
    expect(backoffDelay(Number.NaN, { random: () => 1 })).toBe(1000)
    expect(backoffDelay(0, { random: () => 7 })).toBe(1000)
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(3)
      expect(d).toBeGreaterThanOrEqual(4000)
      expect(d).toBeLessThanOrEqual(8000)
    }
  })
})
