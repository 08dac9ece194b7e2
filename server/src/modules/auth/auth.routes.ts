import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { AppError } from '../../platform/errors'
import { audit } from '../../platform/audit'
import * as service from './auth.service'

export function authRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.loginWechat, async ({ body }, c) => {
    await deps.limits.consume('login', `ip:${c.ip}`)
    return service.loginWechat(deps, body.code)
  })

  mountContract(router, deps, contract.loginStaff, async ({ body }, c) => {
    await deps.limits.consume('login', `ip:${c.ip}`)
    await deps.limits.consume('loginUser', `user:${body.username.toLowerCase()}`)
    return service.loginStaff(deps, body.username, body.password, { ip: c.ip, requestId: c.requestId })
  })

  mountContract(router, deps, contract.logout, async (_req, c) => {
    await deps.db.authSession.update({ where: { id: c.actor.sessionId }, data: { revokedAt: deps.clock.now() } })
    return { ok: true as const }
  })

  mountContract(router, deps, contract.getMe, async (_req, c) => {
    if (c.actor.kind === 'resident') {
      const r = await deps.db.resident.findUniqueOrThrow({ where: { id: c.actor.id } })
      return { type: 'resident' as const, resident: service.residentView(r) }
    }
    const s = await deps.db.staff.findUniqueOrThrow({ where: { id: c.actor.id }, include: { org: { select: { name: true } } } })
    return { type: 'staff' as const, staff: service.staffView(s) }
  })

  mountContract(router, deps, contract.updateMe, async ({ body }, c) => {
    const r = await deps.db.resident.update({ where: { id: c.actor.id }, data: body })
    return service.residentView(r)
  })

  mountContract(router, deps, contract.acceptPrivacy, async ({ body }, c) => {
    const current = (await deps.settings.get()).privacy.version
    if (body.version !== current) throw new AppError('CONFLICT', '隐私政策已更新，请阅读最新版本后再同意', { currentVersion: current })
    // Already accepted (e.g. agreed again through WeChat's privacy button): the first record stands.
    if (c.actor.consentVersion === body.version) return service.residentView(await deps.db.resident.findUniqueOrThrow({ where: { id: c.actor.id } }))
    const now = deps.clock.now()
    const [r] = await deps.db.$transaction([
      deps.db.resident.update({ where: { id: c.actor.id }, data: { consentVersion: body.version, consentAt: now } }),
      deps.db.privacyConsent.create({ data: { residentId: c.actor.id, version: body.version, acceptedAt: now } }),
    ])
    await audit(deps.db, c.actor, { action: 'privacy.consent', targetType: 'Resident', targetId: c.actor.id, detail: { version: body.version } }, { ip: c.ip, requestId: c.requestId })
    return service.residentView(r)
  })

  mountContract(router, deps, contract.changePassword, async ({ body }, c) =>
    service.changePassword(deps, c.actor, body.oldPassword, body.newPassword, { ip: c.ip, requestId: c.requestId }))
}
