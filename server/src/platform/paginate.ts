// Keyset pagination, one way for every list: order by one field (a Date, or a unique-ish string) then id, fetch
// limit + 1 rows, answer `nextCursor` when there are more. Opaque cursors (platform/cursor.ts); a bad one is a 400.
//
//   const page = await paginate(q, { by: 'createdAt', dir: 'desc' }, (p) =>
//     deps.db.consultation.findMany({ where: { residentId: actor.id, AND: [p.where] }, orderBy: p.orderBy, take: p.take }))
//   return { items: page.items.map(toView), nextCursor: page.nextCursor }
//
// `by` may name a field of a relation ('slot.startsAt'); the row then needs that relation loaded.
import { decodeCursor, encodeCursor } from './cursor'

export interface PageQuery { limit: number; cursor?: string }
export type SortDir = 'asc' | 'desc'

export interface Keyset {
  /** Field (or relation.field) to order by; ties are broken by id in the same direction. */
  by: string
  dir: SortDir
  /** Values of `by`: 'date' (default; Date columns) or 'string' (e.g. username). */
  kind?: 'date' | 'string'
}

export interface PageArgs {
  /** The keyset condition ({} on the first page): put it beside the list's own filters, e.g. `AND: [p.where]`. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  where: {}
  /** [{ by: dir }, { id: dir }] in Prisma's shape. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  orderBy: any[]
  take: number
}

export interface Page<T> { items: T[]; nextCursor: string | null }

const nest = (path: string[], leaf: unknown): Record<string, unknown> =>
  path.reduceRight<Record<string, unknown>>((inner, key, i) => (i === path.length - 1 ? { [key]: leaf } : { [key]: inner }), {})

function valueAt (row: unknown, path: string[]): unknown {
  let v: unknown = row
  for (const k of path) v = v == null ? undefined : (v as Record<string, unknown>)[k]
  return v
}

export async function paginate<T extends { id: string }> (q: PageQuery, key: Keyset, find: (p: PageArgs) => Promise<T[]>): Promise<Page<T>> {
  const kind = key.kind ?? 'date'
  const path = key.by.split('.')
  const cur = decodeCursor(q.cursor, kind)
  const op = key.dir === 'asc' ? 'gt' : 'lt'
  let where = {}
  if (cur) {
    const v = kind === 'date' ? new Date(cur.t) : cur.t
    where = { OR: [nest(path, { [op]: v }), { ...nest(path, v), id: { [op]: cur.id } }] }
  }
  const rows = await find({ where, orderBy: [nest(path, key.dir), { id: key.dir }], take: q.limit + 1 })
  const items = rows.slice(0, q.limit)
  const last = items[items.length - 1]
  const lastValue = last ? valueAt(last, path) : undefined
  const t = lastValue instanceof Date ? lastValue.toISOString() : typeof lastValue === 'string' ? lastValue : null
  return { items, nextCursor: rows.length > q.limit && last && t !== null ? encodeCursor({ t, id: last.id }) : null }
}
