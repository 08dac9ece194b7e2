// Service item rows → response shapes.
import type { ServiceItemSummary } from '@bianmin/shared'
import { toIso } from '../../platform/clock'

export interface ServiceItemRow {
  id: string; code: string; name: string; category: string; orgId: string; description: string | null; conditions: string | null
  materials: unknown; legalBasis: string | null; timeLimitDays: number; legalLimitDays: number | null; feeFen: number; feeText: string | null
  fullyOnline: boolean; maxOneVisit: boolean; bookable: boolean; homeVisit: boolean; active: boolean; updatedAt: Date
  org: { name: string }
}

export const feeText = (feeFen: number, text: string | null): string =>
  text?.trim() ? text : feeFen === 0 ? '不收费' : `${(feeFen / 100).toFixed(2)} 元`

export const summaryView = (i: ServiceItemRow): ServiceItemSummary => ({
  id: i.id, code: i.code, name: i.name, category: i.category, orgId: i.orgId, orgName: i.org.name, description: i.description,
  timeLimitDays: i.timeLimitDays, feeFen: i.feeFen, feeText: feeText(i.feeFen, i.feeText),
  fullyOnline: i.fullyOnline, maxOneVisit: i.maxOneVisit, bookable: i.bookable, homeVisit: i.homeVisit,
})

type Material = { name: string; form?: 'ORIGINAL' | 'COPY' | 'BOTH'; copies?: number; note?: string }
const forms = new Set(['ORIGINAL', 'COPY', 'BOTH'])
export const materialsOf = (json: unknown): Material[] =>
  Array.isArray(json)
    ? json.filter((m): m is Material => typeof m === 'object' && m !== null && typeof (m as Material).name === 'string')
      .map((m) => ({
        name: m.name, ...(m.form && forms.has(m.form) ? { form: m.form } : {}), ...(typeof m.copies === 'number' ? { copies: m.copies } : {}),
        ...(typeof m.note === 'string' && m.note ? { note: m.note } : {}),
      }))
    : []

export const guideFields = (i: ServiceItemRow) => ({
  ...summaryView(i), conditions: i.conditions, materials: materialsOf(i.materials), legalBasis: i.legalBasis, legalLimitDays: i.legalLimitDays,
})

export const staffItemView = (i: ServiceItemRow) => ({ ...guideFields(i), active: i.active, updatedAt: toIso(i.updatedAt) })

export const idList = (json: unknown): string[] | null => (Array.isArray(json) ? json.filter((x): x is string => typeof x === 'string') : null)

/** A hall's business line (业务线) as the admin pages see it. */
export const lineView = (l: { id: string; hallId: string; prefix: string; name: string; sort: number; items: { serviceItemId: string }[] }) =>
  ({ id: l.id, hallId: l.hallId, prefix: l.prefix, name: l.name, sort: l.sort, serviceItemIds: l.items.map((i) => i.serviceItemId) })
