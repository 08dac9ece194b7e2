// A resident's in-app messages (written by platform/outbox.ts notify(), delivered to WeChat by the outbox worker).
import type { ParsedRequest } from '@bianmin/shared'
import { contract } from '@bianmin/shared'
import type { Deps, ResidentActor } from '../../platform/types'
import { toIso } from '../../platform/clock'
import { notFound } from '../../platform/errors'
import { paginate } from '../../platform/paginate'

type ListQuery = ParsedRequest<typeof contract.listMessages>['query']

export async function listMessages (deps: Deps, actor: ResidentActor, query: ListQuery) {
  const where = { residentId: actor.id }
  const [page, unread] = await Promise.all([
    paginate(query, { by: 'createdAt', dir: 'desc' }, (p) =>
      deps.db.notification.findMany({ where: { ...where, ...p.where }, orderBy: p.orderBy, take: p.take })),
    deps.db.notification.count({ where: { ...where, readAt: null } }),
  ])
  return {
    items: page.items.map((n) => ({
      id: n.id, kind: n.kind, title: n.title, body: n.body, read: n.readAt !== null, createdAt: toIso(n.createdAt),
      page: typeof (n.data as { page?: unknown } | null)?.page === 'string' ? (n.data as { page: string }).page : null,
    })),
    nextCursor: page.nextCursor,
    unread,
  }
}

export async function readMessage (deps: Deps, actor: ResidentActor, id: string) {
  const r = await deps.db.notification.updateMany({ where: { id, residentId: actor.id, readAt: null }, data: { readAt: deps.clock.now() } })
  if (r.count === 0 && !(await deps.db.notification.findFirst({ where: { id, residentId: actor.id }, select: { id: true } }))) throw notFound('消息')
  return { ok: true as const }
}

export async function readAllMessages (deps: Deps, actor: ResidentActor) {
  await deps.db.notification.updateMany({ where: { residentId: actor.id, readAt: null }, data: { readAt: deps.clock.now() } })
  return { ok: true as const }
}
