// Rule settings of PRODUCT.md (marked "config"), with their defaults. Stored per key in the Setting table.
import { z } from 'zod'

const int = (min: number, max: number, def: number) => z.number().int().min(min).max(max).default(def)

export const settingsSchema = z.object({
  booking: z.object({
    maxWorkdaysAhead: int(1, 60, 7),
    cancelCutoffHours: int(0, 72, 2),
    noShowLimit: int(1, 20, 2),
    noShowWindowDays: int(1, 365, 30),
    suspensionDays: int(1, 365, 30),
  }).prefault({}),
  rating: z.object({
    windowDays: int(1, 90, 7),
    rectificationWorkdays: int(1, 60, 15),
  }).prefault({}),
  consultation: z.object({
    consultWorkdays: int(1, 60, 3),
    complaintWorkdays: int(1, 60, 5),
    suggestionWorkdays: int(1, 60, 10),
    autoCloseDays: int(1, 90, 7),
  }).prefault({}),
  disclosure: z.object({
    replyWorkdays: int(1, 60, 20),
    extensionWorkdays: int(1, 60, 20),
    correctionWorkdays: int(1, 30, 7),
    thirdPartyMaxWorkdays: int(1, 60, 15),
  }).prefault({}),
  auth: z.object({
    lockoutThreshold: int(3, 20, 5),
    lockoutMinutes: int(1, 1440, 15),
    staffTokenHours: int(1, 72, 12),
    staffIdleMinutes: int(5, 480, 30),
    residentTokenDays: int(1, 90, 30),
  }).prefault({}),
  privacy: z.object({ version: z.string().regex(/^[\w.-]{1,20}$/).default('2026-11') }).prefault({}),
  retention: z.object({ auditMonths: int(6, 120, 6) }).prefault({}),
})
export type Settings = z.output<typeof settingsSchema>
export const settingGroups = Object.keys(settingsSchema.shape) as (keyof Settings)[]
