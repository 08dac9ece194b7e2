// Consultation rows → the contract's views (resident, staff, public).
import type { z } from 'zod'
import type { consultationSummary, consultationView, publicConsultation, staffConsultationSummary, staffConsultationView } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { Consultation, ConsultationMessage } from '../../generated/sqlite/client.js'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { maskPhone } from '../../platform/crypto'
import { attachedUploads, uploadView } from '../uploads/upload.links'

const DAY = 86400_000
type Row = Consultation & { org: { name: string } }

export const isAwaitingReply = (c: Pick<Consultation, 'status'>) => c.status === 'SUBMITTED' || c.status === 'ASSIGNED'
/** Unanswered past its deadline (a follow-up after the first answer does not make a case overdue). */
export const isOverdue = (c: Pick<Consultation, 'status' | 'firstRepliedAt' | 'dueAt'>, now: Date) =>
  c.firstRepliedAt === null && c.status !== 'CLOSED' && c.dueAt.getTime() < now.getTime()

function base (c: Row, now: Date) {
  return {
    id: c.id, kind: c.kind, status: c.status, title: c.title, orgId: c.orgId, orgName: c.org.name,
    dueAt: toIso(c.dueAt), overdue: isOverdue(c, now),
    repliedOnTime: c.firstRepliedAt ? c.firstRepliedAt.getTime() <= c.dueAt.getTime() : null,
    createdAt: toIso(c.createdAt), firstRepliedAt: toIsoOrNull(c.firstRepliedAt), repliedAt: toIsoOrNull(c.repliedAt),
    closedAt: toIsoOrNull(c.closedAt), closedBy: (c.closedBy as 'RESIDENT' | 'AUTO' | 'ERASED' | null), published: c.published,
  }
}

export const toSummary = (c: Row & { _count: { messages: number } }, now: Date): z.output<typeof consultationSummary> =>
  ({ ...base(c, now), messageCount: c._count.messages })

export const toStaffSummary = (c: Row & { _count: { messages: number } }, now: Date, staffNames: Map<string, string>): z.output<typeof staffConsultationSummary> => ({
  ...toSummary(c, now),
  assignee: c.assigneeId ? { id: c.assigneeId, name: staffNames.get(c.assigneeId) ?? '（已停用）' } : null,
  awaitingReply: isAwaitingReply(c),
})

type Full = Row & { messages: ConsultationMessage[] }

/** The resident's view: staff messages are signed by the org, never by a person. */
export async function toView (deps: Deps, c: Full): Promise<z.output<typeof consultationView>> {
  const now = deps.clock.now()
  const autoCloseDays = (await deps.settings.get()).consultation.autoCloseDays
  const images = await attachedUploads(deps.db, 'CONSULTATION', c.id)
  return {
    ...base(c, now),
    content: c.content, allowPublish: c.allowPublish, contactConsent: c.contactConsent,
    contactPhoneMasked: maskedOrNull(contactPhoneOf(deps, c)),
    images: images.map((u) => uploadView(deps, u)),
    messages: c.messages.map((m) => ({
      id: m.id, authorType: m.authorType as 'RESIDENT' | 'STAFF', authorName: m.authorType === 'STAFF' ? c.org.name : null,
      content: m.content, createdAt: toIso(m.createdAt),
    })),
    autoCloseAt: c.status === 'REPLIED' && c.repliedAt ? toIso(new Date(c.repliedAt.getTime() + autoCloseDays * DAY)) : null,
  }
}

export async function staffNamesOf (deps: Deps, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is string => Boolean(i)))]
  if (!unique.length) return new Map()
  const rows = await deps.db.staff.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } })
  return new Map(rows.map((r) => [r.id, r.name]))
}

const maskedOrNull = (p: string | null) => (p ? maskPhone(p) : null)

/** The phone given with 同意联系 (decrypted), or null. */
export function contactPhoneOf (deps: Deps, c: Pick<Consultation, 'contactConsent' | 'contactPhoneEnc'>): string | null {
  if (!c.contactConsent || !c.contactPhoneEnc) return null
  try { return deps.cipher.decrypt(c.contactPhoneEnc) || null } catch { return null }
}

export async function toStaffView (deps: Deps, c: Full): Promise<z.output<typeof staffConsultationView>> {
  const view = await toView(deps, c)
  const names = await staffNamesOf(deps, [c.assigneeId, ...c.messages.map((m) => m.staffId)])
  const contactPhone = contactPhoneOf(deps, c)
  return {
    ...view,
    messages: c.messages.map((m, i) => ({ ...view.messages[i]!, authorName: m.staffId ? names.get(m.staffId) ?? null : null })),
    assignee: c.assigneeId ? { id: c.assigneeId, name: names.get(c.assigneeId) ?? '（已停用）' } : null,
    awaitingReply: isAwaitingReply(c),
    contactPhone,
    publicTitle: c.publicTitle, publicQuestion: c.publicQuestion, publicAnswer: c.publicAnswer, publishedAt: toIsoOrNull(c.publishedAt),
  }
}

export const toPublic = (c: Row): z.output<typeof publicConsultation> => ({
  id: c.id, kind: c.kind, orgName: c.org.name, title: c.publicTitle ?? '', question: c.publicQuestion ?? '', answer: c.publicAnswer ?? '',
  askedAt: toIso(c.createdAt), repliedAt: toIsoOrNull(c.firstRepliedAt), publishedAt: toIso(c.publishedAt ?? c.createdAt),
})
