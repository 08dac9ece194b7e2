// Labels and dates for the appointment pages. Dates are YYYY-MM-DD in Asia/Shanghai; times from the API carry +08:00.
import type { AppointmentStatus } from '@bianmin/shared'
import type { StatusMap, Tone } from '@/kit'

export const statusLabels: Record<AppointmentStatus, string> = {
  BOOKED: '已预约', CANCELLED: '已取消', LATE_CANCELLED: '逾时取消', CHECKED_IN: '已签到', CALLED: '已叫号', DONE: '已办结', NO_SHOW: '未到',
}
export const statusTone = (s: AppointmentStatus): 'active' | 'done' | 'off' | 'bad' =>
  s === 'BOOKED' || s === 'CHECKED_IN' || s === 'CALLED' ? 'active' : s === 'DONE' ? 'done' : s === 'NO_SHOW' ? 'bad' : 'off'

const tones: Record<ReturnType<typeof statusTone>, Tone> = { active: 'info', done: 'success', off: 'muted', bad: 'danger' }
/** Status → label and tone, for `<StatusTag map={appointmentStatus} status={a.status} />`. */
export const appointmentStatus = Object.fromEntries(
  (Object.keys(statusLabels) as AppointmentStatus[]).map((s) => [s, { label: statusLabels[s], tone: tones[statusTone(s)] }]),
) as StatusMap<AppointmentStatus>

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
/** 10月10日 */
export const dayText = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
/** 周六 */
export const weekdayText = (date: string): string => weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''
/** 10月10日 周六 09:00–09:30 */
export const slotText = (a: { date: string; start: string; end: string }): string => `${dayText(a.date)} ${weekdayText(a.date)} ${a.start}–${a.end}`
/** 9月28日 07:30 */
export const instantText = (iso: string): string => `${dayText(iso.slice(0, 10))} ${iso.slice(11, 16)}`

/** A fresh Idempotency-Key for one booking attempt (kept while the form is retried). */
export function newIdempotencyKey (): string {
  return `bk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** 已改约: a booking moved to another slot reads so (not a plain 已取消). */
export type ShownStatus = AppointmentStatus | 'RESCHEDULED'
export const shownStatus = (a: { status: AppointmentStatus; rescheduledToId?: string | null }): ShownStatus =>
  a.rescheduledToId ? 'RESCHEDULED' : a.status
export const shownStatusMap: StatusMap<ShownStatus> = { ...appointmentStatus, RESCHEDULED: { label: '已改约', tone: 'muted' } }

const materialForms = { ORIGINAL: '原件', COPY: '复印件', BOTH: '原件和复印件' } as const
/** 1. 居民身份证（原件和复印件，1 份），说明 */
export function materialText (m: { name: string; form?: keyof typeof materialForms; copies?: number; note?: string }, i: number): string {
  const how = [m.form ? materialForms[m.form] : '', m.copies ? `${m.copies} 份` : ''].filter(Boolean).join('，')
  return `${i + 1}. ${m.name}${how ? `（${how}）` : ''}${m.note ? `，${m.note}` : ''}`
}
