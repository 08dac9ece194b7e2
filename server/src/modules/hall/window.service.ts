// The window console's steps: call next, recall (重呼; a skipped ticket once on arrival), skip (过号), done,
// transfer, pause/resume. Each is a conditional update on the current status, timed (TicketEvent) and audited in the
// same transaction; a checked-in appointment's ticket moves its appointment along; the event goes out after commit.
import type { Prisma } from '../../generated/sqlite/client.js'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import type { TicketStatus } from '@bianmin/shared'
import { ticketStatusLabels } from '@bianmin/shared'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { inSubtree } from '../../platform/scope'
import { toIso } from '../../platform/clock'
import { TX_OPTIONS } from '../appointments/booking.service'
import { itemsOf } from './hall.lines'
import { callableBy, loadTicket, queueOrder, scopedTicket, staffView } from './hall.query'
import { notifyCalled, notifyDone, notifyNear } from './hall.notify'
import { announce } from './ticket.service'
import type { TicketRow } from './hall.mapper'

const secondsBetween = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000))
const windowSelect = { id: true, hallId: true, name: true, number: true, paused: true, pausedAt: true, active: true, hall: { select: { name: true, orgId: true } } } as const

export async function scopedWindow (deps: Deps, actor: StaffActor, id: string) {
  const w = await deps.db.window.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, select: windowSelect })
  if (!w) throw notFound('窗口')
  return w
}
type Win = Awaited<ReturnType<typeof scopedWindow>>

interface Step {
  from: TicketStatus[]
  data: Prisma.TicketUncheckedUpdateManyInput
  event: 'CALL' | 'RECALL' | 'SKIP' | 'DONE' | 'TRANSFER'
  action: string
  win: { id: string; name: string; number: string }
  extraWhere?: Prisma.TicketWhereInput
  /** Runs first in the transaction (may throw to refuse). */
  guard?: (tx: Tx) => Promise<void>
  also?: (tx: Tx) => Promise<void>
}

/**
 * A window serves one ticket at a time: the window's row is locked (a no-op update) for the rest of the transaction,
 * then nothing may be called there already — two quick call-nexts of one window cannot both succeed.
 */
async function windowFree (tx: Tx, windowId: string, date: string) {
  await tx.$executeRaw`UPDATE "Window" SET "paused" = "paused" WHERE "id" = ${windowId}`
  const busy = await tx.ticket.findFirst({ where: { windowId, date, status: 'CALLED' }, select: { number: true } })
  if (busy) throw invalidState(`请先办结、过号或转出当前的 ${busy.number} 号`)
}

/** One step: conditional update, event row, audit, appointment sync; false when the status changed meanwhile. */
async function step (deps: Deps, actor: StaffActor, t: TicketRow, s: Step, meta: AuditMeta): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.$transaction(async (tx) => {
    await s.guard?.(tx)
    const r = await tx.ticket.updateMany({ where: { id: t.id, status: { in: s.from }, ...s.extraWhere }, data: { ...s.data, handledById: actor.id } })
    if (r.count === 0) return false
    await tx.ticketEvent.create({ data: { ticketId: t.id, hallId: t.hallId, type: s.event, windowId: s.win.id, staffId: actor.id, at: now } })
    await audit(tx, actor, { action: s.action, targetType: 'Ticket', targetId: t.id, orgId: t.hall.orgId, detail: { number: t.number, from: t.status, windowId: s.win.id } }, meta)
    await s.also?.(tx)
    return true
  }, TX_OPTIONS)
}

const publish = (deps: Deps, t: TicketRow, type: Step['event'], w: { id: string; name: string; number: string }) =>
  announce(deps, { type, hallId: t.hallId, ticketId: t.id, number: t.number, line: t.line, windowId: w.id, windowName: w.name, windowNumber: w.number })

async function syncAppointment (tx: Tx, t: TicketRow, data: Prisma.AppointmentUncheckedUpdateManyInput, actorId: string) {
  if (!t.appointmentId) return
  await tx.appointment.updateMany({ where: { id: t.appointmentId, status: { in: ['CHECKED_IN', 'CALLED'] } }, data: { ...data, handledById: actorId } })
}

export async function callNext (deps: Deps, actor: StaffActor, windowId: string, meta: AuditMeta) {
  const w = await scopedWindow(deps, actor, windowId)
  if (!w.active) throw invalidState('该窗口已停用')
  if (w.paused) throw invalidState('窗口已暂停服务，请先恢复服务再叫号')
  const date = deps.clock.today()
  const current = await deps.db.ticket.findFirst({ where: { windowId: w.id, date, status: 'CALLED' }, select: { number: true } })
  if (current) throw invalidState(`请先办结、过号或转出当前的 ${current.number} 号`)
  const items = await itemsOf(deps.db, [w.id])
  const where: Prisma.TicketWhereInput = { hallId: w.hallId, date, status: 'WAITING', ...callableBy([w.id], items) }
  for (let attempt = 0; attempt < 20; attempt++) {
    const next = await deps.db.ticket.findFirst({ where, orderBy: queueOrder, select: { id: true } })
    if (!next) throw new AppError('NOT_FOUND', '当前没有等候的号')
    const t = await loadTicket(deps.db, next.id)
    const now = deps.clock.now()
    const firstCall = t.firstCalledAt ?? now
    const ok = await step(deps, actor, t, {
      from: ['WAITING'], event: 'CALL', action: 'ticket.call', win: w, guard: (tx) => windowFree(tx, w.id, date),
      data: { status: 'CALLED', windowId: w.id, calledAt: now, firstCalledAt: firstCall, ...(t.firstCalledAt ? {} : { waitSeconds: secondsBetween(t.createdAt, now) }) },
      also: async (tx) => {
        await syncAppointment(tx, t, { status: 'CALLED', calledAt: now, windowId: w.id }, actor.id)
        await notifyCalled(tx, t, w, now)
      },
    }, meta)
    if (!ok) continue // another window called it first
    await publish(deps, t, 'CALL', w)
    await notifyNear(deps, w.hallId).catch((err) => deps.log.error({ err: (err as Error).message }, 'near-turn messages failed'))
    return staffView(deps, await loadTicket(deps.db, t.id))
  }
  throw invalidState('叫号繁忙，请重试')
}

const stale = () => invalidState('该号状态已变化，请刷新后重试')
const notAllowed = (t: TicketRow, verb: string) => invalidState(`该号${ticketStatusLabels[t.status]}，不能${verb}`)
const windowOf = async (deps: Deps, id: string | null) => {
  const w = id ? await deps.db.window.findUnique({ where: { id }, select: windowSelect }) : null
  if (!w) throw invalidState('该号没有办理窗口')
  return w as Win
}

/** 重呼: the called ticket again; a skipped one once, when the resident arrives (back to its window). */
export async function recall (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const t = await scopedTicket(deps, actor, id)
  const w = await windowOf(deps, t.windowId)
  const now = deps.clock.now()
  if (t.status === 'CALLED') {
    if (!await step(deps, actor, t, { from: ['CALLED'], event: 'RECALL', action: 'ticket.recall', win: w, data: { recallCount: { increment: 1 } } }, meta)) throw stale()
  } else if (t.status === 'SKIPPED') {
    if (t.skipRecalled) throw invalidState('过号的号只能重呼一次，请重新取号')
    if (t.date !== deps.clock.today()) throw invalidState('只能重呼当天的号')
    const busy = await deps.db.ticket.findFirst({ where: { windowId: w.id, date: t.date, status: 'CALLED' }, select: { number: true } })
    if (busy) throw invalidState(`${w.number} 号窗口正在办理 ${busy.number} 号，请先办结或过号`)
    const ok = await step(deps, actor, t, {
      from: ['SKIPPED'], extraWhere: { skipRecalled: false }, event: 'RECALL', action: 'ticket.recall_skipped', win: w, guard: (tx) => windowFree(tx, w.id, t.date),
      data: { status: 'CALLED', skipRecalled: true, calledAt: now, recallCount: { increment: 1 } },
      also: (tx) => notifyCalled(tx, { ...t, recallCount: t.recallCount + 1 }, w, now),
    }, meta)
    if (!ok) throw stale()
  } else throw notAllowed(t, '重呼')
  await publish(deps, t, 'RECALL', w)
  return staffView(deps, await loadTicket(deps.db, id))
}

export async function skip (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const t = await scopedTicket(deps, actor, id)
  if (t.status !== 'CALLED') throw notAllowed(t, '过号')
  const w = await windowOf(deps, t.windowId)
  if (!await step(deps, actor, t, { from: ['CALLED'], event: 'SKIP', action: 'ticket.skip', win: w, data: { status: 'SKIPPED', skippedAt: deps.clock.now(), activeKey: null } }, meta)) throw stale()
  await publish(deps, t, 'SKIP', w)
  return staffView(deps, await loadTicket(deps.db, id))
}

export async function done (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const t = await scopedTicket(deps, actor, id)
  if (t.status !== 'CALLED') throw notAllowed(t, '办结')
  const w = await windowOf(deps, t.windowId)
  const now = deps.clock.now()
  const ok = await step(deps, actor, t, {
    from: ['CALLED'], event: 'DONE', action: 'ticket.done', win: w,
    data: { status: 'DONE', doneAt: now, activeKey: null, serviceSeconds: t.calledAt ? secondsBetween(t.calledAt, now) : 0 },
    also: async (tx) => {
      await syncAppointment(tx, t, { status: 'DONE', doneAt: now, windowId: w.id }, actor.id)
      await notifyDone(tx, t, now)
    },
  }, meta)
  if (!ok) throw stale()
  deps.state.hall.forget(`median:${t.hallId}:${t.date}:${t.line}`)
  await publish(deps, t, 'DONE', w)
  return staffView(deps, await loadTicket(deps.db, id))
}

/** To another window of the same hall: waits there, next in line (it keeps its rank). */
export async function transfer (deps: Deps, actor: StaffActor, id: string, windowId: string, meta: AuditMeta) {
  const t = await scopedTicket(deps, actor, id)
  if (t.status !== 'CALLED') throw notAllowed(t, '转出')
  const from = await windowOf(deps, t.windowId)
  const to = await deps.db.window.findFirst({ where: { id: windowId, hallId: t.hallId }, select: windowSelect })
  if (!to) throw notFound('窗口')
  if (!to.active) throw invalidState('目标窗口已停用')
  if (to.id === from.id) throw invalidState('不能转到本窗口')
  const ok = await step(deps, actor, t, {
    from: ['CALLED'], event: 'TRANSFER', action: 'ticket.transfer', win: from,
    data: { status: 'WAITING', transferredTo: to.id, windowId: null, calledAt: null },
  }, meta)
  if (!ok) throw stale()
  await publish(deps, t, 'TRANSFER', to)
  return staffView(deps, await loadTicket(deps.db, id))
}

export async function setPaused (deps: Deps, actor: StaffActor, id: string, paused: boolean, meta: AuditMeta) {
  const w = await scopedWindow(deps, actor, id)
  if (w.paused !== paused) {
    const now = deps.clock.now()
    await deps.db.$transaction(async (tx) => {
      const r = await tx.window.updateMany({ where: { id: w.id, paused: !paused }, data: { paused, pausedAt: paused ? now : null } })
      if (r.count) await audit(tx, actor, { action: paused ? 'window.pause' : 'window.resume', targetType: 'Window', targetId: w.id, orgId: w.hall.orgId, detail: { number: w.number } }, meta)
    }, TX_OPTIONS)
    await announce(deps, { type: paused ? 'PAUSE' : 'RESUME', hallId: w.hallId, windowId: w.id, windowName: w.name, windowNumber: w.number })
  }
  return windowStateOf(deps, w.id)
}

export async function windowStateOf (deps: Deps, id: string) {
  const w = await deps.db.window.findUniqueOrThrow({ where: { id }, select: { ...windowSelect, items: { select: { serviceItemId: true } } } })
  return {
    id: w.id, hallId: w.hallId, hallName: w.hall.name, name: w.name, number: w.number, paused: w.paused,
    pausedAt: w.pausedAt ? toIso(w.pausedAt) : null, serviceItemIds: w.items.map((i) => i.serviceItemId),
  }
}
