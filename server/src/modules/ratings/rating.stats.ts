// 好差评 statistics with database aggregation only (groupBy / count over indexed columns; rows are never loaded).
// Reusable by the staff workbench: ratingStats(deps, await statsFilter(deps, query, actor?)).
import { ratingChannelLabels, ratingChannels, ratingLevelLabels, type ratingStats as ratingStatsSchema } from '@bianmin/shared'
import type { z } from 'zod'
import type { Prisma } from '../../generated/sqlite/client.js'
import type { Deps, StaffActor } from '../../platform/types'
import { addDays, atShanghai } from '../../platform/clock'
import { notFound } from '../../platform/errors'
import { orgPathIn } from '../../platform/scope'
import { subjectResolvers, type DoneFilter } from './subjects/index'

export type RatingStats = z.output<typeof ratingStatsSchema>
/** orgIds: an org and its subtree; from/to: instants, [from, to). */
export type RatingStatsFilter = DoneFilter

export interface StatsQuery { orgId?: string; hallId?: string; windowId?: string; serviceItemId?: string; from?: string; to?: string }

const DAY = 86_400_000
/** Largest rating window the settings allow (settings.rating.windowDays ≤ 90). */
const MAX_WINDOW_DAYS = 90
const ratio = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null)

/** Resolves a query (dates in Asia/Shanghai) to a filter; staff are confined to their subtree (other orgs → 404). */
export async function statsFilter (deps: Deps, q: StatsQuery, actor?: StaffActor): Promise<RatingStatsFilter> {
  let orgPath: string | undefined = actor?.orgPath
  if (q.orgId) {
    const org = await deps.db.org.findUnique({ where: { id: q.orgId }, select: { path: true } })
    if (!org || (actor && !orgPathIn(actor, org.path))) throw notFound('机构')
    orgPath = org.path
  }
  const orgIds = orgPath ? (await deps.db.org.findMany({ where: { path: { startsWith: orgPath } }, select: { id: true } })).map((o) => o.id) : undefined
  return {
    orgIds, hallId: q.hallId, windowId: q.windowId, serviceItemId: q.serviceItemId,
    from: q.from ? atShanghai(q.from) : undefined,
    to: q.to ? atShanghai(addDays(q.to, 1)) : undefined,
  }
}

/** Rating filter on the org/hall/window/item dimensions (no date, no excluded flag). */
export function ratingScope (f: RatingStatsFilter): Prisma.RatingWhereInput {
  return {
    ...(f.orgIds ? { orgId: f.orgIds.length === 1 ? f.orgIds[0]! : { in: f.orgIds } } : {}),
    ...(f.hallId ? { hallId: f.hallId } : {}),
    ...(f.windowId ? { windowId: f.windowId } : {}),
    ...(f.serviceItemId ? { serviceItemId: f.serviceItemId } : {}),
  }
}
const range = (from?: Date, to?: Date) => (from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } : undefined)

/**
 * Ratings of services finished in [from, to). A rating is made after completion and within the window, so
 * createdAt ∈ [serviceDoneAt, serviceDoneAt + 90 days]: the redundant createdAt bound lets the (…, createdAt)
 * indexes serve a serviceDoneAt range.
 */
const doneIn = (from?: Date, to?: Date): Prisma.RatingWhereInput => (from || to
  ? { serviceDoneAt: range(from, to), createdAt: range(from, to ? new Date(to.getTime() + (MAX_WINDOW_DAYS + 1) * DAY) : undefined) }
  : {})

export async function ratingStats (deps: Deps, f: RatingStatsFilter): Promise<RatingStats> {
  const { db } = deps
  const now = deps.clock.now()
  const windowDays = (await deps.settings.get()).rating.windowDays
  const scope = ratingScope(f)
  const created = range(f.from, f.to)
  const counted: Prisma.RatingWhereInput = { ...scope, excluded: false, ...(created ? { createdAt: created } : {}) }
  const rect: Prisma.RectificationWhereInput = { rating: { is: { ...counted, level: { lte: 2 } } } }

  // Services finished in the range, and those whose window is still open (from ≥ now − window).
  const recentFrom = new Date(Math.max(f.from?.getTime() ?? 0, now.getTime() - windowDays * DAY))
  const recentOpen = !f.to || f.to > recentFrom
  const countDone = (df: DoneFilter) => Promise.all(Object.values(subjectResolvers).map((r) => r.countDone(db, df))).then((ns) => ns.reduce((a, b) => a + b, 0))
  const countRatedDone = (from?: Date, to?: Date) => db.rating.count({ where: { ...scope, ...doneIn(from, to) } })

  const [levels, rectGroups, closedOnTime, overdueOpen, done, ratedDoneCount, recentDone, recentRated] = await Promise.all([
    // One pass for the level counts and the excluded ones.
    db.rating.groupBy({ by: ['level', 'excluded', 'channel'], where: { ...scope, ...(created ? { createdAt: created } : {}) }, _count: { _all: true } }),
    db.rectification.groupBy({ by: ['status', 'residentSatisfied'], where: rect, _count: { _all: true } }),
    db.rectification.count({ where: { ...rect, status: 'CLOSED', closedAt: { lte: db.rectification.fields.dueAt } } }),
    db.rectification.count({ where: { ...rect, status: { not: 'CLOSED' }, dueAt: { lt: now } } }),
    countDone(f),
    // Without dates every rating of the scope is a rated service: the level groups already hold the count.
    f.from || f.to ? countRatedDone(f.from, f.to) : null,
    recentOpen ? countDone({ ...f, from: recentFrom }) : 0,
    recentOpen ? countRatedDone(recentFrom, f.to) : 0,
  ])

  const countOf = (pred: (l: (typeof levels)[number]) => boolean) => levels.filter((l) => !l.excluded && pred(l)).reduce((a, l) => a + l._count._all, 0)
  const byLevel = [5, 4, 3, 2, 1].map((level) => ({ level, label: ratingLevelLabels[level]!, count: countOf((l) => l.level === level) }))
  const byChannel = ratingChannels.map((channel) => ({ channel, label: ratingChannelLabels[channel], count: countOf((l) => (channel === 'APP' ? !(ratingChannels as readonly string[]).includes(l.channel) || l.channel === 'APP' : l.channel === channel)) }))
  const excluded = levels.filter((l) => l.excluded).reduce((a, l) => a + l._count._all, 0)
  const ratedDone = ratedDoneCount ?? levels.reduce((a, l) => a + l._count._all, 0)
  const rated = byLevel.reduce((a, l) => a + l.count, 0)
  const good = byLevel.filter((l) => l.level >= 3).reduce((a, l) => a + l.count, 0)
  const bad = rated - good
  const sum = (pred: (g: (typeof rectGroups)[number]) => boolean) => rectGroups.filter(pred).reduce((a, g) => a + g._count._all, 0)
  const closed = sum((g) => g.status === 'CLOSED')
  const satisfied = sum((g) => g.residentSatisfied === true)
  const unsatisfied = sum((g) => g.residentSatisfied === false)
  const unrated = Math.max(0, done - ratedDone)
  return {
    rated, byLevel, byChannel, good, goodRate: ratio(good, rated), bad, excluded,
    rectification: {
      closed, closedOnTime, overdueOpen, rate: ratio(closed, bad), onTimeRate: ratio(closedOnTime, bad),
      satisfied, unsatisfied, satisfactionRate: ratio(satisfied, satisfied + unsatisfied),
    },
    services: { done, rated: ratedDone, unrated, stillRatable: Math.max(0, recentDone - recentRated), unratedRate: ratio(unrated, done) },
  }
}

type By = 'org' | 'hall' | 'window' | 'serviceItem'
const byColumn = { org: 'orgId', hall: 'hallId', window: 'windowId', serviceItem: 'serviceItemId' } as const

/** Counts per org / hall / window / service item (groupBy key × level), with names. */
export async function ratingBreakdown (deps: Deps, f: RatingStatsFilter, by: By) {
  const { db } = deps
  const col = byColumn[by]
  const created = range(f.from, f.to)
  const groups = await db.rating.groupBy({
    by: [col, 'level'],
    // AND keeps the scope's own filter on the grouped column; orgId is never null (and Prisma refuses `not: null` on it).
    where: { AND: [ratingScope(f), col === 'orgId' ? {} : { [col]: { not: null } }], excluded: false, ...(created ? { createdAt: created } : {}) },
    _count: { _all: true },
  })
  const rows = new Map<string, { rated: number; good: number }>()
  for (const g of groups) {
    const key = (g as Record<string, unknown>)[col] as string | null
    if (!key) continue
    const row = rows.get(key) ?? { rated: 0, good: 0 }
    row.rated += g._count._all
    if (g.level >= 3) row.good += g._count._all
    rows.set(key, row)
  }
  const ids = [...rows.keys()]
  const names = new Map<string, string>(
    by === 'org' ? (await db.org.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((o) => [o.id, o.name])
      : by === 'hall' ? (await db.hall.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((o) => [o.id, o.name])
        : by === 'window' ? (await db.window.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, number: true } })).map((o) => [o.id, `${o.number} 号窗口 ${o.name}`])
          : (await db.serviceItem.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  )
  return {
    items: [...rows].map(([key, r]) => ({ key, name: names.get(key) ?? '', rated: r.rated, good: r.good, bad: r.rated - r.good, goodRate: ratio(r.good, r.rated) }))
      .sort((a, b) => b.rated - a.rated || a.name.localeCompare(b.name, 'zh-CN')),
  }
}
