// Rule settings of PRODUCT.md (marked "config"), with their defaults. Stored per group in the Setting table.
import { z } from 'zod'
import './locale'

const int = (min: number, max: number) => z.number({ error: '必须是数字' }).int('必须是整数').min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`)

const groups = {
  booking: z.object({
    maxWorkdaysAhead: int(1, 60), cancelCutoffHours: int(0, 72), noShowLimit: int(1, 20), noShowWindowDays: int(1, 365), suspensionDays: int(1, 365),
  }),
  rating: z.object({ windowDays: int(1, 90), rectificationWorkdays: int(1, 60) }),
  consultation: z.object({ consultWorkdays: int(1, 60), complaintWorkdays: int(1, 60), suggestionWorkdays: int(1, 60), autoCloseDays: int(1, 90) }),
  // correctionAnswerWorkdays: the period given to the applicant to supply a 补正 (逾期不补正 ends the request).
  disclosure: z.object({ replyWorkdays: int(1, 60), extensionWorkdays: int(1, 60), correctionWorkdays: int(1, 30), thirdPartyMaxWorkdays: int(1, 60), correctionAnswerWorkdays: int(1, 60) }),
  auth: z.object({ lockoutThreshold: int(3, 20), lockoutMinutes: int(1, 1440), staffTokenHours: int(1, 72), staffIdleMinutes: int(5, 480), residentTokenDays: int(1, 90) }),
  privacy: z.object({ version: z.string().regex(/^[\w.-]{1,20}$/, '版本号格式不正确') }),
  retention: z.object({ auditMonths: int(6, 120) }),
  /** Requests allowed per client in each window (a 429 with Retry-After beyond it). */
  /**
   * 服务大厅: a checked-in appointment ranks at its slot start (ahead of walk-ins who came after it) when checked in at
   * most appointmentGraceMinutes after the start (0: no priority, it ranks at check-in); the 评价器 rates a service
   * up to raterMinutes after 办结; residents get a message when nearAhead are ahead; ticketHours is used for halls
   * whose opening hours name no times.
   */
  hall: z.object({
    appointmentGraceMinutes: int(0, 480), raterMinutes: int(1, 120), nearAhead: int(1, 20),
    ticketHours: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d(,([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)*$/, '格式如 08:30-12:00,14:30-17:30'),
  }),
  rateLimits: z.object({
    loginPerMinute: int(3, 1000), staffLoginPer15Minutes: int(3, 100), bookingsPerMinute: int(1, 1000),
    submissionsPerHour: int(1, 1000), uploadsPerHour: int(1, 10000),
  }),
}

/** The complete settings (every response carries all groups). */
export const settingsSchema = z.object(groups)
export type Settings = z.output<typeof settingsSchema>
export type SettingGroup = keyof Settings
export const settingGroups = Object.keys(groups) as SettingGroup[]

/** A change: any groups, any fields of a group; the rest stays as it is. */
export const settingsPatchSchema = z.object({
  booking: groups.booking.partial().optional(),
  rating: groups.rating.partial().optional(),
  consultation: groups.consultation.partial().optional(),
  disclosure: groups.disclosure.partial().optional(),
  auth: groups.auth.partial().optional(),
  privacy: groups.privacy.partial().optional(),
  retention: groups.retention.partial().optional(),
  rateLimits: groups.rateLimits.partial().optional(),
  hall: groups.hall.partial().optional(),
}).strict()
export type SettingsPatch = z.output<typeof settingsPatchSchema>

export const defaultSettings: Settings = {
  booking: { maxWorkdaysAhead: 7, cancelCutoffHours: 2, noShowLimit: 2, noShowWindowDays: 30, suspensionDays: 30 },
  rating: { windowDays: 7, rectificationWorkdays: 15 },
  consultation: { consultWorkdays: 3, complaintWorkdays: 5, suggestionWorkdays: 10, autoCloseDays: 7 },
  disclosure: { replyWorkdays: 20, extensionWorkdays: 20, correctionWorkdays: 7, thirdPartyMaxWorkdays: 15, correctionAnswerWorkdays: 15 },
  auth: { lockoutThreshold: 5, lockoutMinutes: 15, staffTokenHours: 12, staffIdleMinutes: 30, residentTokenDays: 30 },
  privacy: { version: '2026-11' },
  retention: { auditMonths: 6 },
  hall: { appointmentGraceMinutes: 30, raterMinutes: 10, nearAhead: 3, ticketHours: '08:30-12:00,14:30-17:30' },
  rateLimits: { loginPerMinute: 10, staffLoginPer15Minutes: 10, bookingsPerMinute: 20, submissionsPerHour: 10, uploadsPerHour: 30 },
}

/** Defaults overlaid with stored values, group by group; a stored group that no longer validates falls back. */
export function mergeSettings (base: Settings, patch: Partial<Record<SettingGroup, unknown>>): Settings {
  const out = { ...base } as Record<SettingGroup, unknown>
  for (const k of settingGroups) {
    const p = patch[k]
    if (!p || typeof p !== 'object') continue
    const merged = groups[k].safeParse({ ...(base[k] as object), ...(p as object) })
    if (merged.success) out[k] = merged.data
  }
  return out as Settings
}
