// The tags of a case (overdue / due soon, status, kind), the same in the inbox and the case view.
import type { ConsultationKind, ConsultationStatus } from '@bianmin/shared'
import { StatusTag, Tag, type StatusMap, type Tone } from '@/kit'
import { dueText, kindLabel, statusLabel } from '@/pages/consultations/parts/consultation.format'

const statusTags: StatusMap<ConsultationStatus> = {
  SUBMITTED: { label: statusLabel('SUBMITTED'), tone: 'warning' },
  ASSIGNED: { label: statusLabel('ASSIGNED'), tone: 'info' },
  REPLIED: { label: statusLabel('REPLIED'), tone: 'success' },
  CLOSED: { label: statusLabel('CLOSED'), tone: 'muted' },
}

/** A deadline's tone (dueText): on time, due soon, late. */
export const dueTone: Record<'ok' | 'soon' | 'late', Tone> = { ok: 'muted', soon: 'warning', late: 'danger' }

interface CaseLike { status: ConsultationStatus; kind: ConsultationKind; dueAt: string; overdue: boolean }

export function CaseTags ({ c, overdueTestId }: { c: CaseLike; overdueTestId?: string }) {
  const due = dueText(c)
  return (
    <>
      {c.overdue && <Tag tone='danger' solid testId={overdueTestId}>已超期</Tag>}
      {!c.overdue && due?.tone === 'soon' && <Tag tone='warning'>即将到期</Tag>}
      <StatusTag map={statusTags} status={c.status} />
      <Tag tone='muted'>{kindLabel(c.kind)}</Tag>
    </>
  )
}
