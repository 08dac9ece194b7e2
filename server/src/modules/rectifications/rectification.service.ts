// 差评整改 for staff: OPEN → VERIFIED → RECTIFIED | EXPLAINED → REVISITED → CLOSED, org-scoped, every step audited.
import { pageUrl, rectificationStatusLabels, ratingLevelLabels, type RectificationAction } from '@bianmin/shared'
import type { Prisma } from '../../generated/sqlite/client.js'
import type { Deps, StaffActor } from '../../platform/types'
import { audit, type AuditMeta } from '../../platform/audit'
import { invalidState, notFound } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { inSubtree } from '../../platform/scope'
import { maskName, maskPhone } from '../../platform/crypto'
import { notify } from '../../platform/outbox'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { loadSubjects, resolverFor } from '../ratings/subjects/index'
import { dimensionsOf, isOverdue, rectProgress, subjectView, tagsOf, type RectStatus } from '../ratings/rating.mapper'
import { appealOpen, appealViews } from './appeal.service'

const transitions: Record<RectificationAction, { from: RectStatus[]; to: RectStatus; step: string; label: string }> = {
  verify: { from: ['OPEN'], to: 'VERIFIED', step: 'VERIFY', label: '核实' },
  rectify: { from: ['VERIFIED'], to: 'RECTIFIED', step: 'RECTIFY', label: '整改' },
  explain: { from: ['VERIFIED'], to: 'EXPLAINED', step: 'EXPLAIN', label: '解释说明' },
  revisit: { from: ['RECTIFIED', 'EXPLAINED'], to: 'REVISITED', step: 'REVISIT', label: '回访' },
  close: { from: ['REVISITED'], to: 'CLOSED', step: 'CLOSE', label: '办结' },
}
const nextActions = (status: RectStatus) => (Object.keys(transitions) as RectificationAction[]).filter((a) => transitions[a].from.includes(status))

/** The case if it belongs to the actor's subtree; otherwise 404. */
async function scoped (deps: Deps, actor: StaffActor, id: string) {
  const r = await deps.db.rectification.findFirst({ where: { id, org: inSubtree(actor) }, include: { rating: true, org: { select: { name: true } } } })
  if (!r) throw notFound('整改事项')
  return r
}

export async function listRectifications (deps: Deps, actor: StaffActor, q: { limit: number; cursor?: string; status?: RectStatus; overdue?: boolean }) {
  const now = deps.clock.now()
  const base: Prisma.RectificationWhereInput = { org: inSubtree(actor) }
  const overdueWhere: Prisma.RectificationWhereInput = { status: { not: 'CLOSED' }, dueAt: { lt: now } }
  const where: Prisma.RectificationWhereInput = {
    ...base,
    AND: [
      q.status ? { status: q.status } : {},
      q.overdue === true ? overdueWhere : q.overdue === false ? { NOT: overdueWhere } : {},
    ],
  }
  const [page, overdueCount, openCount] = await Promise.all([
    paginate(q, { by: 'dueAt', dir: 'asc' }, (p) => deps.db.rectification.findMany({
      where: { AND: [where, p.where] }, include: { rating: true, org: { select: { name: true } } }, orderBy: p.orderBy, take: p.take,
    })),
    deps.db.rectification.count({ where: { ...base, ...overdueWhere } }),
    deps.db.rectification.count({ where: { ...base, status: { not: 'CLOSED' } } }),
  ])
  const items = page.items
  const subjects = await loadSubjects(deps.db, items.map((r) => r.rating))
  const appeals = await deps.db.ratingAppeal.findMany({ where: { ratingId: { in: items.map((r) => r.ratingId) } }, select: { ratingId: true, status: true } })
  return {
    items: items.map((r) => ({
      id: r.id, ratingId: r.ratingId, status: r.status, dueAt: toIso(r.dueAt), overdue: isOverdue(r, now), createdAt: toIso(r.createdAt),
      closedAt: toIsoOrNull(r.closedAt), orgId: r.orgId, orgName: r.org.name, level: r.rating.level, tags: tagsOf(r.rating.tags),
      subjectTitle: subjects.get(`${r.rating.subjectType}:${r.rating.subjectId}`)?.title ?? '', excluded: r.rating.excluded,
      appealStatus: (appeals.find((a) => a.ratingId === r.ratingId)?.status ?? null) as 'PENDING' | 'UPHELD' | 'DISMISSED' | null,
    })),
    nextCursor: page.nextCursor,
    overdueCount,
    openCount,
  }
}

export async function getRectification (deps: Deps, actor: StaffActor, id: string) {
  const r = await scoped(deps, actor, id)
  const [steps, subject, contact, appeals] = await Promise.all([
    deps.db.rectificationStep.findMany({ where: { rectificationId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    resolverFor(r.rating.subjectType).load(deps.db, r.rating.subjectId),
    resolverFor(r.rating.subjectType).contact(deps.db, deps.cipher, r.rating.subjectId),
    deps.db.ratingAppeal.findMany({ where: { ratingId: r.ratingId }, orderBy: { createdAt: 'asc' } }),
  ])
  const staffIds = [...new Set(steps.map((s) => s.staffId).filter((s): s is string => !!s))]
  const names = new Map((await deps.db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]))
  const now = deps.clock.now()
  const progress = rectProgress({ ...r, steps }, now)
  return {
    ...progress,
    ratingId: r.ratingId,
    orgId: r.orgId,
    orgName: r.org.name,
    steps: steps.map((s) => ({ id: s.id, action: s.action, note: s.note, staffName: s.staffId ? names.get(s.staffId) ?? null : null, createdAt: toIso(s.createdAt) })),
    rating: {
      id: r.rating.id, level: r.rating.level, levelLabel: ratingLevelLabels[r.rating.level] ?? '', dimensions: dimensionsOf(r.rating.dimensions),
      tags: tagsOf(r.rating.tags), comment: r.rating.comment, createdAt: toIso(r.rating.createdAt), excluded: r.rating.excluded,
      subject: subjectView(subject ?? undefined),
    },
    contact: contact ? { name: maskName(contact.name), phone: maskPhone(contact.phone) } : null,
    nextActions: nextActions(r.status),
    appeals: await appealViews(deps, actor, appeals.map((a) => ({ ...a, rating: r.rating, org: r.org, rectificationId: r.id }))),
    canAppeal: appeals.length === 0 && appealOpen(r.status),
  }
}

/** Full contact for the 回访 call; every reveal is in the audit log. */
export async function revealContact (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const r = await scoped(deps, actor, id)
  const contact = await resolverFor(r.rating.subjectType).contact(deps.db, deps.cipher, r.rating.subjectId)
  if (!contact) throw notFound('评价人联系方式')
  await audit(deps.db, actor, { action: 'rectification.contact_revealed', targetType: 'Rectification', targetId: id, orgId: r.orgId }, meta)
  return contact
}

export async function actOnRectification (deps: Deps, actor: StaffActor, id: string, action: RectificationAction, note: string, meta: AuditMeta) {
  const t = transitions[action]
  const r = await scoped(deps, actor, id)
  const now = deps.clock.now()
  const subject = action === 'close' ? await resolverFor(r.rating.subjectType).load(deps.db, r.rating.subjectId) : null
  await deps.db.$transaction(async (tx) => {
    const u = await tx.rectification.updateMany({
      where: { id, status: { in: t.from } },
      data: { status: t.to, ...(action === 'close' ? { closedAt: now, result: note } : {}) },
    })
    if (u.count === 0) {
      const current = (await tx.rectification.findUniqueOrThrow({ where: { id }, select: { status: true } })).status
      if (action === 'close' && current !== 'CLOSED') throw invalidState('须先完成回访并记录回访情况，才能办结', { status: current })
      throw invalidState(`当前状态为「${rectificationStatusLabels[current]}」，不能${t.label}`, { status: current })
    }
    await tx.rectificationStep.create({ data: { rectificationId: id, action: t.step, note, staffId: actor.id, createdAt: now } })
    await audit(tx, actor, { action: `rectification.${action}`, targetType: 'Rectification', targetId: id, orgId: r.orgId, detail: { from: r.status, to: t.to } }, meta)
    if (action === 'close' && r.rating.residentId) {
      await notify(tx, {
        residentId: r.rating.residentId,
        kind: 'RECTIFICATION_RESULT',
        title: '差评整改结果',
        body: `您对「${subject?.title ?? '办件'}」的评价已整改办结：${note.length > 80 ? `${note.slice(0, 80)}…` : note}`,
        data: { page: pageUrl('ratingDetail', { id: r.ratingId }) },
        dedupeKey: `rectification-result:${id}`,
      }, now)
    }
  })
  return getRectification(deps, actor, id)
}
