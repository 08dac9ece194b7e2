// Annual reports (contract reports.ts) and the 好差评 public report.
import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract, Raw } from '../../platform/http'
import { notFound } from '../../platform/errors'
import * as svc from './report.service'
import { publishReport, publishedReport } from './report.publish'
import { reportCsv, reportDocx } from './report.output'
import { ratingReportCsv, ratingReportDocx, ratingReportOf } from './rating-report.service'
import { statsFilter } from '../ratings/rating.stats'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const disposition = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`

export function reportRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })
  mountContract(router, deps, contract.listAnnualReports, async ({ query }, c) => svc.listReports(deps, c.actor, query.orgId))
  mountContract(router, deps, contract.createAnnualReport, async ({ body }, c) => svc.createReport(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.getAnnualReportDraft, async ({ params }, c) => svc.reportView(deps, c.actor, await svc.loadReport(deps, c.actor, params.id)))
  mountContract(router, deps, contract.updateAnnualReport, async ({ params, body }, c) => svc.updateReport(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.submitAnnualReport, async ({ params }, c) =>
    svc.step(deps, c.actor, params.id, 'DRAFT', 'SUBMITTED', '提交审核', meta(c), { submittedAt: deps.clock.now(), reviewerId: null }))
  mountContract(router, deps, contract.returnAnnualReport, async ({ params, body }, c) =>
    svc.step(deps, c.actor, params.id, 'SUBMITTED', 'DRAFT', '退回', meta(c), { reviewerId: c.actor.id }, { reason: body.reason }))
  mountContract(router, deps, contract.approveAnnualReport, async ({ params }, c) =>
    svc.step(deps, c.actor, params.id, 'SUBMITTED', 'APPROVED', '审核', meta(c), { approvedAt: deps.clock.now(), reviewerId: c.actor.id }))
  mountContract(router, deps, contract.publishAnnualReport, async ({ params }, c) => publishReport(deps, c.actor, params.id, meta(c)))

  mountContract(router, deps, contract.exportAnnualReport, async ({ params, query }, c) => {
    const view = await svc.reportView(deps, c.actor, await svc.loadReport(deps, c.actor, params.id))
    if (query.format === 'csv') {
      c.setHeader('Content-Disposition', disposition(`annual-report-${view.year}.csv`, `${view.title}.csv`))
      return new Raw(reportCsv(view), 'text/csv; charset=utf-8')
    }
    c.setHeader('Content-Disposition', disposition(`annual-report-${view.year}.docx`, `${view.title}.docx`))
    return new Raw(await reportDocx(view), DOCX)
  })
  mountContract(router, deps, contract.getPublishedAnnualReportDocument, async ({ params }, c) => {
    const view = await publishedReport(deps, params.id)
    if (!view) throw notFound('年度报告')
    c.setHeader('Content-Disposition', disposition(`annual-report-${view.year}.docx`, `${view.title}.docx`))
    return new Raw(await reportDocx(view), DOCX)
  })

  mountContract(router, deps, contract.getRatingReport, async ({ query }) => ratingReportOf(deps, query))
  mountContract(router, deps, contract.exportRatingReport, async ({ query }, c) => {
    await statsFilter(deps, { orgId: query.orgId }, c.actor)
    const r = await ratingReportOf(deps, { ...query, orgId: query.orgId ?? c.actor.orgId })
    const ext = query.format
    c.setHeader('Content-Disposition', disposition(`rating-report.${ext}`, `${r.title}.${ext}`))
    return ext === 'csv' ? new Raw(ratingReportCsv(r), 'text/csv; charset=utf-8') : new Raw(await ratingReportDocx(r), DOCX)
  })
}
