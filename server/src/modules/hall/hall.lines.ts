// Business lines (业务线, the number prefix of a ticket), opening hours for taking tickets, and the windows a
// ticket may be called by.
import type { Db } from '../../platform/types'
import { shanghaiTime } from '../../platform/clock'

export interface Line { prefix: string; name: string }

/** The line that numbers an item's tickets in a hall: its configured line, else the hall's first line, else 综合. */
export async function lineFor (db: Pick<Db, 'hallLineItem' | 'hallLine'>, hall: { id: string; queuePrefix: string }, serviceItemId: string): Promise<Line> {
  const item = await db.hallLineItem.findUnique({ where: { hallId_serviceItemId: { hallId: hall.id, serviceItemId } }, select: { line: { select: { prefix: true, name: true } } } })
  if (item) return item.line
  const first = await db.hallLine.findFirst({ where: { hallId: hall.id }, orderBy: [{ sort: 'asc' }, { prefix: 'asc' }], select: { prefix: true, name: true } })
  return first ?? fallbackLine(hall.queuePrefix)
}

/** Appointments are numbered with the hall's own prefix (A007): walk-in lines must use another letter. */
export const fallbackLine = (appointmentPrefix: string): Line => ({ prefix: appointmentPrefix === 'Z' ? 'X' : 'Z', name: '综合' })

const periodRe = /([01]?\d|2[0-3])[:：]([0-5]\d)\s*[-–—~～至到]\s*([01]?\d|2[0-3])[:：]([0-5]\d)/g
const pad = (h: string) => h.padStart(2, '0')

/** Periods "HH:mm-HH:mm" named in the hall's opening hours text, else the default setting. */
export function ticketHours (openHours: string | null, fallback: string): string[] {
  const found = [...(openHours ?? '').matchAll(periodRe)].map((m) => `${pad(m[1]!)}:${m[2]}-${pad(m[3]!)}:${m[4]}`)
  return found.length ? found : fallback.split(',')
}

/** Why a resident cannot take a ticket now (Chinese), or null while the hall is open. */
export function closedReason (opts: { active: boolean; workday: boolean; hours: string[]; now: Date }): string | null {
  if (!opts.active) return '该服务中心暂停服务，暂不能取号'
  if (!opts.workday) return '今天不是工作日，服务中心不办公，请在工作日的办公时间内取号'
  const t = shanghaiTime(opts.now)
  if (opts.hours.some((p) => { const [from, to] = p.split('-'); return t >= from! && t < to! })) return null
  return `现在不在取号时间，请在办公时间（${opts.hours.join('、')}）内取号`
}

/** Windows of the hall that may call a ticket: the one it was transferred to, else every active window handling its item. */
export async function windowsFor (db: Pick<Db, 'window'>, t: { hallId: string; serviceItemId: string; transferredTo: string | null }): Promise<string[]> {
  if (t.transferredTo) return [t.transferredTo]
  return (await db.window.findMany({ where: { hallId: t.hallId, active: true, items: { some: { serviceItemId: t.serviceItemId } } }, select: { id: true } })).map((w) => w.id)
}

/** Items a window handles (what its call-next may take). */
export async function itemsOf (db: Pick<Db, 'windowServiceItem'>, windowIds: string[]): Promise<string[]> {
  if (!windowIds.length) return []
  return [...new Set((await db.windowServiceItem.findMany({ where: { windowId: { in: windowIds } }, select: { serviceItemId: true } })).map((r) => r.serviceItemId))]
}

export interface HallConfig {
  /** Active windows handling each active item. */
  windowsByItem: Map<string, string[]>
  itemsByWindow: Map<string, string[]>
  itemNames: Map<string, string>
  lineOf: (serviceItemId: string) => Line
}

/**
 * A hall's windows, their items and its lines, read once and kept for a few seconds on this instance (they change
 * only through the admin pages; the hot paths — taking tickets, places in the queue — read them on every request).
 */
export async function hallConfig (deps: { db: Db; state: { hall: { cached: <T>(k: string, ms: number, fn: () => Promise<T>) => Promise<T> } } }, hall: { id: string; queuePrefix: string }): Promise<HallConfig> {
  return deps.state.hall.cached(`config:${hall.id}`, 10_000, async () => {
    const [pairs, lines] = await Promise.all([
      deps.db.windowServiceItem.findMany({ where: { window: { hallId: hall.id, active: true }, serviceItem: { active: true } }, select: { windowId: true, serviceItemId: true, serviceItem: { select: { name: true } } } }),
      deps.db.hallLine.findMany({ where: { hallId: hall.id }, orderBy: [{ sort: 'asc' }, { prefix: 'asc' }], select: { prefix: true, name: true, items: { select: { serviceItemId: true } } } }),
    ])
    const windowsByItem = new Map<string, string[]>()
    const itemsByWindow = new Map<string, string[]>()
    const itemNames = new Map<string, string>()
    for (const p of pairs) {
      windowsByItem.set(p.serviceItemId, [...(windowsByItem.get(p.serviceItemId) ?? []), p.windowId])
      itemsByWindow.set(p.windowId, [...(itemsByWindow.get(p.windowId) ?? []), p.serviceItemId])
      itemNames.set(p.serviceItemId, p.serviceItem.name)
    }
    const byItem = new Map<string, Line>()
    for (const l of lines) for (const i of l.items) byItem.set(i.serviceItemId, { prefix: l.prefix, name: l.name })
    const def: Line = lines[0] ? { prefix: lines[0].prefix, name: lines[0].name } : fallbackLine(hall.queuePrefix)
    return { windowsByItem, itemsByWindow, itemNames, lineOf: (id) => byItem.get(id) ?? def }
  })
}
