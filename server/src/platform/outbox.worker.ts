// Outbox worker: delivers PENDING notifications through WeChat subscribe messages. Each row is leased with a
// conditional update (lockedUntil), so two instances never send the same row at once and a crash mid-send only
// delays it until the lease runs out (at-least-once). Failures retry with exponential backoff, then FAILED.
// Without a WeChat app (mock provider) or a template for the kind, the message stays in-app only: SKIPPED.
import type { Deps } from './types'
import { defineJob } from './jobs'
import { toIso } from './clock'

export interface DeliveryOptions { batch: number; leaseMs: number; maxAttempts: number; baseDelayMs: number }
export const deliveryDefaults: DeliveryOptions = { batch: 50, leaseMs: 60_000, maxAttempts: 5, baseDelayMs: 30_000 }

/** WeChat errors that no retry can fix: user has not subscribed (43101), bad openid (40003), bad template (40037). */
const PERMANENT = new Set([43101, 40003, 40037])

const cut = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s)

function templateData (n: { title: string; body: string; createdAt: Date; data: unknown }): Record<string, { value: string }> {
  const own = (n.data as { wx?: unknown } | null)?.wx
  if (own && typeof own === 'object') return own as Record<string, { value: string }>
  const t = toIso(n.createdAt)
  return { thing1: { value: cut(n.title, 20) }, thing2: { value: cut(n.body, 20) }, time3: { value: `${t.slice(0, 10)} ${t.slice(11, 16)}` } }
}

export interface DeliveryReport { sent: number; retried: number; failed: number; skipped: number }

export async function deliverOutbox (deps: Deps, opts: DeliveryOptions = deliveryDefaults): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 }
  const now = deps.clock.now()
  if (deps.wechat.mock) {
    const r = await deps.db.notification.updateMany({ where: { deliveryState: 'PENDING' }, data: { deliveryState: 'SKIPPED', lastError: '未配置微信小程序：仅站内消息' } })
    report.skipped = r.count
    return report
  }
  const templates = deps.config.wechat.templates ?? {}
  const free = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }
  const due = await deps.db.notification.findMany({
    where: { deliveryState: 'PENDING', nextAttemptAt: { lte: now }, ...free },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }], take: opts.batch,
    include: { resident: { select: { openid: true, deletedAt: true } } },
  })
  for (const n of due) {
    const lease = await deps.db.notification.updateMany({
      where: { id: n.id, deliveryState: 'PENDING', ...free },
      data: { lockedUntil: new Date(now.getTime() + opts.leaseMs), attempts: { increment: 1 } },
    })
    if (lease.count === 0) continue // another worker has it
    const templateId = templates[n.kind]
    if (!templateId || n.resident.deletedAt) {
      await deps.db.notification.update({ where: { id: n.id }, data: { deliveryState: 'SKIPPED', lockedUntil: null, lastError: templateId ? '用户已注销' : `未配置 ${n.kind} 的订阅消息模板` } })
      report.skipped++
      continue
    }
    const attempts = n.attempts + 1
    try {
      const page = typeof (n.data as { page?: unknown } | null)?.page === 'string' ? (n.data as { page: string }).page.replace(/^\//, '') : undefined
      await deps.wechat.sendSubscribeMessage({ openid: n.resident.openid, templateId, page, data: templateData(n) })
      await deps.db.notification.update({ where: { id: n.id }, data: { deliveryState: 'SENT', sentAt: deps.clock.now(), lockedUntil: null, lastError: null } })
      report.sent++
    } catch (err) {
      const message = String((err as Error)?.message ?? err).slice(0, 500)
      const code = Number(/error (\d+)/.exec(message)?.[1])
      const give = attempts >= opts.maxAttempts || PERMANENT.has(code)
      await deps.db.notification.update({
        where: { id: n.id },
        data: give
          ? { deliveryState: 'FAILED', lockedUntil: null, lastError: message }
          : { lockedUntil: null, lastError: message, nextAttemptAt: new Date(deps.clock.now().getTime() + opts.baseDelayMs * 2 ** (attempts - 1)) },
      })
      if (give) report.failed++; else report.retried++
      deps.log.warn({ notificationId: n.id, attempts, final: give, err: message }, '订阅消息发送失败')
    }
  }
  return report
}

/** Listed by the messages module. */
export const outboxJob = defineJob({ name: 'outbox.deliver', everyMs: 5_000, run: async (deps) => { await deliverOutbox(deps) } })
