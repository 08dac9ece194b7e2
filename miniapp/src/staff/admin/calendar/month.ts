// Calendar arithmetic on 'YYYY-MM-DD' strings (UTC-based, so the device's time zone cannot shift a day).
import type { z } from 'zod'
import type { calendarDay } from '@bianmin/shared'

export type Day = z.infer<typeof calendarDay>

const pad = (n: number) => String(n).padStart(2, '0')

export function monthRange (month: string): { from: string; to: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${pad(days)}`, days }
}

export function shiftMonth (month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday (date: string): number {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay()
  return w === 0 ? 7 : w
}

export const weekdayNames = ['一', '二', '三', '四', '五', '六', '日']

/** What a day is, in words: 调休上班 (a weekend workday), 放假 (a weekday off), 上班, 休息. */
export function dayKind (d: Day): { key: 'work' | 'makeup' | 'holiday' | 'rest'; label: string } {
  const weekend = isoWeekday(d.date) >= 6
  if (d.isWorkday) return weekend ? { key: 'makeup', label: '调休上班' } : { key: 'work', label: '上班' }
  return weekend ? { key: 'rest', label: '休息' } : { key: 'holiday', label: '放假' }
}

export const sourceLabels: Record<Day['source'], string> = {
  OFFICIAL: '国家公布的节假日安排',
  FALLBACK: '系统推算（周末和法定节日，国家安排公布后以公布为准）',
  OVERRIDE: '人工调整',
}

export function dateTitle (date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日 星期${weekdayNames[isoWeekday(date) - 1]}`
}

export function monthTitle (month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}
