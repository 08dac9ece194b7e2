// Rule settings (PRODUCT.md "config"): defaults from the shared schema, overrides in the Setting table, cached.
import { defaultSettings, mergeSettings, settingsSchema, type Settings, type SettingsPatch, type SettingGroup } from '@bianmin/shared'
import type { Db } from './db'
import { AppError, zodIssues } from './errors'

export class SettingsStore {
  private cache: Settings | null = null
  private loadedAt = 0
  constructor (private db: Db, private ttlMs = 5_000) {}

  async get (): Promise<Settings> {
    if (this.cache && Date.now() - this.loadedAt < this.ttlMs) return this.cache
    const rows = await this.db.setting.findMany()
    this.cache = mergeSettings(defaultSettings, Object.fromEntries(rows.map((r) => [r.key, r.value])))
    this.loadedAt = Date.now()
    return this.cache
  }

  async update (patch: SettingsPatch, staffId: string | null): Promise<Settings> {
    const current = await this.get()
    const candidate: Record<string, unknown> = { ...current }
    for (const [k, v] of Object.entries(patch)) if (v) candidate[k] = { ...(current[k as SettingGroup] as object), ...v }
    const parsed = settingsSchema.safeParse(candidate)
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', '设置值不合法', zodIssues(parsed.error))
    for (const key of Object.keys(patch) as SettingGroup[]) {
      const value = parsed.data[key] as object
      await this.db.setting.upsert({ where: { key }, create: { key, value, updatedById: staffId }, update: { value, updatedById: staffId } })
    }
    this.invalidate()
    return parsed.data
  }

  invalidate (): void { this.cache = null }
}
