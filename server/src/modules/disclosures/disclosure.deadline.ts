// Deadlines of 政府信息公开条例 (2019) in working days, always derived from the calendar:
// reply due = receipt day (or the day the 补正 was supplied) + 20 + extension + third-party pause working days.
import type { Settings } from '@bianmin/shared'
import type { WorkCalendar } from '../../platform/calendar'
import { atShanghai, shanghaiDate } from '../../platform/clock'

export type DisclosureRules = Settings['disclosure']

export interface DeadlineFacts {
  status: string
  receivedAt: Date
  correctionRequestedAt: Date | null
  correctionAnsweredAt: Date | null
  extensionDays: number
  pausedWorkdays: number
  pausedAt: Date | null
}

/** Statuses in which the office's reply clock runs (or is paused) and the request can be overdue. */
export const CLOCK_STATUSES = ['RECEIVED', 'EXTENDED', 'PAUSED'] as const
export const OPEN_STATUSES = ['RECEIVED', 'CORRECTION_REQUESTED', 'EXTENDED', 'PAUSED'] as const

/** The working day something counts as received: that day if it is a working day, else the next one. */
export const receiptDay = (cal: WorkCalendar, at: Date): string => cal.addWorkdays(shanghaiDate(at), 0)

/** End (23:59:59.999 Asia/Shanghai) of a date. */
export const endOfDay = (date: string): Date => new Date(atShanghai(date, '23:59').getTime() + 59_999)

/** Reply deadline with the given number of paused working days. */
export function replyDueAt (cal: WorkCalendar, rules: DisclosureRules, d: DeadlineFacts, pausedWorkdays = d.pausedWorkdays): Date {
  const start = receiptDay(cal, d.correctionAnsweredAt ?? d.receivedAt)
  return endOfDay(cal.addWorkdays(start, rules.replyWorkdays + d.extensionDays + pausedWorkdays))
}

/** Deadline for the applicant to supply the 补正. */
export function correctionDueAt (cal: WorkCalendar, rules: DisclosureRules, requestedAt: Date): Date {
  return endOfDay(cal.addWorkdays(receiptDay(cal, requestedAt), rules.correctionAnswerWorkdays))
}

/** Whether the 补正 request is still possible: within 7 working days of receipt. */
export function correctionWindowEnd (cal: WorkCalendar, rules: DisclosureRules, receivedAt: Date): Date {
  return endOfDay(cal.addWorkdays(receiptDay(cal, receivedAt), rules.correctionWorkdays))
}

/** Working days of a running pause, up to `today` (the pause day itself counts as working time). */
export function runningPauseDays (cal: WorkCalendar, pausedAt: Date, today: string): number {
  return cal.workdaysBetween(shanghaiDate(pausedAt), today)
}

/**
 * The stored deadline (what lists sort and filter by). While waiting for a 补正 it is the applicant's 补正 deadline;
 * while paused the clock stops for at most the remaining third-party allowance, so the latest possible deadline is
 * stored — it is exact once the allowance is used up, which is the only way a paused request can become overdue.
 */
export function storedDueAt (cal: WorkCalendar, rules: DisclosureRules, d: DeadlineFacts): Date {
  if (d.status === 'CORRECTION_REQUESTED' && d.correctionRequestedAt) return correctionDueAt(cal, rules, d.correctionRequestedAt)
  if (d.status === 'PAUSED') return replyDueAt(cal, rules, d, Math.max(d.pausedWorkdays, rules.thirdPartyMaxWorkdays))
  return replyDueAt(cal, rules, d)
}

export const isOverdue = (d: { status: string; dueAt: Date }, now: Date): boolean =>
  (CLOCK_STATUSES as readonly string[]).includes(d.status) && now.getTime() > d.dueAt.getTime()
