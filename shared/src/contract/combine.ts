// Joins the domains' route tables into one. Two domains declaring the same route name would make one silently win
// in a spread: combine() refuses that twice — at compile time (the call does not type-check and names the key) and at
// start-up (throws, also for two names with one method + path, which Koa would shadow).
import type { RouteDef } from './route'

type Table = Record<string, RouteDef>
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
/** Route names declared by more than one table of the tuple. */
export type DuplicateNames<T extends readonly unknown[], Seen = never> =
  T extends readonly [infer H, ...infer R] ? Extract<keyof H, Seen> | DuplicateNames<R, Seen | keyof H> : never
type Merged<T extends readonly Table[]> = UnionToIntersection<T[number]> extends infer M ? { [K in keyof M]: M[K] } : never
type NoDuplicates<T extends readonly unknown[]> = [DuplicateNames<T>] extends [never] ? unknown : { duplicateRouteNames: DuplicateNames<T> }

export function combine<const T extends readonly Table[]> (...tables: T & NoDuplicates<T>): Merged<T> {
  const out: Table = {}
  const byPath = new Map<string, string>()
  for (const table of tables as readonly Table[]) {
    for (const [name, def] of Object.entries(table)) {
      if (Object.prototype.hasOwnProperty.call(out, name)) throw new Error(`contract: route name "${name}" is declared twice`)
      const at = `${def.method} ${def.path}`
      const other = byPath.get(at)
      if (other) throw new Error(`contract: ${at} is declared twice ("${other}" and "${name}")`)
      byPath.set(at, name)
      out[name] = def
    }
  }
  return out as Merged<T>
}
