import type { Disclosure, DisclosureEvent } from '../../generated/sqlite/client.js'

export type DisclosureRow = Disclosure & { org: { name: string } }
export type EventRow = DisclosureEvent
export type UploadRow = { id: string; mime: string; size: number; originalName: string | null }

/** What every read of a disclosure loads with it. */
export const withOrg = { org: { select: { name: true } } } as const
export const withDetail = { org: { select: { name: true } }, events: true } as const
