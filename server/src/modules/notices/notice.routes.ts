import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as query from './notice.query'
import * as service from './notice.service'
import * as review from './notice.review'
import { autoSummary, sanitizeBody } from './notice.text'

export function noticeRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listNotices, async ({ query: q }) => query.listPublished(deps, q))

  mountContract(router, deps, contract.getNotice, async ({ params }) => query.getPublished(deps, params.id))

  mountContract(router, deps, contract.downloadNoticeAttachment, async ({ params }, c) => {
    const { raw, filename } = await query.attachmentFile(deps, params.id, params.attachmentId)
    c.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    c.setHeader('Cache-Control', 'public, max-age=300')
    return raw
  })

  mountContract(router, deps, contract.listStaffNotices, async ({ query: q }, c) => service.listStaffNotices(deps, c.actor, q))

  mountContract(router, deps, contract.getStaffNotice, async ({ params }, c) =>
    service.staffNotice(deps, deps.db, await service.loadInScope(deps.db, c.actor, params.id)))

  mountContract(router, deps, contract.previewNotice, async ({ body }) => {
    const clean = sanitizeBody(body.body)
    return { body: clean, summary: body.summary || autoSummary(clean) }
  })

  mountContract(router, deps, contract.createNotice, async ({ body }, c) =>
    service.createNotice(deps, c.actor, body, { ip: c.ip, requestId: c.requestId }))

  mountContract(router, deps, contract.updateNotice, async ({ params, body }, c) =>
    service.updateNotice(deps, c.actor, params.id, body, { ip: c.ip, requestId: c.requestId }))

  mountContract(router, deps, contract.submitNotice, async ({ params }, c) =>
    service.submitNotice(deps, c.actor, params.id, { ip: c.ip, requestId: c.requestId }))

  mountContract(router, deps, contract.approveNotice, async ({ params }, c) =>
    review.approveNotice(deps, c.actor, params.id, { ip: c.ip, requestId: c.requestId }))

  mountContract(router, deps, contract.rejectNotice, async ({ params, body }, c) =>
    review.rejectNotice(deps, c.actor, params.id, body.reason, { ip: c.ip, requestId: c.requestId }))

  mountContract(router, deps, contract.withdrawNotice, async ({ params, body }, c) =>
    review.withdrawNotice(deps, c.actor, params.id, body.reason, { ip: c.ip, requestId: c.requestId }))
}
