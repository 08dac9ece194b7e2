import { describe, expect, it } from 'vitest'
import { dateTitle, dayKind, isoWeekday, monthRange, shiftMonth } from './month'
import { quickRanges } from '../../stats/dashboard/filters'

describe('calendar month arithmetic', () => {
  it('knows month lengths, leap years and month steps across years', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28', days: 28 })
    expect(monthRange('2028-02').days).toBe(29)
    expect(monthRange('2026-12').to).toBe('2026-12-31')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
  })

  it('names days: 调休上班 on a weekend workday, 放假 on a weekday off', () => {
    expect(isoWeekday('2026-10-10')).toBe(6)
    expect(isoWeekday('2026-10-11')).toBe(7)
    const day = (date: string, isWorkday: boolean) => ({ date, isWorkday, source: 'OFFICIAL' as const, note: null })
    expect(dayKind(day('2026-10-10', true)).label).toBe('调休上班')
    expect(dayKind(day('2026-10-01', false)).label).toBe('放假')
    expect(dayKind(day('2026-10-11', false)).label).toBe('休息')
    expect(dayKind(day('2026-10-09', true)).label).toBe('上班')
    expect(dateTitle('2026-10-09')).toBe('2026年10月9日 星期五')
  })
})

describe('dashboard quick ranges', () => {
  it('are this month and this year up to today, and the whole of last year', () => {
    expect(quickRanges('2026-11-23').map((q) => [q.label, q.range.from, q.range.to])).toEqual([
      ['本月', '2026-11-01', '2026-11-23'],
      ['本年', '2026-01-01', '2026-11-23'],
      ['上一年', '2025-01-01', '2025-12-31'],
    ])
  })
})
