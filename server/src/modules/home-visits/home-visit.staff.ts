// 上门服务 desk: the queue by status, accept and schedule (day, time window, who visits), decline with a reason,
// complete (the resident is invited to rate). The resident is told at every step.
import { pageUrl, type HomeVisitView } from '@bianmin/shared'
import type { z } from 'zod'
import type { homeVisitSchedule } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { notify } from '../../platform/outbox'
import { atShanghai, shanghaiDate, toIso } from '../../platform/clock'
import { inSubtree, subtreeOrgIds } from '../../platform/scope'
import { move, page, type Status } from './home-visit.service'

const VISITING_ROLES = ['CLERK', 'HANDLER']

export async function listForStaff (deps: Deps, actor: StaffActor, q: { status?: Status; limit: number; cursor?: string }) {
  return page(deps, { orgId: { in: await subtreeOrgIds(deps.db, actor) }, ...(q.status ? { status: q.status } : {}) }, q)
}

/** Staff who may be sent: window clerks and handlers of the caller's subtree, enabled. */
export async function listAssignees (deps: Deps, actor: StaffActor) {
  const rows = await deps.db.staff.findMany({
    where: { org: inSubtree(actor), disabled: false, OR: VISITING_ROLES.map((r) => ({ roles: { contains: r } })) },
    select: { id: true, name: true, org: { select: { name: true } } }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 300,
  })
  return { items: rows.map((s) => ({ id: s.id, name: s.name, orgName: s.org.name })) }
}

async function inScope (deps: Deps, actor: StaffActor, id: string) {
  const h = await deps.db.homeVisit.findUnique({ where: { id }, select: { orgId: true, status: true } })
  const org = h ? await deps.db.org.findUnique({ where: { id: h.orgId }, select: { path: true } }) : null
  if (!h || !org?.path.startsWith(actor.orgPath)) throw notFound('上门服务申请')
  return h
}

const fieldError = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }])

async function scheduleData (deps: Deps, actor: StaffActor, body: z.output<typeof homeVisitSchedule>): Promise<Prisma.HomeVisitUpdateManyMutationInput> {
  const at = new Date(body.scheduledAt)
  if (at <= deps.clock.now()) throw fieldError('scheduledAt', '上门时间必须晚于现在')
  let end: Date | null = null
  if (body.until) {
    end = atShanghai(shanghaiDate(at), body.until)
    if (end <= at) throw fieldError('until', '结束时间必须晚于开始时间')
  }
  const assigneeId = body.assigneeId ?? actor.id
  if (body.assigneeId) {
    const s = await deps.db.staff.findFirst({ where: { id: body.assigneeId, org: inSubtree(actor), disabled: false }, select: { roles: true } })
    if (!s || !VISITING_ROLES.some((r) => s.roles.split(',').includes(r))) throw fieldError('assigneeId', '所选上门人员不存在或不在本机构范围内')
  }
  return { status: 'SCHEDULED', scheduledAt: at, scheduledEnd: end, assigneeId, handlerId: actor.id }
}

type Action = 'schedule' | 'decline' | 'complete'
const steps: Record<Action, { from: Status[]; title: string }> = {
  schedule: { from: ['REQUESTED', 'SCHEDULED'], title: '上门服务已安排' },
  decline: { from: ['REQUESTED'], title: '上门服务申请未受理' },
  complete: { from: ['SCHEDULED'], title: '上门服务已办结' },
}

const hm = (d: Date) => toIso(d).slice(11, 16)

function message (action: Action, h: { id: string; scheduledAt: Date | null; scheduledEnd: Date | null; serviceItem: { name: string } }, who: string | null, reason?: string) {
  if (action === 'schedule' && h.scheduledAt) {
    const span = `${shanghaiDate(h.scheduledAt)} ${hm(h.scheduledAt)}${h.scheduledEnd ? `-${hm(h.scheduledEnd)}` : ''}`
    return { text: `工作人员${who ? ` ${who} ` : ''}将于 ${span} 上门为您办理“${h.serviceItem.name}”，请保持电话畅通。`, page: pageUrl('homeVisits', { id: h.id }) }
  }
  if (action === 'decline') return { text: `您申请的“${h.serviceItem.name}”上门服务未受理：${reason}。`, page: pageUrl('homeVisits', { id: h.id }) }
  return { text: `您的“${h.serviceItem.name}”上门服务已办结，欢迎对本次服务进行评价。`, page: pageUrl('ratingRate', { subjectType: 'HOME_VISIT', subjectId: h.id }) }
}

export async function staffAct (
  deps: Deps, actor: StaffActor, id: string, action: Action, body: Partial<z.output<typeof homeVisitSchedule>> & { reason?: string }, meta: AuditMeta,
): Promise<HomeVisitView> {
  const h0 = await inScope(deps, actor, id)
  const now = deps.clock.now()
  const data: Prisma.HomeVisitUpdateManyMutationInput =
    action === 'schedule' ? await scheduleData(deps, actor, body as z.output<typeof homeVisitSchedule>)
      : action === 'decline' ? { status: 'DECLINED', declineReason: body.reason ?? null, handlerId: actor.id }
        : { status: 'DONE', doneAt: now, handlerId: actor.id }
  if (!steps[action].from.includes(h0.status as Status)) throw invalidState('该申请的状态已变化，不能进行此操作')
  return move(deps, id, steps[action].from, data, async (tx, h) => {
    await audit(tx, actor, {
      action: `homeVisit.${action}`, targetType: 'HomeVisit', targetId: id, orgId: h.orgId,
      detail: { scheduledAt: body.scheduledAt ?? null, until: body.until ?? null, assigneeId: h.assigneeId ?? null, reason: body.reason ?? null },
    }, meta)
    if (!h.residentId) return
    const who = h.assigneeId ? (await tx.staff.findUnique({ where: { id: h.assigneeId }, select: { name: true } }))?.name ?? null : null
    const m = message(action, h, who, body.reason)
    await notify(tx, {
      residentId: h.residentId, kind: 'HOME_VISIT_UPDATE', title: steps[action].title, body: m.text,
      data: { page: m.page, homeVisitId: id }, dedupeKey: `home-visit:${id}:${action}:${h.scheduledAt ? toIso(h.scheduledAt) : now.getTime()}`,
    }, now)
  })
}
