// The per-app event bus: emit() hands the payload to the listeners of the module manifests. Each listener runs
// one event after another (a queue per listener), errors are logged, and idle() waits for the queued work.
import type { Logger } from 'pino'
import type { AppEvents, Deps, EventBus } from './types'
import type { Listeners } from './module'

type Fn = (deps: Deps, payload: unknown) => void | Promise<void>

export class Events implements EventBus {
  private queues = new Map<Fn, Promise<void>>()
  private deps: Deps | null = null
  constructor (private listeners: readonly Listeners[], private log: Logger) {}

  /** Called once by the composition root, when the Deps the listeners get exist. */
  attach (deps: Deps): void { this.deps = deps }

  emit<E extends keyof AppEvents> (event: E, payload: AppEvents[E]): void {
    const deps = this.deps
    if (!deps) throw new Error('event bus not attached')
    for (const l of this.listeners) {
      const fn = l[event] as Fn | undefined
      if (!fn) continue
      const next = (this.queues.get(fn) ?? Promise.resolve())
        .then(() => fn(deps, payload))
        .catch((err) => this.log.error({ err, event }, 'event listener failed'))
      this.queues.set(fn, next)
    }
  }

  async idle (): Promise<void> { await Promise.all([...this.queues.values()]) }
}
