import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as imports from './calendar.import'

/** 节假日安排 import (preview, save) and the calendar's data status for the workbench. */
export function calendarImportRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })
  mountContract(router, deps, contract.getCalendarStatus, async () => imports.calendarStatus(deps))
  mountContract(router, deps, contract.previewCalendarImport, async ({ body }) => {
    const { named: _n, slotIds: _s, ...preview } = await imports.previewImport(deps, body)
    return preview
  })
  mountContract(router, deps, contract.importCalendar, async ({ body }, c) => imports.applyImport(deps, c.actor, body, meta(c)))
}
