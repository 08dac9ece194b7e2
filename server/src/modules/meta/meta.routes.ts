import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { AppError } from '../../platform/errors'
import { pendingMigrations } from '../../platform/migrate'

export function metaRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.getHealth, async () => ({ status: 'ok' as const }))
  mountContract(router, deps, contract.getReady, async () => {
    try {
      await deps.db.$queryRawUnsafe('SELECT 1')
    } catch {
      throw new AppError('INTERNAL', '数据库不可用', undefined, 503)
    }
    const pending = await pendingMigrations(deps.db, deps.config.provider)
    if (pending.length) throw new AppError('INTERNAL', '数据库迁移尚未完成', { pending }, 503)
    return { status: 'ready' as const, database: deps.config.provider }
  })
}
