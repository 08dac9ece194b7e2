import { describe, expect, it } from 'vitest'
import { clockText } from './use-clock'

describe('clockText', () => {
  it('shows Beijing date, weekday and time whatever the device zone', () => {
    expect(clockText(new Date('2026-11-23T01:05:07Z'))).toEqual({ date: '2026年11月23日 星期一', time: '09:05:07' })
    expect(clockText(new Date('2026-11-22T16:00:00Z'))).toEqual({ date: '2026年11月23日 星期一', time: '00:00:00' })
  })
})
