// 上门服务: REQUESTED → SCHEDULED (time set) → DONE, or DECLINED (with a reason), or CANCELLED by the resident.
// Phone and address are encrypted at rest; phones are masked in every answer.
import type { z } from 'zod'
import type { HomeVisitView, homeVisitInput } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { notify } from '../../platform/outbox'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { maskPhone } from '../../platform/crypto'
import { decodeCursor, encodeCursor } from '../../platform/cursor'
import { inSubtree } from '../../platform/scope'

type Row = Prisma.HomeVisitGetPayload<{ include: { serviceItem: { select: { name: true } } } }>
const include = { serviceItem: { select: { name: true } } } as const
type Status = HomeVisitView['status']

function view (deps: Deps, h: Row): HomeVisitView {
  const dec = (s: string) => { try { return deps.cipher.decrypt(s) } catch { return '' } }
  return {
    id: h.id, status: h.status as Status, serviceItemId: h.serviceItemId, serviceItemName: h.serviceItem.name, orgId: h.orgId,
    contactName: h.contactName, contactPhone: maskPhone(dec(h.contactPhoneEnc)), address: dec(h.addressEnc), reason: h.reason,
    preferredDays: Array.isArray(h.preferredDays) ? (h.preferredDays as string[]) : [],
    scheduledAt: toIsoOrNull(h.scheduledAt), declineReason: h.declineReason, doneAt: toIsoOrNull(h.doneAt), createdAt: toIso(h.createdAt),
  }
}

async function page (deps: Deps, where: Prisma.HomeVisitWhereInput, q: { limit: number; cursor?: string }) {
  const cur = decodeCursor(q.cursor)
  const rows = await deps.db.homeVisit.findMany({
    where: { ...where, ...(cur ? { AND: [{ OR: [{ createdAt: { lt: new Date(cur.t) } }, { createdAt: new Date(cur.t), id: { lt: cur.id } }] }] } : {}) },
    include, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1,
  })
  const items = rows.slice(0, q.limit)
  const last = items[items.length - 1]
  return { items: items.map((h) => view(deps, h)), nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null }
}

export async function request (deps: Deps, residentId: string, input: z.output<typeof homeVisitInput>) {
  const item = await deps.db.serviceItem.findFirst({ where: { id: input.serviceItemId, active: true }, select: { id: true, orgId: true, homeVisit: true } })
  if (!item) throw notFound('事项')
  if (!item.homeVisit) throw invalidState('该事项不提供上门服务，请预约到服务中心办理')
  const today = deps.clock.today()
  if (input.preferredDays.some((d) => d < today)) throw new AppError('VALIDATION_FAILED', '希望上门的日期不能早于今天', [{ path: 'preferredDays', message: '日期不能早于今天' }])
  const open = await deps.db.homeVisit.count({ where: { residentId, serviceItemId: item.id, status: { in: ['REQUESTED', 'SCHEDULED'] } } })
  if (open) throw new AppError('DUPLICATE', '您已有该事项尚未完成的上门服务申请')
  const h = await deps.db.homeVisit.create({
    data: {
      residentId, serviceItemId: item.id, orgId: item.orgId, contactName: input.contactName, contactPhoneEnc: deps.cipher.encrypt(input.contactPhone),
      addressEnc: deps.cipher.encrypt(input.address), reason: input.reason, preferredDays: [...new Set(input.preferredDays)].sort(), createdAt: deps.clock.now(),
    },
    include,
  })
  return view(deps, h)
}

export const listMine = (deps: Deps, residentId: string, q: { limit: number; cursor?: string }) => page(deps, { residentId }, q)

export async function getMine (deps: Deps, residentId: string, id: string) {
  const h = await deps.db.homeVisit.findFirst({ where: { id, residentId }, include })
  if (!h) throw notFound('上门服务申请')
  return view(deps, h)
}

async function move (deps: Deps, id: string, from: Status[], data: Prisma.HomeVisitUpdateManyMutationInput, after: (tx: Prisma.TransactionClient, h: Row) => Promise<void>) {
  const done = await deps.db.$transaction(async (tx) => {
    const r = await tx.homeVisit.updateMany({ where: { id, status: { in: from } }, data })
    if (r.count === 0) return null
    const h = await tx.homeVisit.findUniqueOrThrow({ where: { id }, include })
    await after(tx, h)
    return h
  })
  if (!done) throw invalidState('该申请的状态已变化，不能进行此操作')
  return view(deps, done)
}

export async function cancelMine (deps: Deps, residentId: string, id: string) {
  const h = await deps.db.homeVisit.findFirst({ where: { id, residentId }, select: { status: true } })
  if (!h) throw notFound('上门服务申请')
  return move(deps, id, ['REQUESTED', 'SCHEDULED'], { status: 'CANCELLED' }, async () => {})
}

export async function listForStaff (deps: Deps, actor: StaffActor, q: { status?: Status; limit: number; cursor?: string }) {
  const orgs = await deps.db.org.findMany({ where: inSubtree(actor), select: { id: true } })
  return page(deps, { orgId: { in: orgs.map((o) => o.id) }, ...(q.status ? { status: q.status } : {}) }, q)
}

async function inScope (deps: Deps, actor: StaffActor, id: string) {
  const h = await deps.db.homeVisit.findUnique({ where: { id }, select: { orgId: true, status: true } })
  const org = h ? await deps.db.org.findUnique({ where: { id: h.orgId }, select: { path: true } }) : null
  if (!h || !org?.path.startsWith(actor.orgPath)) throw notFound('上门服务申请')
  return h
}

type Action = 'schedule' | 'decline' | 'complete'
const steps: Record<Action, { from: Status[]; title: string }> = {
  schedule: { from: ['REQUESTED', 'SCHEDULED'], title: '上门服务已安排' },
  decline: { from: ['REQUESTED'], title: '上门服务申请未受理' },
  complete: { from: ['SCHEDULED'], title: '上门服务已办结' },
}

export async function staffAct (deps: Deps, actor: StaffActor, id: string, action: Action, body: { scheduledAt?: string; reason?: string }, meta: AuditMeta) {
  const h0 = await inScope(deps, actor, id)
  const now = deps.clock.now()
  const at = body.scheduledAt ? new Date(body.scheduledAt) : null
  if (action === 'schedule' && at && at <= now) throw new AppError('VALIDATION_FAILED', '上门时间必须晚于现在', [{ path: 'scheduledAt', message: '上门时间必须晚于现在' }])
  const data: Prisma.HomeVisitUpdateManyMutationInput =
    action === 'schedule' ? { status: 'SCHEDULED', scheduledAt: at, handlerId: actor.id }
      : action === 'decline' ? { status: 'DECLINED', declineReason: body.reason ?? null, handlerId: actor.id }
        : { status: 'DONE', doneAt: now, handlerId: actor.id }
  if (!steps[action].from.includes(h0.status as Status)) throw invalidState('该申请的状态已变化，不能进行此操作')
  return move(deps, id, steps[action].from, data, async (tx, h) => {
    await audit(tx, actor, { action: `homeVisit.${action}`, targetType: 'HomeVisit', targetId: id, orgId: h.orgId, detail: { scheduledAt: body.scheduledAt ?? null, reason: body.reason ?? null } }, meta)
    if (!h.residentId) return
    const when = h.scheduledAt ? toIso(h.scheduledAt) : ''
    const text = action === 'schedule' ? `工作人员将于 ${when.slice(0, 10)} ${when.slice(11, 16)} 上门为您办理“${h.serviceItem.name}”，请保持电话畅通。`
      : action === 'decline' ? `您申请的“${h.serviceItem.name}”上门服务未受理：${body.reason}。`
        : `您的“${h.serviceItem.name}”上门服务已办结，欢迎对本次服务进行评价。`
    await notify(tx, {
      residentId: h.residentId, kind: 'HOME_VISIT_UPDATE', title: steps[action].title, body: text,
      data: { page: '/pages/home-visits/index/index', homeVisitId: id }, dedupeKey: `home-visit:${id}:${action}:${when || now.getTime()}`,
    }, now)
  })
}
