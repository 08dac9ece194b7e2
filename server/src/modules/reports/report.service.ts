// Annual reports: an editor drafts (一、五、六 text, 二 and 四 tables), submits; a reviewer (never the author) returns
// or approves, then publishes it as a 年度报告 notice of the org. Staff act only inside their subtree (else 404);
// every change is audited in its transaction. 三 is always computed from the disclosures, never stored.
import type { z } from 'zod'
import {
  annualReportStatusLabels, type AnnualReportStatus, type annualReportView, type ProactiveTable, type ReviewsTable,
} from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { assertOrgInScope, inSubtree } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'
import { disclosureAnnualTable } from '../disclosures/disclosure.annual'
import { suggestedOverview } from './report.figures'

export type AnnualReportView = z.output<typeof annualReportView>
type Row = NonNullable<Awaited<ReturnType<Deps['db']['annualReport']['findFirst']>>>
type Texts = { overview: string; problems: string; other: string }

const zero3 = () => ({ issued: 0, repealed: 0, inForce: 0 })
const zero5 = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 })
export const emptyProactive = (): ProactiveTable => ({
  regulations: zero3(), normativeDocs: zero3(), licensing: { decisions: 0 }, penalty: { decisions: 0 }, enforcement: { decisions: 0 }, fees: { amount: 0 },
})
export const emptyReviews = (): ReviewsTable => ({ review: zero5(), litigationDirect: zero5(), litigationAfterReview: zero5() })
export const reportTitle = (orgName: string, year: number) => `${orgName}${year}年政府信息公开工作年度报告`

const selfReview = () => new AppError('FORBIDDEN', '不能审核自己起草的年度报告，请由其他审核人员审核')

export async function loadReport (deps: Deps, actor: StaffActor, id: string): Promise<Row & { org: { name: string } }> {
  const r = await deps.db.annualReport.findFirst({ where: { id, org: inSubtree(actor) }, include: { org: { select: { name: true } } } })
  if (!r) throw notFound('年度报告')
  return r
}

const readOnlyOf = (deps: Deps, r: { status: string; year: number }) =>
  r.status !== 'DRAFT' || r.year < Number(deps.clock.today().slice(0, 4)) - 1

export async function reportView (deps: Deps, actor: StaffActor, r: Row & { org: { name: string } }): Promise<AnnualReportView> {
  const staff = await deps.db.staff.findMany({ where: { id: { in: [r.authorId, r.reviewerId].filter((x): x is string => !!x) } }, select: { id: true, name: true } })
  const name = (i: string | null) => staff.find((s) => s.id === i)?.name ?? null
  const status = r.status as AnnualReportStatus
  const readOnly = readOnlyOf(deps, r)
  const has = (...roles: string[]) => roles.some((x) => actor.roles.includes(x as never))
  const next: AnnualReportView['nextActions'] = []
  if (status === 'DRAFT' && !readOnly && has('EDITOR', 'ADMIN')) next.push('save', 'submit')
  if (status === 'SUBMITTED' && has('REVIEWER', 'ADMIN') && r.authorId !== actor.id) next.push('return', 'approve')
  if (status === 'APPROVED' && has('REVIEWER', 'ADMIN')) next.push('publish')
  return {
    id: r.id, orgId: r.orgId, orgName: r.org.name, year: r.year, title: reportTitle(r.org.name, r.year), status, statusLabel: annualReportStatusLabels[status],
    texts: r.texts as Texts, suggested: { overview: await suggestedOverview(deps, actor, r.year, r.orgId) },
    proactive: r.proactive as ProactiveTable, reviews: r.reviews as ReviewsTable,
    disclosures: await disclosureAnnualTable(deps, await subtreeOf(deps, r.orgId), r.year),
    authorName: name(r.authorId), reviewerName: name(r.reviewerId),
    submittedAt: r.submittedAt?.toISOString() ?? null, approvedAt: r.approvedAt?.toISOString() ?? null, publishedAt: r.publishedAt?.toISOString() ?? null,
    noticeId: r.noticeId, version: r.version, readOnly, nextActions: next,
  }
}

async function subtreeOf (deps: Deps, orgId: string): Promise<string[]> {
  const org = await deps.db.org.findUnique({ where: { id: orgId }, select: { path: true } })
  return (await deps.db.org.findMany({ where: { path: { startsWith: org!.path } }, select: { id: true } })).map((o) => o.id)
}

export async function listReports (deps: Deps, actor: StaffActor, orgId?: string) {
  const org = orgId ?? actor.orgId
  await assertOrgInScope(deps.db, actor, org)
  const rows = await deps.db.annualReport.findMany({ where: { orgId: org }, orderBy: { year: 'desc' }, include: { org: { select: { name: true } } } })
  return {
    items: rows.map((r) => ({
      id: r.id, year: r.year, title: reportTitle(r.org.name, r.year), status: r.status as AnnualReportStatus,
      statusLabel: annualReportStatusLabels[r.status as AnnualReportStatus], publishedAt: r.publishedAt?.toISOString() ?? null, readOnly: readOnlyOf(deps, r),
    })),
  }
}

export async function createReport (deps: Deps, actor: StaffActor, input: { year: number; orgId?: string }, meta: AuditMeta) {
  const orgId = input.orgId ?? actor.orgId
  await assertOrgInScope(deps.db, actor, orgId)
  const thisYear = Number(deps.clock.today().slice(0, 4))
  if (input.year > thisYear) throw invalidState(`${input.year}年尚未开始，不能起草该年度的年度报告`)
  if (input.year < thisYear - 1) throw invalidState('只能起草本年度或上一年度的年度报告，更早的年度只能查看')
  if (await deps.db.annualReport.findUnique({ where: { orgId_year: { orgId, year: input.year } }, select: { id: true } })) {
    throw new AppError('CONFLICT', `${input.year}年度的年度报告已存在，请打开继续编辑`)
  }
  const overview = await suggestedOverview(deps, actor, input.year, orgId)
  const id = await deps.db.$transaction(async (tx) => {
    const r = await tx.annualReport.create({
      data: { orgId, year: input.year, texts: { overview, problems: '', other: '' }, proactive: emptyProactive(), reviews: emptyReviews(), authorId: actor.id, createdAt: deps.clock.now() },
    })
    await audit(tx, actor, { action: 'annualReport.create', targetType: 'AnnualReport', targetId: r.id, orgId, detail: { year: input.year } }, meta)
    return r.id
  })
  return reportView(deps, actor, await loadReport(deps, actor, id))
}

type UpdateInput = { version?: number; texts?: Partial<Texts>; proactive?: ProactiveTable; reviews?: ReviewsTable }

export async function updateReport (deps: Deps, actor: StaffActor, id: string, input: UpdateInput, meta: AuditMeta) {
  const r = await loadReport(deps, actor, id)
  if (readOnlyOf(deps, r)) throw invalidState(r.status === 'DRAFT' ? '往年的年度报告只能查看，不能修改' : `${annualReportStatusLabels[r.status as AnnualReportStatus]}的年度报告不能修改`)
  if (input.version !== undefined && input.version !== r.version) throw new AppError('CONFLICT', '该年度报告已被他人修改，请刷新后再编辑', { version: r.version })
  const texts = { ...(r.texts as Texts), ...(input.texts ?? {}) }
  await deps.db.$transaction(async (tx) => {
    const u = await tx.annualReport.updateMany({
      where: { id, version: r.version, status: 'DRAFT' },
      data: { texts, ...(input.proactive ? { proactive: input.proactive } : {}), ...(input.reviews ? { reviews: input.reviews } : {}), version: { increment: 1 } },
    })
    if (u.count !== 1) throw new AppError('CONFLICT', '该年度报告刚被他人修改或提交，请刷新后重试')
    await audit(tx, actor, { action: 'annualReport.update', targetType: 'AnnualReport', targetId: id, orgId: r.orgId, detail: { fields: Object.keys(input).filter((k) => k !== 'version') } }, meta)
  })
  return reportView(deps, actor, await loadReport(deps, actor, id))
}

/** One status step, guarded by the current status and version; audited. */
export async function step (deps: Deps, actor: StaffActor, id: string, from: AnnualReportStatus, to: AnnualReportStatus, action: string, meta: AuditMeta, extra: Record<string, unknown> = {}, detail: Record<string, unknown> = {}) {
  const r = await loadReport(deps, actor, id)
  if (r.status !== from) throw invalidState(`${annualReportStatusLabels[r.status as AnnualReportStatus]}的年度报告不能${action}`)
  if ((to === 'APPROVED' || (from === 'SUBMITTED' && to === 'DRAFT')) && r.authorId === actor.id) throw selfReview()
  await deps.db.$transaction(async (tx) => {
    const u = await tx.annualReport.updateMany({ where: { id, version: r.version, status: from }, data: { status: to, version: { increment: 1 }, ...extra } })
    if (u.count !== 1) throw new AppError('CONFLICT', '年度报告状态刚刚发生变化，请刷新后重试')
    await audit(tx, actor, { action: `annualReport.${to.toLowerCase()}`, targetType: 'AnnualReport', targetId: id, orgId: r.orgId, detail: { year: r.year, ...detail } }, meta)
  })
  return reportView(deps, actor, await loadReport(deps, actor, id))
}
