import { describe, expect, it } from 'vitest'
import { lastPeriod } from './period'

const at = (iso: string) => Date.parse(iso)

describe('lastPeriod', () => {
  it('is the last finished month or quarter in Asia/Shanghai', () => {
    expect(lastPeriod('month', at('2026-12-04T02:00:00Z'))).toEqual({ year: 2026, index: 11 })
    expect(lastPeriod('quarter', at('2026-12-04T02:00:00Z'))).toEqual({ year: 2026, index: 3 })
  })
  it('turns the year in January and in the first quarter', () => {
    // 2027-01-01 01:00 in Shanghai is still 2026-12-31 in UTC.
    expect(lastPeriod('month', at('2026-12-31T17:00:00Z'))).toEqual({ year: 2026, index: 12 })
    expect(lastPeriod('quarter', at('2027-02-10T00:00:00Z'))).toEqual({ year: 2026, index: 4 })
  })
})
