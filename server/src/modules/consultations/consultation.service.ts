// Residents: submit (deadline from the working-day calendar), list and read their own cases, follow up, close.
// Public: published, anonymised Q&A.
import type { z } from 'zod'
import type { ConsultationKind, createConsultationBody } from '@bianmin/shared'
import type { Deps, ResidentActor } from '../../platform/types'
import { invalidState, notFound, validation } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { attachUploads } from '../uploads/upload.links'
import { toPublic, toSummary, toView } from './consultation.mapper'

export const fullInclude = { org: { select: { name: true } }, messages: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } }
const summaryInclude = { org: { select: { name: true } }, _count: { select: { messages: true } } }

export async function dueAtFor (deps: Deps, kind: ConsultationKind, at: Date): Promise<Date> {
  const s = (await deps.settings.get()).consultation
  const days = { CONSULT: s.consultWorkdays, COMPLAINT: s.complaintWorkdays, SUGGESTION: s.suggestionWorkdays }[kind]
  return deps.calendar.deadline(at, days)
}

export async function createConsultation (deps: Deps, actor: ResidentActor, input: z.output<typeof createConsultationBody>) {
  await deps.limits.consume('submission', `resident:${actor.id}`)
  const org = await deps.db.org.findUnique({ where: { id: input.orgId }, select: { id: true } })
  if (!org) throw validation('所选机构不存在，请重新选择', [{ path: 'orgId', message: '所选机构不存在，请重新选择' }])
  const now = deps.clock.now()
  const dueAt = await dueAtFor(deps, input.kind, now)
  const id = await deps.db.$transaction(async (tx) => {
    const c = await tx.consultation.create({
      data: {
        residentId: actor.id, orgId: input.orgId, kind: input.kind, title: input.title, content: input.content,
        allowPublish: input.allowPublish, contactConsent: input.contactConsent, dueAt, createdAt: now,
        contactPhoneEnc: input.contactConsent && input.contactPhone ? deps.cipher.encrypt(input.contactPhone) : null,
      },
    })
    await attachUploads(tx, { ids: input.imageIds, owner: { type: 'RESIDENT', id: actor.id }, refType: 'CONSULTATION', refId: c.id, imagesOnly: true, field: 'imageIds' })
    return c.id
  })
  return getMine(deps, actor, id)
}

async function findMine (deps: Deps, actor: ResidentActor, id: string) {
  const c = await deps.db.consultation.findFirst({ where: { id, residentId: actor.id }, include: fullInclude })
  if (!c) throw notFound('咨询')
  return c
}

export async function getMine (deps: Deps, actor: ResidentActor, id: string) {
  return toView(deps, await findMine(deps, actor, id))
}

export async function listMine (deps: Deps, actor: ResidentActor, q: { limit: number; cursor?: string; status?: 'SUBMITTED' | 'ASSIGNED' | 'REPLIED' | 'CLOSED' }) {
  const page = await paginate(q, { by: 'createdAt', dir: 'desc' }, (p) => deps.db.consultation.findMany({
    where: { residentId: actor.id, ...(q.status ? { status: q.status } : {}), ...p.where },
    include: summaryInclude, orderBy: p.orderBy, take: p.take,
  }))
  const now = deps.clock.now()
  return { items: page.items.map((c) => toSummary(c, now)), nextCursor: page.nextCursor }
}

/** A follow-up on an answered case reopens it for the handler (and so stops the auto-close countdown). */
export async function addFollowUp (deps: Deps, actor: ResidentActor, id: string, content: string) {
  const c = await findMine(deps, actor, id)
  if (c.status === 'CLOSED') throw invalidState('该咨询已办结，不能继续追问；如有新问题请重新提交')
  await deps.limits.consume('submission', `resident:${actor.id}`)
  const now = deps.clock.now()
  await deps.db.$transaction(async (tx) => {
    const open = await tx.consultation.updateMany({
      where: { id, residentId: actor.id, status: { not: 'CLOSED' } },
      data: c.status === 'REPLIED' ? { status: c.assigneeId ? 'ASSIGNED' : 'SUBMITTED' } : { updatedAt: now },
    })
    if (open.count === 0) throw invalidState('该咨询已办结，不能继续追问；如有新问题请重新提交')
    await tx.consultationMessage.create({ data: { consultationId: id, authorType: 'RESIDENT', content, createdAt: now } })
  })
  return getMine(deps, actor, id)
}

export async function closeMine (deps: Deps, actor: ResidentActor, id: string) {
  const c = await findMine(deps, actor, id)
  if (c.status === 'CLOSED') throw invalidState('该咨询已经办结')
  // 确认办结 confirms an answer: before the first reply there is nothing to confirm.
  if (c.firstRepliedAt === null) throw invalidState('工作人员答复后才能确认办结')
  const r = await deps.db.consultation.updateMany({
    where: { id, residentId: actor.id, status: { not: 'CLOSED' }, firstRepliedAt: { not: null } },
    data: { status: 'CLOSED', closedAt: deps.clock.now(), closedBy: 'RESIDENT' },
  })
  if (r.count === 0) throw invalidState('该咨询已经办结')
  return getMine(deps, actor, id)
}

export async function listPublic (deps: Deps, q: { limit: number; cursor?: string; q?: string; kind?: ConsultationKind; orgId?: string }) {
  const page = await paginate(q, { by: 'publishedAt', dir: 'desc' }, (p) => deps.db.consultation.findMany({
    where: {
      published: true,
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.orgId ? { orgId: q.orgId } : {}),
      AND: [q.q ? { OR: [{ publicTitle: { contains: q.q } }, { publicQuestion: { contains: q.q } }, { publicAnswer: { contains: q.q } }] } : {}, p.where],
    },
    include: { org: { select: { name: true } } }, orderBy: p.orderBy, take: p.take,
  }))
  return { items: page.items.map(toPublic), nextCursor: page.nextCursor }
}

export async function getPublic (deps: Deps, id: string) {
  const c = await deps.db.consultation.findFirst({ where: { id, published: true }, include: { org: { select: { name: true } } } })
  if (!c) throw notFound('公开答复')
  return toPublic(c)
}
