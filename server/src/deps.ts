// Everything a service needs, built once and passed in (no globals): db, clock, calendar, settings, logging …
import crypto from 'node:crypto'
import type { Logger } from 'pino'
import type { Config } from './platform/config'
import type { Db } from './platform/db'
import { Clock } from './platform/clock'
import { WorkCalendar } from './platform/calendar'
import { SettingsStore } from './platform/settings'
import { FieldCipher } from './platform/crypto'
import { RateLimits } from './platform/ratelimit'
import { createWechatClient, type WechatClient } from './platform/wechat'

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
  /** Hooks run after state changes that caches depend on (e.g. notices). */
  events: EventBus
}

export class EventBus {
  private handlers = new Map<string, ((payload: unknown) => void)[]>()
  on (event: string, fn: (payload: unknown) => void): void { this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]) }
  emit (event: string, payload?: unknown): void { for (const fn of this.handlers.get(event) ?? []) fn(payload) }
}

export async function buildDeps (config: Config, db: Db, log: Logger, overrides: Partial<Deps> = {}): Promise<Deps> {
  const calendar = new WorkCalendar(db)
  await calendar.load()
  const settings = new SettingsStore(db)
  return {
    config,
    db,
    clock: new Clock(config.clock),
    calendar,
    settings,
    cipher: new FieldCipher(config.phoneKey, config.previousPhoneKeys),
    limits: new RateLimits(config.rateLimits, () => settings.get()),
    wechat: createWechatClient(config.wechat),
    log,
    secretKey: new Uint8Array(crypto.createHash('sha256').update(`token:${config.tokenSecret}`).digest()),
    events: new EventBus(),
    ...overrides,
  }
}
