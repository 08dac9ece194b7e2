// Business lines (业务线, the number prefix of a ticket), opening hours for taking tickets, and the windows a
// ticket may be called by.
import type { Db, Tx } from '../../platform/types'
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

export const formatNumber = (prefix: string, seq: number): string => `${prefix}${String(seq).padStart(3, '0')}`

/** Next sequence of the hall's line today: one upsert that increments (the database orders concurrent takers). */
export async function nextSeq (tx: Tx, hallId: string, date: string, line: string): Promise<number> {
  const c = await tx.ticketCounter.upsert({
    where: { hallId_date_line: { hallId, date, line } },
    create: { hallId, date, line, last: 1 },
    update: { last: { increment: 1 } },
    select: { last: true },
  })
  return c.last
}

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
