// Reviewers: approve (publish, at once or at the scheduled time), reject with a reason, withdraw. The reviewer is never
// the author. 三同步: a 政策解读 and its 政策文件 are published together — approving one while the other is pending
// review publishes both at the same instant; approving one while the other is still a draft (or rejected) is refused.
import type { Deps, StaffActor, Tx } from '../../platform/types'
import { AppError, invalidState } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { change, loadInScope, statusLabel, type StaffNotice } from './notice.service'
import type { NoticeRow } from './notice.mapper'
import { fullSelect } from './notice.mapper'
import { inSubtree } from '../../platform/scope'
import { readingsOf } from './notice.links'

const selfReview = () => new AppError('FORBIDDEN', '不能审核自己起草的公告，请由其他审核人员审核')

/** The notices that must be published with `n` (its 文件 or its 解读), or a refusal explaining what to do first. */
async function partners (tx: Tx, provider: 'sqlite' | 'postgresql', actor: StaffActor, n: NoticeRow): Promise<{ pending: NoticeRow[]; notBefore: Date | null }> {
  const pending: NoticeRow[] = []
  let notBefore: Date | null = null
  if (n.category === '政策解读' && n.relatedNoticeId) {
    const doc = await tx.notice.findFirst({ where: { id: n.relatedNoticeId, org: inSubtree(actor) }, select: fullSelect })
    if (!doc || doc.status === 'WITHDRAWN') throw invalidState('该解读关联的政策文件已撤回或不存在，不能发布，请修改关联后重新提交')
    if (doc.status === 'PUBLISHED') notBefore = doc.publishedAt
    else if (doc.status === 'PENDING_REVIEW') pending.push(doc)
    else {
      throw invalidState(`按“三同步”要求，政策解读须与政策文件《${doc.title}》同步发布；该文件当前为“${statusLabel[doc.status]}”，请先提交文件审核，审核通过时两者一并发布`,
        { relatedNoticeId: doc.id, relatedStatus: doc.status })
    }
  }
  if (n.category === '政策文件') {
    const readings = await tx.notice.findMany({ where: { ...await readingsOf(tx, provider, n.id), status: { not: 'WITHDRAWN' } }, select: fullSelect })
    const blocking = readings.find((r) => r.status === 'DRAFT' || r.status === 'REJECTED')
    if (blocking) {
      throw invalidState(`按“三同步”要求，政策文件须与其解读《${blocking.title}》同步发布；该解读当前为“${statusLabel[blocking.status]}”，请先提交解读审核，审核通过时两者一并发布`,
        { relatedNoticeId: blocking.id, relatedStatus: blocking.status })
    }
    pending.push(...readings.filter((r) => r.status === 'PENDING_REVIEW'))
  }
  return { pending, notBefore }
}

export async function approveNotice (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta): Promise<StaffNotice> {
  const n = await loadInScope(deps.db, actor, id)
  if (n.status !== 'PENDING_REVIEW') throw invalidState(`${statusLabel[n.status]}的公告不能审核，只有待审核的公告可以发布`)
  if (n.authorId === actor.id) throw selfReview()
  return change(deps, async (tx) => {
    const { pending, notBefore } = await partners(tx, deps.config.provider, actor, n)
    const batch = [n, ...pending]
    if (batch.some((b) => b.authorId === actor.id)) throw new AppError('FORBIDDEN', '须一并发布的政策文件或解读是您起草的，不能由您审核，请由其他审核人员审核')
    // One publish instant for the whole batch: now, or the latest scheduled time among them (and never before the 文件).
    const now = deps.clock.now()
    const at = new Date(Math.max(now.getTime(), notBefore?.getTime() ?? 0, ...batch.map((b) => b.publishAt?.getTime() ?? 0)))
    for (const b of batch) {
      const r = await tx.notice.updateMany({
        where: { id: b.id, version: b.version, status: 'PENDING_REVIEW' },
        data: { status: 'PUBLISHED', reviewerId: actor.id, rejectReason: null, publishedAt: at, version: { increment: 1 } },
      })
      if (r.count !== 1) throw new AppError('CONFLICT', '公告状态刚刚发生变化，请刷新后重试')
      await audit(tx, actor, {
        action: 'notice.approve', targetType: 'Notice', targetId: b.id, orgId: b.orgId,
        detail: { title: b.title, publishedAt: at.toISOString(), scheduled: at > now, ...(batch.length > 1 ? { together: batch.map((x) => x.id) } : {}) },
      }, meta)
    }
    return { id, touched: batch.map((b) => b.id) }
  }, actor)
}

export async function rejectNotice (deps: Deps, actor: StaffActor, id: string, reason: string, meta: AuditMeta): Promise<StaffNotice> {
  const n = await loadInScope(deps.db, actor, id)
  if (n.status !== 'PENDING_REVIEW') throw invalidState(`${statusLabel[n.status]}的公告不能退回，只有待审核的公告可以退回`)
  if (n.authorId === actor.id) throw selfReview()
  return change(deps, async (tx) => {
    const r = await tx.notice.updateMany({
      where: { id, version: n.version, status: 'PENDING_REVIEW' },
      data: { status: 'REJECTED', reviewerId: actor.id, rejectReason: reason, version: { increment: 1 } },
    })
    if (r.count !== 1) throw new AppError('CONFLICT', '公告状态刚刚发生变化，请刷新后重试')
    await audit(tx, actor, { action: 'notice.reject', targetType: 'Notice', targetId: id, orgId: n.orgId, detail: { title: n.title, reason } }, meta)
    return { id, touched: [id] }
  }, actor)
}

/** Withdraws a published (or scheduled) notice; a 政策文件 takes its published 解读 with it. */
export async function withdrawNotice (deps: Deps, actor: StaffActor, id: string, reason: string | undefined, meta: AuditMeta): Promise<StaffNotice> {
  const n = await loadInScope(deps.db, actor, id)
  if (n.status !== 'PUBLISHED') throw invalidState(`${statusLabel[n.status]}的公告不能撤回，只有已发布的公告可以撤回`)
  return change(deps, async (tx) => {
    const readings = n.category === '政策文件'
      ? await tx.notice.findMany({ where: { ...await readingsOf(tx, deps.config.provider, id), status: 'PUBLISHED' }, select: fullSelect })
      : []
    const now = deps.clock.now()
    for (const b of [n, ...readings]) {
      const r = await tx.notice.updateMany({
        where: { id: b.id, version: b.version, status: 'PUBLISHED' },
        data: { status: 'WITHDRAWN', withdrawnAt: now, version: { increment: 1 } },
      })
      if (r.count !== 1) throw new AppError('CONFLICT', '公告状态刚刚发生变化，请刷新后重试')
      await audit(tx, actor, {
        action: 'notice.withdraw', targetType: 'Notice', targetId: b.id, orgId: b.orgId,
        detail: { title: b.title, ...(reason ? { reason } : {}), ...(b.id !== id ? { withDocument: id } : {}) },
      }, meta)
    }
    return { id, touched: [id, ...readings.map((r) => r.id)] }
  }, actor)
}
