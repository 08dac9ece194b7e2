// Messages to residents holding a ticket: when only a few are ahead, when called (which window), when done.
import { pageUrl } from '@bianmin/shared'
import type { Deps, Tx } from '../../platform/types'
import { notify } from '../../platform/outbox'
import { queueOrder } from './hall.query'

/** Windows → items of a hall's active windows, and the inverse. */
async function hallWindows (deps: Deps, hallId: string) {
  const rows = await deps.db.windowServiceItem.findMany({ where: { window: { hallId, active: true } }, select: { windowId: true, serviceItemId: true } })
  const byItem = new Map<string, Set<string>>()
  for (const r of rows) byItem.set(r.serviceItemId, (byItem.get(r.serviceItemId) ?? new Set()).add(r.windowId))
  return byItem
}

/** After a call: residents whose ticket now has at most `nearAhead` before it get one message. */
export async function notifyNear (deps: Deps, hallId: string): Promise<void> {
  const { nearAhead } = (await deps.settings.get()).hall
  const date = deps.clock.today()
  const waiting = await deps.db.ticket.findMany({
    where: { hallId, date, status: 'WAITING' }, orderBy: queueOrder,
    select: { id: true, serviceItemId: true, transferredTo: true, residentId: true, nearNotified: true, number: true },
  })
  if (!waiting.some((t) => t.residentId && !t.nearNotified)) return
  const byItem = await hallWindows(deps, hallId)
  const windowsOf = (t: (typeof waiting)[number]) => (t.transferredTo ? new Set([t.transferredTo]) : byItem.get(t.serviceItemId) ?? new Set<string>())
  const sets = waiting.map(windowsOf)
  const now = deps.clock.now()
  for (let i = 0; i < waiting.length; i++) {
    const t = waiting[i]!
    if (!t.residentId || t.nearNotified) continue
    let ahead = 0
    for (let j = 0; j < i && ahead <= nearAhead; j++) if ([...sets[j]!].some((w) => sets[i]!.has(w))) ahead++
    if (ahead > nearAhead) continue
    await deps.db.$transaction(async (tx) => {
      const r = await tx.ticket.updateMany({ where: { id: t.id, nearNotified: false, status: 'WAITING' }, data: { nearNotified: true } })
      if (r.count === 0) return
      await notify(tx, {
        residentId: t.residentId!, kind: 'TICKET_NEAR', title: '即将叫到您的号',
        body: ahead === 0 ? `您的 ${t.number} 号即将被叫到，请留意叫号屏。` : `您的 ${t.number} 号前面还有 ${ahead} 位，请到服务大厅等候叫号。`,
        data: { page: pageUrl('hallTickets', { id: t.id }), number: t.number, ahead }, dedupeKey: `ticket-near:${t.id}`,
      }, now)
    })
  }
}

export async function notifyCalled (tx: Tx, t: { id: string; residentId: string | null; number: string; recallCount: number }, w: { id: string; name: string; number: string }, now: Date) {
  if (!t.residentId) return
  await notify(tx, {
    residentId: t.residentId, kind: 'TICKET_CALLED', title: '请到窗口办理',
    body: `请 ${t.number} 号到 ${w.number} 号窗口（${w.name}）办理。`,
    data: { page: pageUrl('hallTickets', { id: t.id }), number: t.number, window: `${w.number} 号窗口` }, dedupeKey: `ticket-called:${t.id}:${w.id}:${t.recallCount}`,
  }, now)
}

export async function notifyDone (tx: Tx, t: { id: string; residentId: string | null; number: string; appointmentId: string | null }, now: Date) {
  if (!t.residentId) return
  const subject = t.appointmentId ? { subjectType: 'APPOINTMENT', subjectId: t.appointmentId } : { subjectType: 'TICKET', subjectId: t.id }
  await notify(tx, {
    residentId: t.residentId, kind: 'TICKET_DONE', title: '已办结，欢迎评价',
    body: `您的 ${t.number} 号已办结，欢迎对本次服务作出评价。`,
    data: { page: pageUrl('ratingRate', subject), number: t.number }, dedupeKey: `ticket-done:${t.id}`,
  }, now)
}
