import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as service from './privacy.service'

export function privacyRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.exportMyData, async (_req, c) => {
    c.setHeader('Content-Disposition', 'attachment; filename="my-data.json"')
    c.setHeader('Cache-Control', 'no-store')
    return service.exportMyData(deps, c.actor, { ip: c.ip, requestId: c.requestId })
  })

  mountContract(router, deps, contract.deleteMe, async (_req, c) =>
    service.eraseMe(deps, c.actor, { ip: c.ip, requestId: c.requestId }))
}
