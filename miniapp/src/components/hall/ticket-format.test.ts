import { describe, expect, it } from 'vitest'
import { clockOf, estimateText, minutesText, ticketStatusMap } from './ticket-format'

describe('ticket format', () => {
  it('says durations in minutes', () => {
    expect(minutesText(null)).toBe('—')
    expect(minutesText(undefined)).toBe('—')
    expect(minutesText(0.4)).toBe('不到 1 分钟')
    expect(minutesText(12.6)).toBe('13 分钟')
    expect(estimateText(undefined)).toBe('预计等候：暂无数据')
    expect(estimateText(0)).toBe('预计很快就到您')
    expect(estimateText(24.4)).toBe('预计等候约 24 分钟')
  })

  it('shows Beijing clock time and every status in Chinese', () => {
    expect(clockOf('2026-11-23T09:05:00+08:00')).toBe('09:05')
    expect(clockOf('2026-11-23T01:30:00Z')).toBe('09:30')
    expect(clockOf(undefined)).toBe('')
    expect(Object.values(ticketStatusMap).map((s) => s.label)).toEqual(['等候中', '已叫号', '已办结', '已过号', '已取消'])
  })
})
