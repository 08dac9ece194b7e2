import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps, StaffActor } from '../../platform/types'
import { mountContract, Raw } from '../../platform/http'
import { notFound } from '../../platform/errors'
import { inSubtree } from '../../platform/scope'
import { workbenchCounters } from './workbench.service'
import { statsOverview } from './stats.service'
import { annualCsv, annualReport } from './annual.service'

/** A hall or service item named in a statistics query must be in the actor's subtree (else 404). */
async function checkDrillDown (deps: Deps, actor: StaffActor, q: { hallId?: string; serviceItemId?: string }): Promise<void> {
  if (q.hallId && !(await deps.db.hall.findFirst({ where: { id: q.hallId, org: inSubtree(actor) }, select: { id: true } }))) throw notFound('服务中心')
  if (q.serviceItemId && !(await deps.db.serviceItem.findFirst({ where: { id: q.serviceItemId, org: inSubtree(actor) }, select: { id: true } }))) throw notFound('事项')
}

export function workbenchRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.getWorkbench, async (_req, c) => workbenchCounters(deps, c.actor))

  mountContract(router, deps, contract.getStatsOverview, async ({ query }, c) => {
    await checkDrillDown(deps, c.actor, query)
    return statsOverview(deps, c.actor, query)
  })

  mountContract(router, deps, contract.getAnnualReport, async ({ query }, c) => {
    const report = await annualReport(deps, c.actor, query.year, query.orgId)
    if (query.format === 'csv') {
      c.setHeader('Content-Disposition', `attachment; filename="annual-report-${query.year}.csv"; filename*=UTF-8''${encodeURIComponent(`${report.orgName}${query.year}年度报告数据.csv`)}`)
      return new Raw(annualCsv(report), 'text/csv; charset=utf-8')
    }
    return report
  })
}
