// 大厅统计: waiting time (taken → first call) and service time (call → done) per hall, window, item and hour of day;
// tickets per channel; skipped and cancelled. Database aggregation (groupBy over the stored seconds), no row loads.
import { ticketChannelLabels, ticketChannels } from '@bianmin/shared'
import type { Prisma } from '../../generated/sqlite/client.js'
import type { Db, Deps, StaffActor } from '../../platform/types'
import { notFound } from '../../platform/errors'
import { inSubtree } from '../../platform/scope'
import { addDays } from '../../platform/clock'

type Key = 'hallId' | 'windowId' | 'serviceItemId' | 'hour'
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)
const perMinute = (sum: number | null | undefined, count: number) => (count > 0 && sum !== null && sum !== undefined ? round1(sum / count / 60) : null)

/** The k-th smallest value of a column (k from 0), read with one index-ordered query. */
async function nth (db: Db, where: Prisma.TicketWhereInput, col: 'waitSeconds' | 'serviceSeconds', k: number): Promise<number | null> {
  const r = await db.ticket.findFirst({ where: { ...where, [col]: { not: null } }, orderBy: { [col]: 'asc' }, skip: k, select: { [col]: true } })
  return (r as Record<string, number | null> | null)?.[col] ?? null
}

async function duration (db: Db, where: Prisma.TicketWhereInput, col: 'waitSeconds' | 'serviceSeconds') {
  const agg = await db.ticket.aggregate({ where: { ...where, [col]: { not: null } }, _count: { [col]: true }, _sum: { [col]: true } })
  const count = (agg._count as Record<string, number>)[col] ?? 0
  const sum = (agg._sum as Record<string, number | null>)[col] ?? null
  if (!count) return { count: 0, avgMinutes: null, medianMinutes: null, p90Minutes: null }
  const [lo, hi, p90] = await Promise.all([
    nth(db, where, col, Math.floor((count - 1) / 2)), count % 2 ? null : nth(db, where, col, count / 2), nth(db, where, col, Math.max(0, Math.ceil(count * 0.9) - 1)),
  ])
  const med = lo === null ? null : hi === null ? lo : (lo + hi) / 2
  return { count, avgMinutes: perMinute(sum, count), medianMinutes: med === null ? null : round1(med / 60), p90Minutes: p90 === null ? null : round1(p90 / 60) }
}

async function grouped (db: Db, where: Prisma.TicketWhereInput, key: Key) {
  const groups = await db.ticket.groupBy({
    by: [key, 'status'], where, _count: { _all: true, waitSeconds: true, serviceSeconds: true }, _sum: { waitSeconds: true, serviceSeconds: true },
  })
  const rows = new Map<string, { tickets: number; done: number; skipped: number; cancelled: number; w: number; wn: number; s: number; sn: number }>()
  for (const g of groups) {
    const k = (g as Record<string, unknown>)[key]
    if (k === null || k === undefined) continue
    const r = rows.get(String(k)) ?? { tickets: 0, done: 0, skipped: 0, cancelled: 0, w: 0, wn: 0, s: 0, sn: 0 }
    r.tickets += g._count._all
    if (g.status === 'DONE') r.done += g._count._all
    if (g.status === 'SKIPPED') r.skipped += g._count._all
    if (g.status === 'CANCELLED') r.cancelled += g._count._all
    r.w += g._sum.waitSeconds ?? 0; r.wn += g._count.waitSeconds
    r.s += g._sum.serviceSeconds ?? 0; r.sn += g._count.serviceSeconds
    rows.set(String(k), r)
  }
  return rows
}

async function namesFor (db: Db, key: Key, ids: string[]): Promise<Map<string, string>> {
  if (key === 'hallId') return new Map((await db.hall.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((h) => [h.id, h.name]))
  if (key === 'windowId') return new Map((await db.window.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, number: true } })).map((w) => [w.id, `${w.number} 号窗口 ${w.name}`]))
  if (key === 'serviceItemId') return new Map((await db.serviceItem.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]))
  return new Map(ids.map((h) => [h, `${h.padStart(2, '0')}:00`]))
}

async function breakdown (db: Db, where: Prisma.TicketWhereInput, key: Key) {
  const rows = await grouped(db, where, key)
  const names = await namesFor(db, key, [...rows.keys()])
  return [...rows].map(([k, r]) => ({
    key: k, name: names.get(k) ?? '', tickets: r.tickets, done: r.done, skipped: r.skipped, cancelled: r.cancelled,
    avgWaitMinutes: perMinute(r.w, r.wn), avgServiceMinutes: perMinute(r.s, r.sn),
  }))
}

/** Date range (Asia/Shanghai days, inclusive) and the staff member's subtree; a hall outside it → 404. */
export async function hallStatsWhere (deps: Deps, actor: StaffActor, q: { hallId?: string; from?: string; to?: string }) {
  const to = q.to ?? deps.clock.today()
  const from = q.from ?? addDays(to, -29)
  if (q.hallId && !await deps.db.hall.findFirst({ where: { id: q.hallId, org: inSubtree(actor) }, select: { id: true } })) throw notFound('服务中心')
  const where: Prisma.TicketWhereInput = { date: { gte: from, lte: to }, hall: { org: inSubtree(actor) }, ...(q.hallId ? { hallId: q.hallId } : {}) }
  return { from, to, where }
}

export async function hallStats (deps: Deps, actor: StaffActor, q: { hallId?: string; from?: string; to?: string }) {
  const { db } = deps
  const { from, to, where } = await hallStatsWhere(deps, actor, q)
  const [channels, statuses, wait, service, byHall, byWindow, byItem, byHour] = await Promise.all([
    db.ticket.groupBy({ by: ['channel'], where, _count: { _all: true } }),
    db.ticket.groupBy({ by: ['status'], where, _count: { _all: true } }),
    duration(db, where, 'waitSeconds'),
    duration(db, { ...where, status: 'DONE' }, 'serviceSeconds'),
    breakdown(db, where, 'hallId'), breakdown(db, where, 'windowId'), breakdown(db, where, 'serviceItemId'), breakdown(db, where, 'hour'),
  ])
  const byStatus = (s: string) => statuses.find((g) => g.status === s)?._count._all ?? 0
  return {
    from, to,
    tickets: statuses.reduce((a, g) => a + g._count._all, 0),
    byChannel: ticketChannels.map((channel) => ({ channel, label: ticketChannelLabels[channel], count: channels.find((g) => g.channel === channel)?._count._all ?? 0 })),
    done: byStatus('DONE'), skipped: byStatus('SKIPPED'), cancelled: byStatus('CANCELLED'), waiting: byStatus('WAITING'),
    wait, service,
    byHall: byHall.sort((a, b) => b.tickets - a.tickets),
    byWindow: byWindow.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    byItem: byItem.sort((a, b) => b.tickets - a.tickets),
    byHour: byHour.map((r) => ({ ...r, hour: Number(r.key) })).sort((a, b) => a.hour - b.hour),
  }
}

/** For the annual figures: tickets of a year and the average wait (taken → first call) in minutes, per org set. */
export async function hallYear (db: Db, orgIds: string[] | undefined, from: string, to: string) {
  const where: Prisma.TicketWhereInput = { date: { gte: from, lte: to }, ...(orgIds ? { hall: { orgId: { in: orgIds } } } : {}) }
  const [tickets, wait] = await Promise.all([
    db.ticket.count({ where }),
    db.ticket.aggregate({ where: { ...where, waitSeconds: { not: null } }, _count: { waitSeconds: true }, _sum: { waitSeconds: true } }),
  ])
  return { tickets, avgWaitMinutes: perMinute(wait._sum.waitSeconds, wait._count.waitSeconds) }
}
