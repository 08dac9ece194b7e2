// 评价器: the tablet at a window (signed in by a staff member of that hall) rates the service the window finished
// last, within the configured minutes, once (一事一评 with the app: the same subject, whoever rates first).
import type { Deps, StaffActor } from '../../platform/types'
import { AppError, invalidState } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { toIso } from '../../platform/clock'
import { resolverFor } from '../ratings/subjects/index'
import { recordRating } from '../ratings/rating.service'
import { rateableAt } from './window.console'
import { scopedWindow } from './window.service'

async function raterWindow (deps: Deps, actor: StaffActor, windowId: string) {
  const w = await scopedWindow(deps, actor, windowId)
  if (actor.hallId !== w.hallId && !actor.roles.includes('ADMIN')) throw new AppError('FORBIDDEN', '评价器须由本服务中心的工作人员登录')
  return w
}

export async function windowRatingTarget (deps: Deps, actor: StaffActor, windowId: string) {
  const w = await raterWindow(deps, actor, windowId)
  const r = await rateableAt(deps, w.id)
  return {
    windowId: w.id, windowName: w.name, windowNumber: w.number, hallName: w.hall.name,
    target: r && !r.rated
      ? { ticketId: r.ticket.id, number: r.ticket.number, serviceItemName: r.ticket.serviceItem.name, doneAt: toIso(r.ticket.doneAt!), rateBefore: toIso(r.rateBefore) }
      : null,
  }
}

export async function rateAtWindow (deps: Deps, actor: StaffActor, windowId: string, body: { level: number; dimensions?: Record<string, number | undefined>; tags: string[]; comment?: string }, meta: AuditMeta) {
  const w = await raterWindow(deps, actor, windowId)
  const r = await rateableAt(deps, w.id)
  if (!r) throw invalidState(`本窗口最近 ${(await deps.settings.get()).hall.raterMinutes} 分钟内没有办结的服务，暂不能评价`)
  if (r.rated) throw new AppError('DUPLICATE', '本次服务已评价过，每件事只能评价一次')
  const subject = await resolverFor(r.subject.subjectType).load(deps.db, r.subject.subjectId)
  if (!subject) throw invalidState('未找到要评价的服务')
  const rating = await recordRating(deps, subject, body, { residentId: subject.residentId, channel: 'WINDOW' })
  await audit(deps.db, actor, { action: 'rating.window', targetType: 'Rating', targetId: rating.id, orgId: w.hall.orgId, detail: { windowId: w.id, ticketId: r.ticket.id, level: body.level } }, meta)
  return rating
}
