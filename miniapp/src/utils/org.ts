import type { OrgNode } from '@bianmin/shared'

/** The first STREET in the org tree (depth first): the 街道 this app serves. */
export function findStreet (nodes: OrgNode[]): OrgNode | undefined {
  for (const n of nodes) {
    if (n.level === 'STREET') return n
    const found = findStreet(n.children)
    if (found) return found
  }
  return undefined
}
