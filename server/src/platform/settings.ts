// Rule settings (PRODUCT.md "config"): defaults from the shared schema, overrides in the Setting table, cached.
import { settingsSchema, type Settings } from '@bianmin/shared'
import type { Db } from './db'

export class SettingsStore {
  private cache: Settings | null = null
  private loadedAt = 0
  constructor (private db: Db, private ttlMs = 5_000) {}

  async get (): Promise<Settings> {
    if (this.cache && Date.now() - this.loadedAt < this.ttlMs) return this.cache
    const rows = await this.db.setting.findMany()
    const raw: Record<string, unknown> = {}
    for (const r of rows) raw[r.key] = r.value
    const parsed = settingsSchema.safeParse(raw)
    this.cache = parsed.success ? parsed.data : settingsSchema.parse({})
    this.loadedAt = Date.now()
    return this.cache
  }

  async update (patch: Partial<Record<keyof Settings, unknown>>, staffId: string | null): Promise<Settings> {
    const current = await this.get()
    const next = settingsSchema.parse({ ...current, ...patch })
    for (const key of Object.keys(patch) as (keyof Settings)[]) {
      const value = next[key] as object
      await this.db.setting.upsert({ where: { key }, create: { key, value, updatedById: staffId }, update: { value, updatedById: staffId } })
    }
    this.invalidate()
    return next
  }

  invalidate (): void { this.cache = null }
}
