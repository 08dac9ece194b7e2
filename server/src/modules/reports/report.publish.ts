// Publishing: the approved report becomes a 年度报告 notice of its org (published at once; the report was reviewed),
// whose body is the report and links the .docx. The notice cache is bumped like any notice change.
import type { Deps, StaffActor } from '../../platform/types'
import { AppError, invalidState } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { bumpNoticeVersion, noticeRuntime } from '../notices/notice.cache'
import { autoSummary, buildSearchText, sanitizeBody } from '../notices/notice.text'
import { loadReport, reportView } from './report.service'
import { reportHtml } from './report.output'

export const documentUrl = (id: string) => `/api/v1/annual-reports/${id}/document`

export async function publishReport (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const r = await loadReport(deps, actor, id)
  if (r.status !== 'APPROVED') throw invalidState(r.status === 'PUBLISHED' ? '该年度报告已发布' : '年度报告须经审核通过后才能发布')
  const view = await reportView(deps, actor, r)
  const body = sanitizeBody(reportHtml(view, documentUrl(id)))
  const summary = autoSummary(body)
  const now = deps.clock.now()
  const noticeId = await deps.db.$transaction(async (tx) => {
    const n = await tx.notice.create({
      data: {
        orgId: r.orgId, category: '年度报告', title: view.title, summary, body, searchText: buildSearchText(view.title, summary, body),
        status: 'PUBLISHED', authorId: r.authorId, reviewerId: actor.id, publishedAt: now, createdAt: now,
      },
    })
    const u = await tx.annualReport.updateMany({ where: { id, version: r.version, status: 'APPROVED' }, data: { status: 'PUBLISHED', publishedAt: now, noticeId: n.id, version: { increment: 1 } } })
    if (u.count !== 1) throw new AppError('CONFLICT', '年度报告状态刚刚发生变化，请刷新后重试')
    await bumpNoticeVersion(tx)
    await audit(tx, actor, { action: 'annualReport.publish', targetType: 'AnnualReport', targetId: id, orgId: r.orgId, detail: { year: r.year, noticeId: n.id } }, meta)
    return n.id
  })
  noticeRuntime(deps).changed([noticeId])
  return reportView(deps, actor, await loadReport(deps, actor, id))
}

/** The .docx of a published report, for anyone (the notice links it); else 404. */
export async function publishedReport (deps: Deps, id: string) {
  const r = await deps.db.annualReport.findFirst({ where: { id, status: 'PUBLISHED' }, include: { org: { select: { name: true } } } })
  if (!r) return null
  // Read as the org's own view: an actor scoped to the report's org (read-only use).
  const org = await deps.db.org.findUnique({ where: { id: r.orgId }, select: { path: true } })
  const reader: StaffActor = { kind: 'staff', id: '', sessionId: '', name: '', username: '', roles: [], orgId: r.orgId, orgPath: org!.path, hallId: null }
  return reportView(deps, reader, r)
}
