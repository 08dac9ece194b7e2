// Display helpers for 好差评 pages (times arrive as ISO strings with +08:00).
import { rectificationStatusLabels, rectificationStepLabels } from '@bianmin/shared'

/** "2026-11-23 09:30" from an ISO instant with offset (the API always answers +08:00). */
export const formatTime = (iso: string | null | undefined): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '')
export const formatDate = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')
/** 0.6667 → "66.7%"; null → "—". */
export const percent = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)
export const rectStatusLabel = (s: string): string => rectificationStatusLabels[s as keyof typeof rectificationStatusLabels] ?? s
export const stepLabel = (a: string): string => rectificationStepLabels[a] ?? a
/** What "done" means for a subject: a consultation is answered (答复), not 办结, while it may still be open. */
export const doneWord = (subjectType: string): string => (subjectType === 'CONSULTATION' ? '答复' : '办结')
