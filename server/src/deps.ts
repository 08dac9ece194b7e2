// The composition root's Deps: everything a service needs, built once per app and passed in (no globals) — db,
// clock, calendar, settings, logging, the event bus wired to the module manifests and each module's state.
import crypto from 'node:crypto'
import type { Logger } from 'pino'
import type { Config } from './platform/config'
import type { Db } from './platform/db'
import type { Closable, Deps, ModuleStates } from './platform/types'
import { Clock } from './platform/clock'
import { WorkCalendar } from './platform/calendar'
import { SettingsStore } from './platform/settings'
import { FieldCipher } from './platform/crypto'
import { RateLimits } from './platform/ratelimit'
import { createWechatClient } from './platform/wechat'
import { Events } from './platform/events'
import { collect, type ModuleDef } from './platform/module'
import { modules as allModules } from './modules/index'


export async function buildDeps (config: Config, db: Db, log: Logger, overrides: Partial<Deps> = {}, modules: readonly ModuleDef[] = allModules): Promise<Deps> {
  const calendar = new WorkCalendar(db)
  await calendar.load()
  const settings = new SettingsStore(db)
  const events = new Events(collect(modules).listeners, log)
  const deps: Deps = {
    config,
    db,
    clock: new Clock(config.clock),
    calendar,
    settings,
    cipher: new FieldCipher(config.phoneKey, config.previousPhoneKeys),
    limits: new RateLimits(config.rateLimits, () => settings.get(), config),
    wechat: createWechatClient(config.wechat),
    log,
    secretKey: new Uint8Array(crypto.createHash('sha256').update(`token:${config.tokenSecret}`).digest()),
    events,
    state: {} as ModuleStates,
    ...overrides,
  }
  events.attach(deps)
  const state = deps.state as unknown as Record<string, unknown>
  for (const m of modules) if (m.state && !(m.name in state)) state[m.name] = m.state(deps)
  return deps
}

/** On stop: waits for queued event listeners, then closes every module's state (flush buffers, clear timers). */
export async function closeDeps (deps: Deps): Promise<void> {
  if (deps.events instanceof Events) await deps.events.idle()
  for (const s of Object.values(deps.state as unknown as Record<string, Closable | undefined>)) {
    try { await s?.close?.() } catch (err) { deps.log.error({ err }, 'module state not closed cleanly') }
  }
  await deps.limits.close?.()
}
