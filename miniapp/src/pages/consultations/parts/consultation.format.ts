// Labels and times for consultation pages. Times from the API carry +08:00, so slicing gives Beijing time.
import { consultationKindLabels, consultationStatusLabels, type ConsultationKind, type ConsultationStatus } from '@bianmin/shared'
import type { StatusMap } from '@/kit'

export const kindLabel = (k: ConsultationKind): string => consultationKindLabels[k]
export const statusLabel = (s: ConsultationStatus): string => consultationStatusLabels[s]

/** 11月26日 */
export const dayText = (iso: string): string => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
/** 11月26日 09:30 */
export const timeText = (iso: string): string => `${dayText(iso)} ${iso.slice(11, 16)}`

interface DueInfo { status: ConsultationStatus; dueAt: string; overdue: boolean; repliedOnTime?: boolean | null }

/** The countdown to the reply deadline, while an answer is awaited. */
export function dueText (c: DueInfo, now = Date.now()): { text: string; tone: 'ok' | 'soon' | 'late' } | null {
  if (c.status === 'REPLIED' || c.status === 'CLOSED') return null
  if (c.overdue) return { text: `已超过答复期限（${dayText(c.dueAt)}）`, tone: 'late' }
  const left = Date.parse(c.dueAt) - now
  const days = Math.floor(left / 86400_000)
  const hours = Math.max(0, Math.floor((left % 86400_000) / 3600_000))
  const rest = days >= 1 ? `剩 ${days} 天 ${hours} 小时` : `剩 ${hours} 小时`
  return { text: `${dayText(c.dueAt)}前答复（${left > 0 ? rest : '即将到期'}）`, tone: days >= 1 ? 'ok' : 'soon' }
}

/** Status → label and tone (`<StatusTag map={consultationStatus} status={c.status} />`). */
export const consultationStatus: StatusMap<ConsultationStatus> = {
  SUBMITTED: { label: statusLabel('SUBMITTED'), tone: 'warning' },
  ASSIGNED: { label: statusLabel('ASSIGNED'), tone: 'info' },
  REPLIED: { label: statusLabel('REPLIED'), tone: 'success' },
  CLOSED: { label: statusLabel('CLOSED'), tone: 'muted' },
}

