// Statistics overview for a staff member's org subtree: database aggregation (count / groupBy on indexed columns);
// only consultation reply times are read row by row (two timestamps per replied case) to count working hours.
import { noticeCategories, statsDefinitions } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { addDays, atShanghai, shanghaiDate } from '../../platform/clock'
import { AppError } from '../../platform/errors'
import { ratingStats, statsFilter } from '../ratings/rating.stats'

export interface OverviewQuery { from?: string; to?: string; orgId?: string; hallId?: string; serviceItemId?: string }

const ratio = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null)
export const kindLabels = { CONSULT: '咨询', COMPLAINT: '投诉', SUGGESTION: '建议' } as const

/** Default range: the current calendar year up to today. */
export function resolveRange (deps: Deps, q: { from?: string; to?: string }): { from: string; to: string; start: Date; end: Date } {
  const today = deps.clock.today()
  const from = q.from ?? `${today.slice(0, 4)}-01-01`
  const to = q.to ?? today
  if (to < from) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', [{ path: 'query.to', message: '结束日期不能早于开始日期' }])
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 5) throw new AppError('VALIDATION_FAILED', '统计范围最长 5 年', [{ path: 'query.from', message: '统计范围最长 5 年' }])
  return { from, to, start: atShanghai(from), end: atShanghai(addDays(to, 1)) }
}

/** Hours between two instants that fall on working days (the working-hours clock of the 12345 practice). */
export function workHoursBetween (deps: Deps, a: Date, b: Date): number {
  if (b <= a) return 0
  let ms = 0
  for (let day = shanghaiDate(a); atShanghai(day) < b; day = addDays(day, 1)) {
    if (!deps.calendar.isWorkday(day)) continue
    const s = Math.max(atShanghai(day).getTime(), a.getTime())
    const e = Math.min(atShanghai(addDays(day, 1)).getTime(), b.getTime())
    if (e > s) ms += e - s
  }
  return ms / 3_600_000
}

function months (from: string, to: string): { month: string; start: Date; end: Date }[] {
  const out = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7);) {
    const [y, mm] = m.split('-').map(Number) as [number, number]
    const next = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`
    const start = atShanghai(m === from.slice(0, 7) ? from : `${m}-01`)
    const end = next > to.slice(0, 7) ? atShanghai(addDays(to, 1)) : atShanghai(`${next}-01`)
    out.push({ month: m, start, end })
    m = next
  }
  return out
}

export async function statsOverview (deps: Deps, actor: StaffActor, q: OverviewQuery) {
  const { db } = deps
  const { from, to, start, end } = resolveRange(deps, q)
  const filter = await statsFilter(deps, { orgId: q.orgId, hallId: q.hallId, serviceItemId: q.serviceItemId, from, to }, actor)
  const orgIds = filter.orgIds ?? []
  const rootOrgId = q.orgId ?? actor.orgId
  const org = await db.org.findUniqueOrThrow({ where: { id: rootOrgId }, select: { id: true, name: true } })
  const now = deps.clock.now()
  const inRange = { gte: start, lt: end }
  const noticeWhere = { orgId: { in: orgIds }, status: { in: ['PUBLISHED' as const, 'WITHDRAWN' as const] }, publishedAt: { ...inRange, lte: now } }
  const apptScope = { hall: { orgId: { in: orgIds } }, ...(q.hallId ? { hallId: q.hallId } : {}), ...(q.serviceItemId ? { serviceItemId: q.serviceItemId } : {}) }
  // 预约总数 (statsDefinitions.booked): bookings for a day in the period up to today — bookings for coming days are not
  // yet figures, so the dashboard for 1 Jan–today and the year's annual figures count the same bookings.
  const apptTo = to < deps.clock.today() ? to : deps.clock.today()
  const apptWhere = { ...apptScope, date: { gte: from, lte: apptTo } }
  const consultWhere = { orgId: { in: orgIds }, createdAt: inRange }

  const [byCategory, byChannel, apptStatus, apptChannel, items, consultKinds, replied, overdue, unanswered, ratings] = await Promise.all([
    db.notice.groupBy({ by: ['category'], where: noticeWhere, _count: { _all: true } }),
    db.notice.groupBy({ by: ['channel'], where: noticeWhere, _count: { _all: true } }),
    db.appointment.groupBy({ by: ['status'], where: apptWhere, _count: { _all: true } }),
    db.appointment.groupBy({ by: ['channel'], where: apptWhere, _count: { _all: true } }),
    db.serviceItem.groupBy({ by: ['fullyOnline', 'maxOneVisit'], where: { orgId: { in: orgIds }, active: true }, _count: { _all: true } }),
    db.consultation.groupBy({ by: ['kind'], where: consultWhere, _count: { _all: true } }),
    db.consultation.findMany({ where: { ...consultWhere, firstRepliedAt: { not: null } }, select: { createdAt: true, firstRepliedAt: true, dueAt: true } }),
    db.consultation.count({ where: { ...consultWhere, firstRepliedAt: null, status: { not: 'CLOSED' }, dueAt: { lt: now } } }),
    db.consultation.findMany({ where: { ...consultWhere, firstRepliedAt: null, dueAt: { lt: now } }, select: { status: true, closedAt: true, dueAt: true } }),
    ratingStats(deps, filter),
  ])

  const status = (s: string) => apptStatus.find((g) => g.status === s)?._count._all ?? 0
  const itemTotal = items.reduce((a, g) => a + g._count._all, 0)
  const fullyOnline = items.filter((g) => g.fullyOnline).reduce((a, g) => a + g._count._all, 0)
  const maxOneVisit = items.filter((g) => !g.fullyOnline && g.maxOneVisit).reduce((a, g) => a + g._count._all, 0)
  const onTime = replied.filter((c) => c.firstRepliedAt! <= c.dueAt).length
  // Not on time either: the deadline passed without any reply (a case closed before its deadline, e.g. 居民已注销, is not due).
  const unansweredPastDue = unanswered.filter((c) => c.status !== 'CLOSED' || (c.closedAt !== null && c.closedAt > c.dueAt)).length
  const hours = replied.map((c) => workHoursBetween(deps, c.createdAt, c.firstRepliedAt!))
  const received = consultKinds.reduce((a, g) => a + g._count._all, 0)

  const monthly = await Promise.all(months(from, to).map(async (m) => {
    const r = { gte: m.start, lt: m.end }
    const [notices, appointments, appointmentsDone, consultations, rated, good] = await Promise.all([
      db.notice.count({ where: { ...noticeWhere, publishedAt: { ...r, lte: now } } }),
      db.appointment.count({ where: { ...apptScope, date: { gte: shanghaiDate(m.start), lt: shanghaiDate(m.end), lte: apptTo } } }),
      db.appointment.count({ where: { ...apptScope, status: 'DONE', doneAt: r } }),
      db.consultation.count({ where: { ...consultWhere, createdAt: r } }),
      db.rating.count({ where: { orgId: { in: orgIds }, excluded: false, createdAt: r, ...(q.hallId ? { hallId: q.hallId } : {}), ...(q.serviceItemId ? { serviceItemId: q.serviceItemId } : {}) } }),
      db.rating.count({ where: { orgId: { in: orgIds }, excluded: false, createdAt: r, level: { gte: 3 }, ...(q.hallId ? { hallId: q.hallId } : {}), ...(q.serviceItemId ? { serviceItemId: q.serviceItemId } : {}) } }),
    ])
    return { month: m.month, notices, appointments, appointmentsDone, consultations, ratings: rated, goodRate: ratio(good, rated) }
  }))

  return {
    from, to, orgId: org.id, orgName: org.name,
    notices: {
      published: byCategory.reduce((a, g) => a + g._count._all, 0),
      byCategory: noticeCategories.map((category) => ({ category, count: byCategory.find((g) => g.category === category)?._count._all ?? 0 })),
      byChannel: byChannel.map((g) => ({ channel: g.channel, count: g._count._all })).sort((a, b) => b.count - a.count),
    },
    appointments: {
      booked: apptStatus.reduce((a, g) => a + g._count._all, 0),
      done: status('DONE'), cancelled: status('CANCELLED'), lateCancelled: status('LATE_CANCELLED'), noShow: status('NO_SHOW'),
      pending: status('BOOKED') + status('CHECKED_IN') + status('CALLED'),
      definition: statsDefinitions.booked,
      byChannel: apptChannel.map((g) => ({ channel: g.channel, count: g._count._all })).sort((a, b) => b.count - a.count),
      items: { total: itemTotal, fullyOnline, fullyOnlineShare: ratio(fullyOnline, itemTotal), maxOneVisit, maxOneVisitShare: ratio(maxOneVisit, itemTotal) },
    },
    consultations: {
      received,
      byKind: (Object.keys(kindLabels) as (keyof typeof kindLabels)[]).map((kind) => ({ kind, label: kindLabels[kind], count: consultKinds.find((g) => g.kind === kind)?._count._all ?? 0 })),
      replied: replied.length, repliedOnTime: onTime, onTimeRate: ratio(onTime, replied.length + unansweredPastDue), overdue, unansweredPastDue,
      onTimeDefinition: statsDefinitions.onTimeRate,
      avgReplyWorkHours: hours.length ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10 : null,
    },
    ratings,
    monthly,
  }
}
