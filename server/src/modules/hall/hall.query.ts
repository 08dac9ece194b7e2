// Reads: a ticket with its place in the queue, a resident's tickets, the public snapshot for the hall screen and
// what a resident sees before taking a ticket.
import type { Prisma } from '../../generated/sqlite/client.js'
import { join, raw, sqltag as sql } from '@prisma/client/runtime/client'
import type { Db, Deps, ResidentActor, StaffActor } from '../../platform/types'
import { notFound } from '../../platform/errors'
import { inSubtree } from '../../platform/scope'
import { toIso } from '../../platform/clock'
import { closedReason, fallbackLine, itemsOf, ticketHours, windowsFor } from './hall.lines'
import { median, staffTicketView, ticketInclude, ticketView, type TicketRow } from './hall.mapper'

type Ordered = Pick<TicketRow, 'id' | 'rankAt' | 'seq' | 'line'>
/** Queue order: rank, then the line's sequence, then the line. */
export const queueOrder: Prisma.TicketOrderByWithRelationInput[] = [{ rankAt: 'asc' }, { seq: 'asc' }, { line: 'asc' }]
export const before = (t: Ordered): Prisma.TicketWhereInput => ({
  OR: [{ rankAt: { lt: t.rankAt } }, { rankAt: t.rankAt, seq: { lt: t.seq } }, { rankAt: t.rankAt, seq: t.seq, line: { lt: t.line } }],
})

/** Waiting tickets a window may call: transferred to it, or of an item it handles (not transferred elsewhere). */
export const callableBy = (windowIds: string[], items: string[]): Prisma.TicketWhereInput => ({
  OR: [{ transferredTo: { in: windowIds } }, { transferredTo: null, serviceItemId: { in: items } }],
})

/** Waiting tickets before this one that the same windows serve (one plain COUNT: asked on every ticket view). */
export async function aheadOf (db: Db, t: TicketRow, known?: { windows: string[]; items: string[] }): Promise<number> {
  if (t.status !== 'WAITING') return 0
  const windows = known?.windows ?? await windowsFor(db, t)
  const items = known?.items ?? (windows.length ? await itemsOf(db, windows) : [t.serviceItemId])
  const inList = (col: string, xs: string[]) => (xs.length ? sql`${raw(col)} IN (${join(xs)})` : sql`1 = 0`)
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT count(*) AS "n" FROM "Ticket"
    WHERE "hallId" = ${t.hallId} AND "date" = ${t.date} AND "status" = 'WAITING' AND "id" <> ${t.id}
      AND ("rankAt" < ${t.rankAt} OR ("rankAt" = ${t.rankAt} AND "seq" < ${t.seq}) OR ("rankAt" = ${t.rankAt} AND "seq" = ${t.seq} AND "line" < ${t.line}))
      AND (${inList('"transferredTo"', windows)} OR ("transferredTo" IS NULL AND ${inList('"serviceItemId"', items)}))`
  return Number(rows[0]?.n ?? 0)
}

/** Today's median service time of a line, in seconds (null before the first 办结). */
export async function lineMedianSeconds (db: Db, hallId: string, date: string, line: string): Promise<number | null> {
  const rows = await db.ticket.findMany({ where: { hallId, date, line, status: 'DONE', serviceSeconds: { not: null } }, select: { serviceSeconds: true } })
  return median(rows.map((r) => r.serviceSeconds!))
}

export const estimateMinutes = (ahead: number, medianSeconds: number | null): number | undefined =>
  medianSeconds === null ? undefined : Math.ceil((ahead * medianSeconds) / 60)

type Known = { windows: string[]; items: string[] }
async function extras (deps: Deps, t: TicketRow, known?: Known) {
  const ahead = await aheadOf(deps.db, t, t.transferredTo ? undefined : known)
  const med = t.status === 'WAITING' ? await deps.state.hall.cached(`median:${t.hallId}:${t.date}:${t.line}`, 5_000, () => lineMedianSeconds(deps.db, t.hallId, t.date, t.line)) : null
  const ratingId = t.status === 'DONE'
    ? (await deps.db.rating.findUnique({ where: { subjectType_subjectId: { subjectType: t.appointmentId ? 'APPOINTMENT' : 'TICKET', subjectId: t.appointmentId ?? t.id } }, select: { id: true } }))?.id ?? null
    : undefined
  return { ahead, estimatedWaitMinutes: estimateMinutes(ahead, med), ratingId, today: deps.clock.today() }
}

/** `known`: the windows that may call it and their items, when the caller already has them. */
export async function residentView (deps: Deps, t: TicketRow, known?: Known) { return ticketView(t, await extras(deps, t, known)) }
export async function staffView (deps: Deps, t: TicketRow, known?: Known) { return staffTicketView(t, await extras(deps, t, known), deps.cipher) }

export async function loadTicket (db: Db, id: string): Promise<TicketRow> {
  return await db.ticket.findUniqueOrThrow({ where: { id }, include: ticketInclude }) as TicketRow
}

/** The resident's own ticket, else 404. */
export async function ownTicket (deps: Deps, actor: ResidentActor, id: string): Promise<TicketRow> {
  const t = await deps.db.ticket.findFirst({ where: { id, residentId: actor.id }, include: ticketInclude })
  if (!t) throw notFound('号')
  return t as TicketRow
}

/** A ticket of a hall in the staff member's subtree, else 404. */
export async function scopedTicket (deps: Deps, actor: StaffActor, id: string): Promise<TicketRow> {
  const t = await deps.db.ticket.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: ticketInclude })
  if (!t) throw notFound('号')
  return t as TicketRow
}

export async function listMine (deps: Deps, actor: ResidentActor) {
  const rows = await deps.db.ticket.findMany({ where: { residentId: actor.id, date: deps.clock.today() }, include: ticketInclude, orderBy: { createdAt: 'desc' }, take: 50 })
  return { items: await Promise.all(rows.map((t) => residentView(deps, t as TicketRow))), nextCursor: null }
}

export async function publicHall (db: Db, id: string) {
  const rows = await db.$queryRaw<{ id: string; name: string; openHours: string | null; queuePrefix: string; orgId: string }[]>`
    SELECT "id", "name", "openHours", "queuePrefix", "orgId" FROM "Hall" WHERE "id" = ${id} AND "active" = TRUE`
  if (!rows[0]) throw notFound('服务中心')
  return { ...rows[0], active: true }
}

export async function waitingPerLine (db: Db, where: Prisma.TicketWhereInput) {
  const groups = await db.ticket.groupBy({ by: ['line', 'lineName'], where: { ...where, status: 'WAITING' }, _count: { _all: true }, orderBy: { line: 'asc' } })
  return groups.map((g) => ({ line: g.line, lineName: g.lineName, waiting: g._count._all }))
}

export async function hallOpen (deps: Deps, hall: { openHours: string | null; active: boolean }) {
  const hours = ticketHours(hall.openHours, (await deps.settings.get()).hall.ticketHours)
  const reason = closedReason({ active: hall.active, workday: deps.calendar.isWorkday(deps.clock.today()), hours, now: deps.clock.now() })
  return { hours, reason }
}

/** The hall screen: what each window serves now, the last calls, waiting per line. No personal data. */
export async function hallQueue (deps: Deps, hallId: string) {
  const { db } = deps
  const hall = await publicHall(db, hallId)
  const date = deps.clock.today()
  const [windows, serving, recent, lines, open] = await Promise.all([
    db.window.findMany({ where: { hallId, active: true }, select: { id: true, name: true, number: true, paused: true }, orderBy: { number: 'asc' } }),
    db.ticket.findMany({ where: { hallId, date, status: 'CALLED' }, select: { windowId: true, number: true, calledAt: true } }),
    db.ticketEvent.findMany({ where: { hallId, type: { in: ['CALL', 'RECALL'] }, at: { gte: new Date(`${date}T00:00:00+08:00`) } }, orderBy: { at: 'desc' }, take: 10, select: { type: true, at: true, windowId: true, ticket: { select: { number: true } } } }),
    waitingPerLine(db, { hallId, date }),
    hallOpen(deps, hall),
  ])
  const byWindow = new Map(windows.map((w) => [w.id, w]))
  return {
    hallId, hallName: hall.name, date, now: toIso(deps.clock.now()), open: open.reason === null,
    windows: windows.map((w) => {
      const s = serving.find((t) => t.windowId === w.id)
      return { windowId: w.id, windowName: w.name, windowNumber: w.number, paused: w.paused, number: s?.number ?? null, calledAt: s?.calledAt ? toIso(s.calledAt) : null }
    }),
    recent: recent.filter((e) => e.windowId && byWindow.has(e.windowId)).map((e) => ({
      number: e.ticket.number, windowName: byWindow.get(e.windowId!)!.name, windowNumber: byWindow.get(e.windowId!)!.number, kind: e.type as 'CALL' | 'RECALL', at: toIso(e.at),
    })),
    lines, waiting: lines.reduce((a, l) => a + l.waiting, 0),
  }
}

/** Before taking a ticket: open or not (and why), waiting per line and per item with an estimate. */
export async function ticketOptions (deps: Deps, hallId: string) {
  const { db } = deps
  const hall = await publicHall(db, hallId)
  const date = deps.clock.today()
  const [open, lines, handled, lineItems] = await Promise.all([
    hallOpen(deps, hall),
    waitingPerLine(db, { hallId, date }),
    db.windowServiceItem.findMany({ where: { window: { hallId, active: true }, serviceItem: { active: true } }, select: { serviceItemId: true, serviceItem: { select: { name: true } } } }),
    db.hallLineItem.findMany({ where: { hallId }, select: { serviceItemId: true, line: { select: { prefix: true, name: true } } } }),
  ])
  const first = await db.hallLine.findFirst({ where: { hallId }, orderBy: [{ sort: 'asc' }, { prefix: 'asc' }], select: { prefix: true, name: true } })
  const def = first ?? fallbackLine(hall.queuePrefix)
  const items = [...new Map(handled.map((h) => [h.serviceItemId, h.serviceItem.name]))]
  const waitingByItem = new Map((await db.ticket.groupBy({ by: ['serviceItemId'], where: { hallId, date, status: 'WAITING' }, _count: { _all: true } })).map((g) => [g.serviceItemId, g._count._all]))
  const medians = new Map<string, number | null>()
  for (const l of new Set([...lineItems.map((li) => li.line.prefix), def.prefix])) medians.set(l, await lineMedianSeconds(db, hallId, date, l))
  return {
    hallId, hallName: hall.name, date, open: open.reason === null, closedReason: open.reason, hours: open.hours, lines,
    items: items.map(([serviceItemId, name]) => {
      const line = lineItems.find((li) => li.serviceItemId === serviceItemId)?.line ?? def
      const waiting = waitingByItem.get(serviceItemId) ?? 0
      const est = estimateMinutes(waiting, medians.get(line.prefix) ?? null)
      return { serviceItemId, name, line: line.prefix, lineName: line.name, waiting, ...(est !== undefined ? { estimatedWaitMinutes: est } : {}) }
    }).sort((a, b) => a.line.localeCompare(b.line) || a.name.localeCompare(b.name, 'zh-CN')),
  }
}
