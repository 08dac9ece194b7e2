// Labels and tones of tickets for staff and resident pages.
import { ticketChannelLabels, ticketStatusLabels, type TicketStatus } from '@bianmin/shared'
import type { StatusMap } from '@/kit'

export const ticketStatusMap: StatusMap<TicketStatus> = {
  WAITING: { label: ticketStatusLabels.WAITING, tone: 'info' },
  CALLED: { label: ticketStatusLabels.CALLED, tone: 'warning' },
  DONE: { label: ticketStatusLabels.DONE, tone: 'success' },
  SKIPPED: { label: ticketStatusLabels.SKIPPED, tone: 'danger' },
  CANCELLED: { label: ticketStatusLabels.CANCELLED, tone: 'muted' },
}

export { ticketChannelLabels }

/** "12 分钟" / "不到 1 分钟" / "—" for a duration in minutes (null: no figure yet). */
export function minutesText (m: number | null | undefined): string {
  if (m === null || m === undefined || !Number.isFinite(m)) return '—'
  if (m < 1) return '不到 1 分钟'
  return `${Math.round(m)} 分钟`
}

/** The estimated wait as a resident reads it (the estimate is absent while the line has no figure today). */
export function estimateText (m: number | null | undefined): string {
  if (m === null || m === undefined || !Number.isFinite(m)) return '预计等候：暂无数据'
  if (m < 1) return '预计很快就到您'
  return `预计等候约 ${Math.round(m)} 分钟`
}

/** HH:mm of an ISO instant in Beijing time. */
export function clockOf (iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}
