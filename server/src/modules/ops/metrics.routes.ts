// GET /metrics: Prometheus text format. With METRICS_TOKEN set it needs `Authorization: Bearer <token>`; without it,
// only direct requests from loopback or private addresses are answered (a request relayed by a proxy, i.e. carrying
// X-Forwarded-For, is refused, so a public reverse proxy cannot expose it by accident).
import crypto from 'node:crypto'
import net from 'node:net'
import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppContext, AppState, Deps } from '../../platform/types'
import { mountContract, Raw } from '../../platform/http'
import { AppError } from '../../platform/errors'
import { metrics } from '../../platform/metrics'
import { pendingMigrations } from '../../platform/migrate'

const internal = new net.BlockList()
internal.addSubnet('127.0.0.0', 8, 'ipv4')
internal.addSubnet('10.0.0.0', 8, 'ipv4')
internal.addSubnet('172.16.0.0', 12, 'ipv4')
internal.addSubnet('192.168.0.0', 16, 'ipv4')
internal.addAddress('::1', 'ipv6')
internal.addSubnet('fc00::', 7, 'ipv6')
internal.addSubnet('fe80::', 10, 'ipv6')

export function isInternalAddress (address: string | undefined): boolean {
  if (!address) return false
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (v4) return internal.check(v4, 'ipv4')
  return net.isIPv4(address) ? internal.check(address, 'ipv4') : net.isIPv6(address) ? internal.check(address, 'ipv6') : false
}

function authorizeScrape (token: string | undefined, ctx: AppContext): void {
  if (token) {
    const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(ctx.get('Authorization'))?.[1] ?? '')
    const want = Buffer.from(token)
    if (given.length !== want.length || !crypto.timingSafeEqual(given, want)) throw new AppError('UNAUTHENTICATED', '需要正确的监控令牌（METRICS_TOKEN）')
    return
  }
  if (ctx.get('X-Forwarded-For') || !isInternalAddress(ctx.req.socket.remoteAddress)) {
    throw new AppError('FORBIDDEN', '监控指标仅允许本机或内网直接访问；如需经代理访问请设置 METRICS_TOKEN')
  }
}

/** Cheap count queries, run at scrape time. */
async function collectDbGauges (deps: Deps): Promise<void> {
  const { db } = deps
  const now = deps.clock.now()
  try {
    const [backlog, oldest, consultations, rectifications, disclosures, pending] = await Promise.all([
      db.notification.count({ where: { deliveryState: 'PENDING' } }),
      db.notification.findFirst({ where: { deliveryState: 'PENDING' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
      db.consultation.count({ where: { status: { in: ['SUBMITTED', 'ASSIGNED'] }, dueAt: { lt: now } } }),
      db.rectification.count({ where: { status: { not: 'CLOSED' }, dueAt: { lt: now } } }),
      // The statuses in which the reply clock runs (disclosure.deadline.ts CLOCK_STATUSES).
      db.disclosure.count({ where: { status: { in: ['RECEIVED', 'EXTENDED', 'PAUSED'] }, dueAt: { lt: now } } }),
      pendingMigrations(db, deps.config.provider),
    ])
    metrics.outboxBacklog.set(backlog)
    metrics.outboxOldestSeconds.set(oldest ? Math.max(0, (now.getTime() - oldest.createdAt.getTime()) / 1000) : 0)
    metrics.consultationsOverdue.set(consultations)
    metrics.rectificationsOverdue.set(rectifications)
    metrics.disclosuresOverdue.set(disclosures)
    metrics.migrationsPending.set(pending.length)
    metrics.databaseUp.set(1)
  } catch (err) {
    deps.log.warn({ err }, '监控指标：数据库查询失败')
    metrics.databaseUp.set(0)
  }
}

export function metricsRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.getMetrics, async (_req, c) => {
    authorizeScrape(deps.config.metricsToken, c.koa)
    await collectDbGauges(deps)
    c.setHeader('Cache-Control', 'no-store')
    return new Raw(await metrics.registry.metrics(), metrics.registry.contentType)
  })
}
