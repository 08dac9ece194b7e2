import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { listHalls, listOrgs } from './org.query'

export function orgRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listOrgs, async () => listOrgs(deps))
  mountContract(router, deps, contract.listHalls, async ({ query }) => listHalls(deps, query))
}
