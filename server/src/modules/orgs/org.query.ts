// Public reads of the org tree and the halls (with their open windows).
import type { ParsedRequest } from '@bianmin/shared'
import { contract, type OrgNode } from '@bianmin/shared'
import type { Deps } from '../../platform/types'

export async function listOrgs (deps: Deps) {
  const orgs = await deps.db.org.findMany({ orderBy: [{ sort: 'asc' }, { name: 'asc' }] })
  const nodes = new Map<string, OrgNode>(orgs.map((o) => [o.id, { id: o.id, name: o.name, level: o.level, parentId: o.parentId, children: [] }]))
  const roots: OrgNode[] = []
  for (const o of orgs) {
    const n = nodes.get(o.id)!
    const parent = o.parentId ? nodes.get(o.parentId) : undefined
    if (parent) parent.children.push(n); else roots.push(n)
  }
  return { items: roots }
}

export async function listHalls (deps: Deps, query: ParsedRequest<typeof contract.listHalls>['query']) {
  const halls = await deps.db.hall.findMany({
    where: { active: true, ...(query.orgId ? { orgId: query.orgId } : {}) },
    include: { org: { select: { name: true } }, windows: { where: { active: true }, orderBy: { number: 'asc' } } },
    orderBy: { name: 'asc' },
  })
  return {
    items: halls.map((h) => ({
      id: h.id, orgId: h.orgId, orgName: h.org.name, name: h.name, address: h.address, phone: h.phone, openHours: h.openHours,
      windows: h.windows.map((w) => ({ id: w.id, name: w.name, number: w.number })),
    })),
  }
}
