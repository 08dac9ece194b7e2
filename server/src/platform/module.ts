// A module declares itself once: its routes, scheduled jobs, demo seeds, event listeners and per-app state.
// The manifests are listed in modules/index.ts; boot, the admin CLI and the tests read everything from that list.
import type Router from '@koa/router'
import type { AppEvents, AppState, Closable, Deps, ModuleStates } from './types'
import type { JobDef } from './jobs'
import type { DemoSeeder } from './seed'

export type MountRoutes = (router: Router<AppState>, deps: Deps) => void
export type Listeners = { [E in keyof AppEvents]?: (deps: Deps, payload: AppEvents[E]) => void | Promise<void> }
/** A named module's state is the type it declared in ModuleStates (a module without a declared key has none). */
type StateOf<N extends string> = N extends keyof ModuleStates ? ModuleStates[N] & Closable : never

export interface ModuleDef {
  /** The contract domain it serves (= its folder). */
  name: string
  /** Mounts its contract routes (order inside the list matters: Koa matches in registration order). */
  routes?: MountRoutes
  /** Scheduled jobs (`defineJob`), started by boot. */
  jobs?: readonly JobDef[]
  /** Demo data, run once on a fresh demo database, in list order. */
  seeds?: readonly DemoSeeder[]
  /** Reactions to other modules' events (`deps.events.emit`). */
  listeners?: Listeners
  /** Per-app state, reachable as `deps.state[name]` (declare its type in ModuleStates); `close()` runs on stop(). */
  state?: (deps: Deps) => unknown
}

/** Declares a module. `state` must build the type the module declared for its name in ModuleStates. */
export function defineModule<const N extends string> (m: Omit<ModuleDef, 'name' | 'state'> & { name: N; state?: (deps: Deps) => StateOf<N> }): ModuleDef {
  return m
}

/** Everything the manifests declare, collected once (routes in list order, jobs and names checked for duplicates). */
export function collect (modules: readonly ModuleDef[]) {
  const seen = new Set<string>()
  for (const m of modules) {
    if (seen.has(m.name)) throw new Error(`module "${m.name}" is listed twice`)
    seen.add(m.name)
  }
  const jobs = modules.flatMap((m) => m.jobs ?? [])
  const names = jobs.map((j) => j.name)
  const dup = names.find((n, i) => names.indexOf(n) !== i)
  if (dup) throw new Error(`job "${dup}" is declared twice`)
  return {
    jobs,
    seeds: modules.flatMap((m) => m.seeds ?? []),
    listeners: modules.flatMap((m) => (m.listeners ? [m.listeners] : [])),
    mount: (router: Router<AppState>, deps: Deps) => { for (const m of modules) m.routes?.(router, deps) },
  }
}
