// 上门服务, resident side and shared reads: REQUESTED → SCHEDULED (time set) → DONE, or DECLINED (with a reason), or
// CANCELLED by the resident (staff steps: home-visit.staff.ts).
// Phone and address are encrypted at rest; phones are masked in every answer.
import type { z } from 'zod'
import type { HomeVisitView, homeVisitInput } from '@bianmin/shared'
import type { Deps, Tx } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { maskPhone } from '../../platform/crypto'
import { paginate } from '../../platform/paginate'

export type Row = Prisma.HomeVisitGetPayload<{ include: { serviceItem: { select: { name: true } } } }>
export const include = { serviceItem: { select: { name: true } } } as const
export type Status = HomeVisitView['status']

/** Names of the assigned staff, for a page of rows. */
async function assignees (deps: Deps, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))]
  if (!ids.length) return new Map()
  return new Map((await deps.db.staff.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]))
}

export async function views (deps: Deps, rows: Row[]): Promise<HomeVisitView[]> {
  const names = await assignees(deps, rows)
  return rows.map((h) => view(deps, h, names))
}

function view (deps: Deps, h: Row, names: Map<string, string>): HomeVisitView {
  const dec = (s: string) => { try { return deps.cipher.decrypt(s) } catch { return '' } }
  return {
    id: h.id, status: h.status as Status, serviceItemId: h.serviceItemId, serviceItemName: h.serviceItem.name, orgId: h.orgId,
    contactName: h.contactName, contactPhone: maskPhone(dec(h.contactPhoneEnc)), address: dec(h.addressEnc), reason: h.reason,
    preferredDays: Array.isArray(h.preferredDays) ? (h.preferredDays as string[]) : [],
    scheduledAt: toIsoOrNull(h.scheduledAt), scheduledEnd: toIsoOrNull(h.scheduledEnd),
    assigneeId: h.assigneeId, assigneeName: h.assigneeId ? names.get(h.assigneeId) ?? null : null, declineReason: h.declineReason, doneAt: toIsoOrNull(h.doneAt), createdAt: toIso(h.createdAt),
  }
}

export async function page (deps: Deps, where: Prisma.HomeVisitWhereInput, q: { limit: number; cursor?: string }) {
  const result = await paginate(q, { by: 'createdAt', dir: 'desc' }, (p) =>
    deps.db.homeVisit.findMany({ where: { AND: [where, p.where] }, include, orderBy: p.orderBy, take: p.take }))
  return { items: await views(deps, result.items), nextCursor: result.nextCursor }
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
  return (await views(deps, [h]))[0]!
}

export const listMine = (deps: Deps, residentId: string, q: { limit: number; cursor?: string }) => page(deps, { residentId }, q)

export async function getMine (deps: Deps, residentId: string, id: string) {
  const h = await deps.db.homeVisit.findFirst({ where: { id, residentId }, include })
  if (!h) throw notFound('上门服务申请')
  return (await views(deps, [h]))[0]!
}

export async function move (deps: Deps, id: string, from: Status[], data: Prisma.HomeVisitUpdateManyMutationInput, after: (tx: Tx, h: Row) => Promise<void>) {
  const done = await deps.db.$transaction(async (tx) => {
    const r = await tx.homeVisit.updateMany({ where: { id, status: { in: from } }, data })
    if (r.count === 0) return null
    const h = await tx.homeVisit.findUniqueOrThrow({ where: { id }, include })
    await after(tx, h)
    return h
  })
  if (!done) throw invalidState('该申请的状态已变化，不能进行此操作')
  return (await views(deps, [done]))[0]!
}

export async function cancelMine (deps: Deps, residentId: string, id: string) {
  const h = await deps.db.homeVisit.findFirst({ where: { id, residentId }, select: { status: true } })
  if (!h) throw notFound('上门服务申请')
  return move(deps, id, ['REQUESTED', 'SCHEDULED'], { status: 'CANCELLED' }, async () => {})
}

