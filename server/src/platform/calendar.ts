// Working days: chinese-days (official holidays and 调休 make-up days) for the years it covers; for other years
// weekends plus the statutory holidays (fixed and lunar dates); admin overrides (CalendarOverride) win over both. A year
// with an imported 节假日安排 notice is official: its named days are overrides, every other day follows the week.
import chineseDays from 'chinese-days'
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { Db } from './db'
import { addDays, atShanghai, shanghaiDate, weekday } from './clock'

const coveredYears = new Set(Object.keys((holidayData as { holidays: Record<string, string> }).holidays).map((d) => d.slice(0, 4)))

function statutoryHolidays (year: number): Set<string> {
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date
  const days = new Set<string>([`${year}-01-01`, `${year}-05-01`, `${year}-05-02`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`])
  const springFestival = lunar('01-01')
  for (let i = -1; i <= 2; i++) days.add(addDays(springFestival, i)) // 除夕 and 初一 to 初三
  const qingming = chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === '清明')
  if (qingming) days.add(qingming.date)
  days.add(lunar('05-05'))
  days.add(lunar('08-15'))
  return days
}

export class WorkCalendar {
  private overrides = new Map<string, boolean>()
  private noticeYears = new Set<number>()
  private fallback = new Map<number, Set<string>>()
  constructor (private db?: Db) {}

  async load (): Promise<void> {
    if (!this.db) return
    const rows = await this.db.calendarOverride.findMany({ select: { date: true, isWorkday: true, noticeYear: true } })
    this.overrides = new Map(rows.map((r) => [r.date, r.isWorkday]))
    this.noticeYears = new Set(rows.flatMap((r) => (r.noticeYear === null ? [] : [r.noticeYear])))
  }

  /** Marks a year as covered by an imported notice (or not, when its last notice day is gone). */
  setNoticeYear (year: number, imported: boolean): void {
    if (imported) this.noticeYears.add(year)
    else this.noticeYears.delete(year)
  }

  setOverride (date: string, isWorkday: boolean | null): void {
    if (isWorkday === null) this.overrides.delete(date)
    else this.overrides.set(date, isWorkday)
  }

  /** Whether the package has official data for this year. */
  covers (year: number): boolean { return coveredYears.has(String(year)) }

  /** Whether the year has an imported 节假日安排 notice. */
  hasNotice (year: number): boolean { return this.noticeYears.has(year) }

  /** Official data for the year: from the package or from an imported notice. */
  isOfficial (year: number): boolean { return this.covers(year) || this.hasNotice(year) }

  isWorkday (date: string): boolean {
    const o = this.overrides.get(date)
    if (o !== undefined) return o
    const year = Number(date.slice(0, 4))
    if (this.covers(year)) return chineseDays.isWorkday(date)
    if (weekday(date) >= 6) return false
    if (this.noticeYears.has(year)) return true
    let set = this.fallback.get(year)
    if (!set) { set = statutoryHolidays(year); this.fallback.set(year, set) }
    return !set.has(date)
  }

  /** The n-th working day after `date` (n ≥ 1); n = 0 returns the date itself if it is a working day, else the next one. */
  addWorkdays (date: string, n: number): string {
    let d = date
    if (n === 0) { while (!this.isWorkday(d)) d = addDays(d, 1); return d }
    let left = n
    while (left > 0) { d = addDays(d, 1); if (this.isWorkday(d)) left-- }
    return d
  }

  /** Working days from `from` (exclusive) to `to` (inclusive). */
  workdaysBetween (from: string, to: string): number {
    let count = 0
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) count++
    return count
  }

  /** The next `count` working days starting at `from` (inclusive). */
  nextWorkdays (from: string, count: number): string[] {
    const out: string[] = []
    for (let d = from; out.length < count; d = addDays(d, 1)) if (this.isWorkday(d)) out.push(d)
    return out
  }

  /**
   * Deadline of n working days from an instant: the end (23:59:59 Asia/Shanghai) of the n-th working day after
   * the day of `at`. A submission on a holiday counts from the next working day.
   */
  deadline (at: Date, n: number): Date {
    const day = shanghaiDate(at)
    const end = this.addWorkdays(day, n)
    return new Date(atShanghai(end, '23:59').getTime() + 59_999)
  }
}
