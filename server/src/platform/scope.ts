// Org scoping: staff see and change only their org and the orgs below it (materialised path prefix). The one check:
// `inSubtree(actor)` in a Prisma where (relation filter on an Org), `orgPathIn(actor, path)` for a path in hand.
import type { Db } from './db'
import type { StaffActor } from './types'
import { notFound } from './errors'

/** Prisma filter on an org relation: the org is in the actor's subtree. */
export const inSubtree = (actor: StaffActor) => ({ path: { startsWith: actor.orgPath } })

export async function subtreeOrgIds (db: Db, actor: StaffActor): Promise<string[]> {
  const orgs = await db.org.findMany({ where: inSubtree(actor), select: { id: true } })
  return orgs.map((o) => o.id)
}

/** Throws NOT_FOUND (no existence leak) unless the org is in the actor's subtree. */
export async function assertOrgInScope (db: Db, actor: StaffActor, orgId: string): Promise<void> {
  const org = await db.org.findUnique({ where: { id: orgId }, select: { path: true } })
  if (!orgPathIn(actor, org?.path)) throw notFound('机构')
}

/** The org with this materialised path is the actor's org or below it (false for a missing path). */
export const orgPathIn = (actor: Pick<StaffActor, 'orgPath'>, path: string | null | undefined): boolean => !!path && path.startsWith(actor.orgPath)
