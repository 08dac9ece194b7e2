// Rule settings (PRODUCT.md "config"): defaults from the shared schema, overrides in the Setting table, cached in
// process. Every instance checks a change counter (CacheVersion "settings", bumped by update) at most once a second
// with one primary-key read and reloads only when it moved, so a change made on one instance applies on all of them
// within about a second; the rows are re-read at least every minute regardless.
import { defaultSettings, mergeSettings, settingsSchema, type Settings, type SettingsPatch, type SettingGroup } from '@bianmin/shared'
import type { Db } from './db'
import { AppError, zodIssues } from './errors'

const VERSION = 'settings'

export class SettingsStore {
  private cache: Settings | null = null
  private version: number | null = null
  private checkedAt = 0
  private loadedAt = 0
  private pending: Promise<Settings> | null = null
  constructor (private db: Db, private checkMs = 1_000, private maxAgeMs = 60_000) {}

  async get (): Promise<Settings> {
    const now = Date.now()
    if (this.cache && now - this.checkedAt < this.checkMs) return this.cache
    this.pending ??= this.refresh(now).finally(() => { this.pending = null })
    return this.pending
  }

  private async refresh (now: number): Promise<Settings> {
    const row = await this.db.cacheVersion.findUnique({ where: { name: VERSION }, select: { version: true } })
    const version = row?.version ?? 0
    if (!this.cache || version !== this.version || now - this.loadedAt >= this.maxAgeMs) {
      const rows = await this.db.setting.findMany()
      this.cache = mergeSettings(defaultSettings, Object.fromEntries(rows.map((r) => [r.key, r.value])))
      this.loadedAt = now
    }
    this.version = version
    this.checkedAt = now
    return this.cache
  }

  async update (patch: SettingsPatch, staffId: string | null): Promise<Settings> {
    const current = await this.get()
    const candidate: Record<string, unknown> = { ...current }
    for (const [k, v] of Object.entries(patch)) if (v) candidate[k] = { ...(current[k as SettingGroup] as object), ...v }
    const parsed = settingsSchema.safeParse(candidate)
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', '设置值不合法', zodIssues(parsed.error))
    await this.db.$transaction(async (tx) => {
      for (const key of Object.keys(patch) as SettingGroup[]) {
        const value = parsed.data[key] as object
        await tx.setting.upsert({ where: { key }, create: { key, value, updatedById: staffId }, update: { value, updatedById: staffId } })
      }
      await tx.cacheVersion.upsert({ where: { name: VERSION }, create: { name: VERSION, version: 1 }, update: { version: { increment: 1 } } })
    })
    this.invalidate()
    return parsed.data
  }

  invalidate (): void { this.cache = null }
}
