// Staff (HANDLER, ADMIN) in their org subtree: inbox, assign, reply (notifies the resident), publish anonymised Q&A.
// Every action is audited.
import { pageUrl } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import type { AuditMeta } from '../../platform/audit'
import { audit } from '../../platform/audit'
import { AppError, invalidState, notFound, validation } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { inSubtree } from '../../platform/scope'
import { notify } from '../../platform/outbox'
import { fullInclude } from './consultation.service'
import { staffNamesOf, toStaffSummary, toStaffView } from './consultation.mapper'
import { introducedNames, maskPersonalData, personalFragments } from './consultation.mask'

type Status = 'SUBMITTED' | 'ASSIGNED' | 'REPLIED' | 'CLOSED'
export interface InboxQuery { limit: number; cursor?: string; status?: Status; kind?: 'CONSULT' | 'COMPLAINT' | 'SUGGESTION'; overdue?: boolean; dueSoon?: boolean; mine?: boolean; awaiting?: boolean }

const awaiting = { in: ['SUBMITTED', 'ASSIGNED'] as Status[] }

function dueFilters (deps: Deps) {
  const now = deps.clock.now()
  return {
    overdue: { firstRepliedAt: null, status: { not: 'CLOSED' as const }, dueAt: { lt: now } },
    dueSoon: { firstRepliedAt: null, status: awaiting, dueAt: { gte: now, lte: deps.calendar.deadline(now, 1) } },
  }
}

export async function inbox (deps: Deps, actor: StaffActor, q: InboxQuery) {
  const f = dueFilters(deps)
  // Open work is sorted by deadline; answered and closed cases newest first.
  const byDue = q.overdue === true || q.dueSoon === true || q.awaiting === true || q.status === 'SUBMITTED' || q.status === 'ASSIGNED'
  const page = await paginate(q, byDue ? { by: 'dueAt', dir: 'asc' } : { by: 'createdAt', dir: 'desc' }, (p) => deps.db.consultation.findMany({
    where: {
      org: inSubtree(actor),
      AND: [
        q.status ? { status: q.status } : {}, q.kind ? { kind: q.kind } : {}, q.mine ? { assigneeId: actor.id } : {}, q.awaiting === true ? { status: awaiting } : q.awaiting === false ? { status: { notIn: awaiting.in } } : {},
        q.overdue === true ? f.overdue : q.overdue === false ? { NOT: f.overdue } : {},
        q.dueSoon === true ? f.dueSoon : {}, p.where,
      ],
    },
    include: { org: { select: { name: true } }, _count: { select: { messages: true } } },
    orderBy: p.orderBy, take: p.take,
  }))
  const items = page.items
  const names = await staffNamesOf(deps, items.map((c) => c.assigneeId))
  const now = deps.clock.now()
  return {
    items: items.map((c) => toStaffSummary(c, now, names)),
    nextCursor: page.nextCursor,
  }
}

export async function inboxSummary (deps: Deps, actor: StaffActor) {
  const f = dueFilters(deps)
  const scoped = (w: object) => deps.db.consultation.count({ where: { org: inSubtree(actor), ...w } })
  const [awaitingReply, dueSoon, overdue, unassigned, mine] = await Promise.all([
    scoped({ status: awaiting }), scoped(f.dueSoon), scoped(f.overdue), scoped({ status: 'SUBMITTED' }), scoped({ status: awaiting, assigneeId: actor.id }),
  ])
  return { awaitingReply, dueSoon, overdue, unassigned, mine }
}

async function findInScope (deps: Deps, actor: StaffActor, id: string) {
  const c = await deps.db.consultation.findFirst({ where: { id, org: inSubtree(actor) }, include: { ...fullInclude, org: { select: { name: true, path: true } } } })
  if (!c) throw notFound('咨询')
  return c
}

export async function getForStaff (deps: Deps, actor: StaffActor, id: string) {
  return toStaffView(deps, await findInScope(deps, actor, id))
}

/** HANDLERs in the actor's subtree whose org covers the case's org. */
export async function handlerCandidates (deps: Deps, actor: StaffActor, id: string) {
  const c = await findInScope(deps, actor, id)
  const staff = await deps.db.staff.findMany({
    where: { disabled: false, org: inSubtree(actor), roles: { contains: 'HANDLER' } },
    include: { org: { select: { name: true, path: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })
  const items = staff.filter((s) => s.roles.split(',').includes('HANDLER') && c.org.path.startsWith(s.org.path))
  return { items: items.map((s) => ({ id: s.id, name: s.name, orgName: s.org.name })) }
}

const changed = () => new AppError('CONFLICT', '该咨询刚被他人处理，请刷新后重试')

export async function assign (deps: Deps, actor: StaffActor, id: string, handlerId: string | undefined, meta: AuditMeta) {
  const c = await findInScope(deps, actor, id)
  if (c.status === 'CLOSED') throw invalidState('该咨询已办结，不能再分派')
  const target = handlerId ?? actor.id
  const handler = await deps.db.staff.findFirst({ where: { id: target, disabled: false, org: inSubtree(actor) }, include: { org: { select: { path: true } } } })
  if (!handler) throw notFound('工作人员')
  const field = 'handlerId'
  if (!handler.roles.split(',').includes('HANDLER')) throw validation('所选人员不是咨询办理岗，不能分派', [{ path: field, message: '所选人员不是咨询办理岗' }])
  if (!c.org.path.startsWith(handler.org.path)) throw validation('所选人员不负责该机构的咨询', [{ path: field, message: '所选人员不负责该机构的咨询' }])
  await deps.db.$transaction(async (tx) => {
    const r = await tx.consultation.updateMany({ where: { id, status: c.status }, data: { assigneeId: handler.id, status: c.status === 'SUBMITTED' ? 'ASSIGNED' : c.status } })
    if (r.count === 0) throw changed()
    await audit(tx, actor, { action: 'consultation.assign', targetType: 'Consultation', targetId: id, orgId: c.orgId, detail: { handlerId: handler.id, handlerName: handler.name, from: c.assigneeId } }, meta)
  })
  return getForStaff(deps, actor, id)
}

export async function reply (deps: Deps, actor: StaffActor, id: string, content: string, meta: AuditMeta) {
  const c = await findInScope(deps, actor, id)
  if (c.status === 'CLOSED') throw invalidState('该咨询已办结，不能再答复')
  const now = deps.clock.now()
  await deps.db.$transaction(async (tx) => {
    const r = await tx.consultation.updateMany({
      where: { id, status: { not: 'CLOSED' } },
      data: { status: 'REPLIED', repliedAt: now, assigneeId: c.assigneeId ?? actor.id },
    })
    if (r.count === 0) throw changed()
    // Kept from the first answer: on-time statistics count it against the deadline.
    await tx.consultation.updateMany({ where: { id, firstRepliedAt: null }, data: { firstRepliedAt: now } })
    const m = await tx.consultationMessage.create({ data: { consultationId: id, authorType: 'STAFF', staffId: actor.id, content, createdAt: now } })
    if (c.residentId) {
      await notify(tx, {
        residentId: c.residentId, kind: 'CONSULTATION_REPLIED', title: '您的留言已答复',
        body: `您提交的「${c.title}」已收到${c.org.name}的答复，请及时查看。`,
        data: { page: pageUrl('consultationDetail', { id }), consultationId: id },
        dedupeKey: `consultation-replied:${m.id}`,
      }, now)
    }
    await audit(tx, actor, { action: 'consultation.reply', targetType: 'Consultation', targetId: id, orgId: c.orgId, detail: { messageId: m.id, onTime: (c.firstRepliedAt ?? now) <= c.dueAt } }, meta)
  })
  return getForStaff(deps, actor, id)
}

export interface PublishInput { publicTitle?: string; publicQuestion?: string; publicAnswer?: string }

export async function publish (deps: Deps, actor: StaffActor, id: string, input: PublishInput, meta: AuditMeta) {
  const c = await findInScope(deps, actor, id)
  if (!c.allowPublish) throw invalidState('居民提交时未同意公开，此咨询不能公开')
  if (c.status !== 'REPLIED' && c.status !== 'CLOSED') throw invalidState('咨询答复后才能公开')
  const staffReplies = c.messages.filter((m) => m.authorType === 'STAFF').map((m) => m.content)
  const names = [...(await staffNamesOf(deps, [c.assigneeId, ...c.messages.map((m) => m.staffId)])).values()]
  const resident = c.residentId ? await deps.db.resident.findUnique({ where: { id: c.residentId }, select: { nickname: true } }) : null
  names.push(resident?.nickname ?? '', ...introducedNames(c.title, c.content, ...c.messages.map((m) => m.content)))
  // What the resident wrote (their address, their landline) is hidden in the answer too, though the answer keeps
  // the office's own contacts.
  const hide = personalFragments(c.title, c.content, ...c.messages.filter((m) => m.authorType === 'RESIDENT').map((m) => m.content))
  const now = deps.clock.now()
  const data = {
    publicTitle: maskPersonalData(input.publicTitle ?? c.title, { names, hide }),
    publicQuestion: maskPersonalData(input.publicQuestion ?? c.content, { names, hide }),
    publicAnswer: maskPersonalData(input.publicAnswer ?? staffReplies.join('\n\n'), { names, hide, keepOfficialContacts: true }),
  }
  await deps.db.$transaction(async (tx) => {
    await tx.consultation.update({ where: { id }, data: { ...data, published: true, publishedAt: c.published && c.publishedAt ? c.publishedAt : now } })
    await audit(tx, actor, { action: 'consultation.publish', targetType: 'Consultation', targetId: id, orgId: c.orgId, detail: { edited: Object.keys(input) } }, meta)
  })
  return getForStaff(deps, actor, id)
}

export async function unpublish (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const c = await findInScope(deps, actor, id)
  if (!c.published) throw invalidState('该咨询尚未公开')
  await deps.db.$transaction(async (tx) => {
    await tx.consultation.update({ where: { id }, data: { published: false } })
    await audit(tx, actor, { action: 'consultation.unpublish', targetType: 'Consultation', targetId: id, orgId: c.orgId }, meta)
  })
  return getForStaff(deps, actor, id)
}
