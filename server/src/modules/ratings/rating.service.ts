// Resident side of 好差评: 一事一评 within the window, 差评 opens a rectification case in the same transaction.
import { isBadLevel, type RatingChannel, type RatingSubjectType } from '@bianmin/shared'
import type { z } from 'zod'
import type { createRatingBody } from '@bianmin/shared'
import type { Deps, ResidentActor } from '../../platform/types'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { toIso } from '../../platform/clock'
import { loadSubjects, resolverFor, subjectResolvers, type SubjectInfo } from './subjects/index'
import { ratingDetail, ratingView, subjectView } from './rating.mapper'

type CreateRating = z.output<typeof createRatingBody>
const DAY = 86_400_000

const duplicate = () => new AppError('DUPLICATE', '该事项已评价过，每件事只能评价一次')

/** The subject if it belongs to the resident; otherwise 404 (no existence leak). */
async function ownSubject (deps: Deps, actor: ResidentActor, type: RatingSubjectType, id: string): Promise<SubjectInfo> {
  const s = await resolverFor(type).load(deps.db, id)
  if (!s || s.residentId !== actor.id) throw notFound('办件')
  return s
}

const rateBefore = (s: SubjectInfo, windowDays: number): Date | null => (s.doneAt ? new Date(s.doneAt.getTime() + windowDays * DAY) : null)

export async function createRating (deps: Deps, actor: ResidentActor, body: CreateRating) {
  const subject = await ownSubject(deps, actor, body.subjectType, body.subjectId)
  return recordRating(deps, subject, body, { residentId: actor.id, channel: 'APP' })
}

type RatingInput = Pick<CreateRating, 'level' | 'dimensions' | 'tags' | 'comment'>

/** 一事一评 for a finished subject within the window, by a resident (APP) or at the counter's 评价器 (WINDOW). */
export async function recordRating (deps: Deps, subject: SubjectInfo, body: RatingInput, by: { residentId: string | null; channel: RatingChannel }) {
  const settings = (await deps.settings.get()).rating
  const existing = await deps.db.rating.findUnique({ where: { subjectType_subjectId: { subjectType: subject.type, subjectId: subject.id } }, select: { id: true } })
  if (existing) throw duplicate()
  if (!subject.finished || !subject.doneAt) throw invalidState('该事项尚未办结，办结后才能评价')
  const now = deps.clock.now()
  const deadline = rateBefore(subject, settings.windowDays)!
  if (now > deadline) throw new AppError('OUT_OF_WINDOW', `已超过评价期限（办结后 ${settings.windowDays} 天内可评价）`, { rateBefore: toIso(deadline) })

  const bad = isBadLevel(body.level)
  try {
    const rating = await deps.db.$transaction(async (tx) => {
      const r = await tx.rating.create({
        data: {
          subjectType: subject.type, subjectId: subject.id, residentId: by.residentId, channel: by.channel, orgId: subject.orgId, hallId: subject.hallId,
          windowId: subject.windowId, serviceItemId: subject.serviceItemId, level: body.level, dimensions: body.dimensions ?? undefined,
          tags: body.tags, comment: body.comment || null, serviceDoneAt: subject.doneAt!, createdAt: now,
        },
      })
      const rectification = bad
        ? await tx.rectification.create({
          data: { ratingId: r.id, orgId: subject.orgId, dueAt: deps.calendar.deadline(now, settings.rectificationWorkdays), createdAt: now },
        })
        : null
      return { ...r, rectification }
    })
    return ratingView(rating, subject, now)
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw duplicate()
    throw err
  }
}

export async function listMyRatings (deps: Deps, actor: ResidentActor, q: { limit: number; cursor?: string }) {
  const page = await paginate(q, { by: 'createdAt', dir: 'desc' }, (p) => deps.db.rating.findMany({
    where: { residentId: actor.id, ...p.where }, include: { rectification: true }, orderBy: p.orderBy, take: p.take,
  }))
  const items = page.items
  const subjects = await loadSubjects(deps.db, items)
  const now = deps.clock.now()
  return {
    items: items.map((r) => ratingView(r, subjects.get(`${r.subjectType}:${r.subjectId}`), now)),
    nextCursor: page.nextCursor,
  }
}

async function ownRating (deps: Deps, actor: ResidentActor, id: string) {
  const r = await deps.db.rating.findFirst({
    where: { id, residentId: actor.id },
    include: { rectification: { include: { steps: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } } },
  })
  if (!r) throw notFound('评价')
  return r
}

export async function getMyRating (deps: Deps, actor: ResidentActor, id: string) {
  const r = await ownRating(deps, actor, id)
  const subject = await resolverFor(r.subjectType).load(deps.db, r.subjectId)
  return ratingDetail(r, subject ?? undefined, deps.clock.now())
}

/** The resident says whether the closed rectification's result satisfies them (once). */
export async function giveFeedback (deps: Deps, actor: ResidentActor, id: string, body: { satisfied: boolean; comment?: string }) {
  const r = await ownRating(deps, actor, id)
  if (!r.rectification) throw invalidState('该评价没有整改事项，无需反馈')
  if (r.rectification.status !== 'CLOSED') throw invalidState('整改尚未办结，办结后才能反馈是否满意')
  const now = deps.clock.now()
  await deps.db.$transaction(async (tx) => {
    const u = await tx.rectification.updateMany({
      where: { id: r.rectification!.id, status: 'CLOSED', residentSatisfied: null },
      data: { residentSatisfied: body.satisfied, residentFeedback: body.comment || null },
    })
    if (u.count === 0) throw new AppError('DUPLICATE', '您已对整改结果作出反馈，请勿重复提交')
    await tx.rectificationStep.create({
      data: { rectificationId: r.rectification!.id, action: 'FEEDBACK', note: `${body.satisfied ? '满意' : '不满意'}${body.comment ? `：${body.comment}` : ''}`, createdAt: now },
    })
  })
  return getMyRating(deps, actor, id)
}

export async function ratingSubjectStatus (deps: Deps, actor: ResidentActor, type: RatingSubjectType, id: string) {
  const windowDays = (await deps.settings.get()).rating.windowDays
  const s = await ownSubject(deps, actor, type, id)
  const existing = await deps.db.rating.findUnique({ where: { subjectType_subjectId: { subjectType: type, subjectId: id } }, select: { id: true } })
  const before = rateBefore(s, windowDays)
  const now = deps.clock.now()
  const reason = existing ? '该事项已评价' : !s.finished ? '该事项尚未办结，办结后才能评价' : before && now > before ? `已超过评价期限（办结后 ${windowDays} 天内可评价）` : null
  return { ...subjectView(s)!, rateBefore: before ? toIso(before) : null, canRate: reason === null, reason, ratingId: existing?.id ?? null }
}

/** 待评价: finished subjects of the resident still inside the window and not rated. */
export async function pendingRatings (deps: Deps, actor: ResidentActor) {
  const windowDays = (await deps.settings.get()).rating.windowDays
  const now = deps.clock.now()
  const since = new Date(now.getTime() - windowDays * DAY)
  const found = (await Promise.all(Object.values(subjectResolvers).map((r) => r.finishedSince(deps.db, actor.id, since, 50)))).flat()
  const rated = found.length
    ? new Set((await deps.db.rating.findMany({ where: { subjectId: { in: found.map((s) => s.id) } }, select: { subjectType: true, subjectId: true } }))
      .map((r) => `${r.subjectType}:${r.subjectId}`))
    : new Set<string>()
  const items = found
    .filter((s) => s.finished && s.doneAt && s.doneAt >= since && !rated.has(`${s.type}:${s.id}`))
    .sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime())
    .map((s) => ({ ...subjectView(s)!, doneAt: toIso(s.doneAt!), rateBefore: toIso(rateBefore(s, windowDays)!) }))
  return { items, count: items.length }
}
