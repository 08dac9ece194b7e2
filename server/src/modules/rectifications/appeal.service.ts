// 申诉复核: staff appeal a 差评 as 误评 / 恶意差评; a REVIEWER of a higher org (a strict ancestor of the rating's org)
// upholds (the rating is excluded from statistics, never deleted) or dismisses it. One appeal per rating.
import type { Deps, StaffActor } from '../../platform/types'
import { audit, type AuditMeta } from '../../platform/audit'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { inSubtree, orgPathIn } from '../../platform/scope'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { loadSubjects } from '../ratings/subjects/index'
import { tagsOf } from '../ratings/rating.mapper'

type AppealStatus = 'PENDING' | 'UPHELD' | 'DISMISSED'
type AppealRow = {
  id: string; ratingId: string; orgId: string; reason: string; note: string; requestedById: string; status: string
  decidedById: string | null; decidedAt: Date | null; decisionNote: string | null; createdAt: Date
  rating: { level: number; tags: unknown; comment: string | null; subjectType: string; subjectId: string; excluded: boolean }
  org: { name: string; path?: string }
  rectificationId: string | null
}

/** A reviewer decides only appeals of orgs strictly below their own. */
const canDecide = (actor: StaffActor, orgPath: string | undefined) =>
  actor.roles.includes('REVIEWER') && orgPathIn(actor, orgPath) && orgPath !== actor.orgPath

export async function appealViews (deps: Deps, actor: StaffActor, rows: AppealRow[]) {
  const staffIds = [...new Set(rows.flatMap((a) => [a.requestedById, a.decidedById]).filter((s): s is string => !!s))]
  const [names, subjects] = await Promise.all([
    deps.db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }).then((s) => new Map(s.map((x) => [x.id, x.name]))),
    loadSubjects(deps.db, rows.map((a) => a.rating)),
  ])
  return rows.map((a) => ({
    id: a.id, ratingId: a.ratingId, rectificationId: a.rectificationId, orgId: a.orgId, orgName: a.org.name,
    reason: a.reason as 'MISTAKEN' | 'MALICIOUS', note: a.note, status: a.status as AppealStatus,
    requestedByName: names.get(a.requestedById) ?? null, createdAt: toIso(a.createdAt),
    decidedByName: a.decidedById ? names.get(a.decidedById) ?? null : null, decidedAt: toIsoOrNull(a.decidedAt), decisionNote: a.decisionNote,
    canDecide: a.status === 'PENDING' && canDecide(actor, a.org.path),
    rating: {
      level: a.rating.level, tags: tagsOf(a.rating.tags), comment: a.rating.comment, excluded: a.rating.excluded,
      subjectTitle: subjects.get(`${a.rating.subjectType}:${a.rating.subjectId}`)?.title ?? '',
    },
  }))
}

const include = { rating: { include: { org: { select: { name: true, path: true } }, rectification: { select: { id: true } } } } } as const
type Loaded = NonNullable<Awaited<ReturnType<typeof loadAppeal>>>
const loadAppeal = (deps: Deps, where: object) => deps.db.ratingAppeal.findFirst({ where, include })
const toRow = (a: Loaded): AppealRow => ({ ...a, org: a.rating.org, rectificationId: a.rating.rectification?.id ?? null })

/** A 差评 whose rectification was verified and closed is accepted: it can no longer be appealed. */
export const appealOpen = (status: string): boolean => status !== 'CLOSED'

export async function appealRating (deps: Deps, actor: StaffActor, rectificationId: string, body: { reason: 'MISTAKEN' | 'MALICIOUS'; note: string }, meta: AuditMeta) {
  const rect = await deps.db.rectification.findFirst({ where: { id: rectificationId, org: inSubtree(actor) }, select: { ratingId: true, orgId: true, status: true } })
  if (!rect) throw notFound('整改事项')
  if (!appealOpen(rect.status)) throw invalidState('该差评已核实整改并办结，不能再申诉')
  const now = deps.clock.now()
  const id = await deps.db.$transaction(async (tx) => {
    // Lock the rating row (an update that changes nothing) so concurrent appeals of one rating queue before the check.
    await tx.rating.updateMany({ where: { id: rect.ratingId }, data: { level: { increment: 0 } } })
    if (await tx.ratingAppeal.findFirst({ where: { ratingId: rect.ratingId }, select: { id: true } })) {
      throw new AppError('DUPLICATE', '该评价已提出过申诉，不能重复申诉')
    }
    const a = await tx.ratingAppeal.create({
      data: { ratingId: rect.ratingId, orgId: rect.orgId, reason: body.reason, note: body.note, requestedById: actor.id, createdAt: now },
    })
    await audit(tx, actor, { action: 'rating.appeal', targetType: 'RatingAppeal', targetId: a.id, orgId: rect.orgId, detail: { ratingId: rect.ratingId, reason: body.reason } }, meta)
    return a.id
  })
  return (await appealViews(deps, actor, [toRow((await loadAppeal(deps, { id }))!)]))[0]!
}

export async function listAppeals (deps: Deps, actor: StaffActor, q: { limit: number; cursor?: string; status?: AppealStatus }) {
  const page = await paginate(q, { by: 'createdAt', dir: 'desc' }, (p) => deps.db.ratingAppeal.findMany({
    where: { rating: { org: inSubtree(actor) }, ...(q.status ? { status: q.status } : {}), ...p.where },
    include, orderBy: p.orderBy, take: p.take,
  }))
  return {
    items: await appealViews(deps, actor, page.items.map(toRow)),
    nextCursor: page.nextCursor,
  }
}

export async function decideAppeal (deps: Deps, actor: StaffActor, id: string, uphold: boolean, note: string, meta: AuditMeta) {
  const a = await loadAppeal(deps, { id, rating: { org: inSubtree(actor) } })
  if (!a) throw notFound('申诉')
  if (!canDecide(actor, a.rating.org.path)) throw new AppError('FORBIDDEN', '申诉须由上级机构的审核人员复核，本机构不能自行决定')
  const now = deps.clock.now()
  await deps.db.$transaction(async (tx) => {
    const u = await tx.ratingAppeal.updateMany({
      where: { id, status: 'PENDING' },
      data: { status: uphold ? 'UPHELD' : 'DISMISSED', decidedById: actor.id, decidedAt: now, decisionNote: note },
    })
    if (u.count === 0) throw invalidState('该申诉已复核，不能重复处理')
    if (uphold) await tx.rating.update({ where: { id: a.ratingId }, data: { excluded: true } })
    await audit(tx, actor, { action: uphold ? 'appeal.uphold' : 'appeal.dismiss', targetType: 'RatingAppeal', targetId: id, orgId: a.rating.orgId, detail: { ratingId: a.ratingId } }, meta)
  })
  return (await appealViews(deps, actor, [toRow((await loadAppeal(deps, { id }))!)]))[0]!
}
