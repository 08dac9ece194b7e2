// GET /api/v1/privacy: the privacy notice version residents consent to (the server setting privacy.version).
import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { toIsoOrNull } from '../../platform/clock'

export function privacyNoticeRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.getPrivacyNotice, async () => {
    const [settings, row] = await Promise.all([
      deps.settings.get(),
      deps.db.setting.findUnique({ where: { key: 'privacy' }, select: { updatedAt: true } }),
    ])
    return { version: settings.privacy.version, updatedAt: toIsoOrNull(row?.updatedAt ?? null) }
  })
}
