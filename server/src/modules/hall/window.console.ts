// The window console's read side (current ticket, what waits for this window per line, today's figures) and the
// staff list of today's tickets of a hall.
import type { Deps, StaffActor } from '../../platform/types'
import { notFound } from '../../platform/errors'
import { inSubtree } from '../../platform/scope'
import { decodeCursor, encodeCursor } from '../../platform/cursor'
import { toIso } from '../../platform/clock'
import { itemsOf } from './hall.lines'
import { ticketInclude, type TicketRow } from './hall.mapper'
import { callableBy, queueOrder, staffView, waitingPerLine } from './hall.query'
import { scopedWindow, windowStateOf } from './window.service'

const minutes = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round((s / 60) * 10) / 10)

/** The service the window finished last, if within the 评价器 minutes and not rated yet. */
export async function rateableAt (deps: Deps, windowId: string) {
  const { raterMinutes } = (await deps.settings.get()).hall
  const now = deps.clock.now()
  const last = await deps.db.ticket.findFirst({
    where: { windowId, status: 'DONE', doneAt: { gte: new Date(now.getTime() - raterMinutes * 60_000) } },
    orderBy: { doneAt: 'desc' }, include: { serviceItem: { select: { name: true } } },
  })
  if (!last?.doneAt) return null
  const subject = last.appointmentId ? { subjectType: 'APPOINTMENT', subjectId: last.appointmentId } : { subjectType: 'TICKET', subjectId: last.id }
  const rated = await deps.db.rating.findUnique({ where: { subjectType_subjectId: subject }, select: { id: true } })
  return { ticket: last, subject, rated: rated !== null, rateBefore: new Date(last.doneAt.getTime() + raterMinutes * 60_000) }
}

export async function windowConsole (deps: Deps, actor: StaffActor, windowId: string) {
  const { db } = deps
  const w = await scopedWindow(deps, actor, windowId)
  const date = deps.clock.today()
  const items = await itemsOf(db, [w.id])
  const mine = { windowId: w.id, date }
  const [state, current, waiting, skipped, called, done, skippedCount, transferred, waits, services, rateable] = await Promise.all([
    windowStateOf(deps, w.id),
    db.ticket.findFirst({ where: { ...mine, status: 'CALLED' }, include: ticketInclude }),
    waitingPerLine(db, { hallId: w.hallId, date, ...callableBy([w.id], items) }),
    db.ticket.findMany({ where: { ...mine, status: 'SKIPPED', skipRecalled: false }, include: ticketInclude, orderBy: { skippedAt: 'desc' }, take: 20 }),
    db.ticketEvent.count({ where: { windowId: w.id, type: 'CALL', at: { gte: new Date(`${date}T00:00:00+08:00`) } } }),
    db.ticket.count({ where: { ...mine, status: 'DONE' } }),
    db.ticket.count({ where: { ...mine, status: 'SKIPPED' } }),
    db.ticketEvent.count({ where: { windowId: w.id, type: 'TRANSFER', at: { gte: new Date(`${date}T00:00:00+08:00`) } } }),
    db.ticket.aggregate({ where: { ...mine, waitSeconds: { not: null } }, _avg: { waitSeconds: true } }),
    db.ticket.aggregate({ where: { ...mine, status: 'DONE', serviceSeconds: { not: null } }, _avg: { serviceSeconds: true } }),
    rateableAt(deps, w.id),
  ])
  return {
    window: state,
    current: current ? await staffView(deps, current as TicketRow) : null,
    waiting, waitingTotal: waiting.reduce((a, l) => a + l.waiting, 0),
    skipped: await Promise.all(skipped.map((t) => staffView(deps, t as TicketRow))),
    today: {
      called, done, skipped: skippedCount, transferred,
      avgWaitMinutes: minutes(waits._avg.waitSeconds), avgServiceMinutes: minutes(services._avg.serviceSeconds),
    },
    rateable: rateable && !rateable.rated
      ? { ticketId: rateable.ticket.id, number: rateable.ticket.number, doneAt: toIso(rateable.ticket.doneAt!), rateBefore: toIso(rateable.rateBefore) }
      : null,
  }
}

/** Today's tickets of a hall in queue order (keyset on the position). */
export async function listHallTickets (deps: Deps, actor: StaffActor, hallId: string, q: { limit: number; cursor?: string; status?: TicketRow['status'] }) {
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) }, select: { id: true } })
  if (!hall) throw notFound('服务中心')
  const cur = decodeCursor(q.cursor)
  const after = cur && typeof cur.seq === 'number' && typeof cur.line === 'string'
    ? { OR: [{ rankAt: { gt: new Date(cur.t) } }, { rankAt: new Date(cur.t), seq: { gt: cur.seq } }, { rankAt: new Date(cur.t), seq: cur.seq, line: { gt: cur.line } }] }
    : {}
  const rows = await deps.db.ticket.findMany({
    where: { hallId: hall.id, date: deps.clock.today(), ...(q.status ? { status: q.status } : {}), ...after },
    include: ticketInclude, orderBy: queueOrder, take: q.limit + 1,
  })
  const items = rows.slice(0, q.limit) as TicketRow[]
  const last = items[items.length - 1]
  return {
    items: await Promise.all(items.map((t) => staffView(deps, t))),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.rankAt.toISOString(), id: last.id, seq: last.seq, line: last.line }) : null,
  }
}
