// 依申请公开, staff reads: the queue (by deadline, overdue filter) and recording in-person / postal applications.
import type { Contract, ParsedRequest } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import type { AuditMeta } from '../../platform/audit'
import { atShanghai } from '../../platform/clock'
import { AppError } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { assertOrgInScope, inSubtree } from '../../platform/scope'
import { CLOCK_STATUSES, OPEN_STATUSES, receiptDay } from './disclosure.deadline'
import { toSummary } from './disclosure.mapper'
import { createRequest, loadView } from './disclosure.service'
import { withOrg } from './disclosure.types'

type Query = ParsedRequest<Contract['listStaffDisclosures']>['query']
type Recorded = ParsedRequest<Contract['recordDisclosure']>['body']

export async function listQueue (deps: Deps, actor: StaffActor, query: Query) {
  const now = deps.clock.now()
  const overdue = { status: { in: [...CLOCK_STATUSES] }, dueAt: { lt: now } }
  const page = await paginate(query, { by: 'dueAt', dir: 'asc' }, (p) => deps.db.disclosure.findMany({
    where: {
      org: inSubtree(actor),
      AND: [
        query.status === 'OPEN' ? { status: { in: [...OPEN_STATUSES] } } : query.status ? { status: query.status } : {},
        query.overdue === true ? overdue : query.overdue === false ? { NOT: overdue } : {},
        p.where,
      ],
    },
    include: withOrg, orderBy: p.orderBy, take: p.take,
  }))
  return {
    items: page.items.map((d) => toSummary(d, now, 'staff')),
    nextCursor: page.nextCursor,
  }
}

/** In person: received the day it is handed in; by post: the day the office signs for it (next working day if closed). */
export async function recordApplication (deps: Deps, actor: StaffActor, body: Recorded, meta: AuditMeta) {
  await assertOrgInScope(deps.db, actor, body.orgId)
  const today = deps.clock.today()
  if (body.receivedDate > today) {
    throw new AppError('VALIDATION_FAILED', '提交的信息有误：收到日期不能晚于今天', [{ path: 'receivedDate', message: '收到日期不能晚于今天' }])
  }
  const day = receiptDay(deps.calendar, atShanghai(body.receivedDate))
  const receivedAt = day === today ? deps.clock.now() : atShanghai(day)
  const { channel, receivedDate: _d, ...input } = body
  const id = await createRequest(deps, input, { channel, receivedAt, residentId: null }, actor, meta)
  return loadView(deps, { id, org: inSubtree(actor) }, 'staff')
}
