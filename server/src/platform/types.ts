// The types every layer shares (types only, no code): who is calling (Actor), Koa state, the transaction type and
// Deps — everything a service needs, built once per app by the composition root (deps.ts) and passed in.
import type { Context } from 'koa'
import type { Logger } from 'pino'
import type { Role } from '@bianmin/shared'
import type { Config } from './config'
import type { Db } from './db'
import type { Clock } from './clock'
import type { WorkCalendar } from './calendar'
import type { SettingsStore } from './settings'
import type { FieldCipher } from './crypto'
import type { RateLimits } from './ratelimit'
import type { WechatClient } from './wechat'

export type { Db }

/** consentVersion: the privacy notice version the resident accepted (null: none); suspendedUntil: read with the session. */
export type ResidentActor = { kind: 'resident'; id: string; sessionId: string; consentVersion: string | null; suspendedUntil?: Date | null }
export type StaffActor = {
  kind: 'staff'; id: string; sessionId: string; name: string; username: string; roles: Role[]; orgId: string; orgPath: string; hallId: string | null
  /** Signed in with a one-time password: only routes marked beforePasswordChange answer until it is changed. */
  mustChangePassword?: boolean
}
export type Actor = ResidentActor | StaffActor

export interface AppState {
  requestId: string
  log: Logger
  actor?: Actor
}
export type AppContext = Context & { state: AppState }

/** The client inside `db.$transaction(async (tx) => …)`; also accepted wherever `deps.db` is (use `Pick<Tx, 'x'>` for less). */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/**
 * Events between modules, name → payload. A module that emits one declares it here by augmentation:
 * `declare module '../../platform/types' { interface AppEvents { 'calendar.changed': string } }`;
 * listeners are declared in a module manifest (`listeners`).
 */
export interface AppEvents {
  /** A working-day override was set or cleared (the date). */
  'calendar.changed': string
}
export interface EventBus {
  emit<E extends keyof AppEvents> (event: E, payload: AppEvents[E]): void
  /** Resolves when every listener has handled what was emitted so far. */
  idle (): Promise<void>
}

/**
 * Per-app state of modules (caches, counters), one key per module name, built from each manifest's `state` factory
 * and closed by stop(). A module declares its key by augmentation:
 * `declare module '../../platform/types' { interface ModuleStates { notices: NoticeRuntime } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleStates {}
/** What a module's state may offer for shutdown (flush buffers, clear timers). */
export interface Closable { close?: () => Promise<void> | void }

export interface Deps {
  config: Config
  db: Db
  clock: Clock
  calendar: WorkCalendar
  settings: SettingsStore
  cipher: FieldCipher
  limits: RateLimits
  wechat: WechatClient
  log: Logger
  secretKey: Uint8Array
  /** Events to the listeners of the module manifests (e.g. calendar.changed → disclosure deadlines). */
  events: EventBus
  /** Module state, per app (e.g. `deps.state.notices`). */
  state: ModuleStates
}
