import type { OrgNode } from '@bianmin/shared'

export interface OrgOption { id: string; name: string; depth: number }

function find (nodes: OrgNode[], id: string): OrgNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n
    const f = find(n.children, id)
    if (f) return f
  }
  return undefined
}

/** The org `rootId` and everything under it, depth first, for pickers (names indented by depth). */
export function subtreeOptions (tree: OrgNode[], rootId: string): OrgOption[] {
  const root = find(tree, rootId)
  if (!root) return []
  const out: OrgOption[] = []
  const walk = (n: OrgNode, depth: number) => {
    out.push({ id: n.id, name: n.name, depth })
    for (const c of n.children) walk(c, depth + 1)
  }
  walk(root, 0)
  return out
}

/** A picker line: the name indented with full-width spaces. */
export const indented = (o: OrgOption) => `${'　'.repeat(o.depth)}${o.name}`
