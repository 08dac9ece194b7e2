// Public 办事指南: list and search, detail with where it is handled and a QR code of the guide link, bookable slots.
import QRCode from 'qrcode'
import { h5PageUrl } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { addDays, toIso } from '../../platform/clock'
import { paginate } from '../../platform/paginate'
import { notFound } from '../../platform/errors'
import { bookingWindow, itemWindows, slotServesItem } from '../appointments/booking.rules'
import { guideFields, summaryView } from './service-item.mapper'

export interface ItemQuery { orgId?: string; category?: string; q?: string; bookable?: boolean; limit: number; cursor?: string }

export async function listItems (deps: Deps, query: ItemQuery) {
  const org = query.orgId ? await deps.db.org.findUnique({ where: { id: query.orgId }, select: { path: true } }) : null
  if (query.orgId && !org) throw notFound('机构')
  const base: Prisma.ServiceItemWhereInput = { active: true, ...(org ? { org: { path: { startsWith: org.path } } } : {}) }
  const where: Prisma.ServiceItemWhereInput = {
    ...base,
    ...(query.category ? { category: query.category } : {}),
    ...(query.bookable !== undefined ? { bookable: query.bookable } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { code: { contains: query.q } }, { description: { contains: query.q } }, { category: { contains: query.q } }] } : {}),
  }
  const [page, cats] = await Promise.all([
    paginate(query, { by: 'createdAt', dir: 'asc' }, (p) =>
      deps.db.serviceItem.findMany({ where: { ...where, AND: [p.where] }, include: { org: { select: { name: true } } }, orderBy: p.orderBy, take: p.take })),
    deps.db.serviceItem.findMany({ where: base, distinct: ['category'], select: { category: true }, orderBy: { category: 'asc' } }),
  ])
  return {
    items: page.items.map(summaryView),
    nextCursor: page.nextCursor,
    categories: cats.map((c) => c.category),
  }
}

export async function qrDataUrl (text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

export async function getItem (deps: Deps, id: string, origin: string) {
  const item = await deps.db.serviceItem.findFirst({ where: { id, active: true }, include: { org: { select: { name: true } } } })
  if (!item) throw notFound('事项')
  const windows = await deps.db.window.findMany({
    where: { active: true, hall: { active: true }, items: { some: { serviceItemId: id } } },
    include: { hall: true },
    orderBy: [{ hallId: 'asc' }, { number: 'asc' }],
  })
  const halls = new Map<string, { id: string; name: string; address: string; phone: string | null; openHours: string | null; windows: { id: string; name: string; number: string }[] }>()
  for (const w of windows) {
    const h = halls.get(w.hallId) ?? { id: w.hall.id, name: w.hall.name, address: w.hall.address, phone: w.hall.phone, openHours: w.hall.openHours, windows: [] }
    h.windows.push({ id: w.id, name: w.name, number: w.number })
    halls.set(w.hallId, h)
  }
  const guideUrl = h5PageUrl(origin, 'serviceDetail', { id })
  return { ...guideFields(item), halls: [...halls.values()], guideUrl, qrCode: await qrDataUrl(guideUrl) }
}

/** Bookable slots of an item: within the booking window, not past, not closed, on working days, where it is handled. */
export async function listItemSlots (deps: Deps, id: string, query: { from?: string; to?: string; hallId?: string }) {
  const item = await deps.db.serviceItem.findFirst({ where: { id, active: true }, select: { id: true, bookable: true } })
  if (!item) throw notFound('事项')
  const w = await bookingWindow(deps)
  const dates: string[] = []
  for (let d = w.today; d <= w.last; d = addDays(d, 1)) if (deps.calendar.isWorkday(d)) dates.push(d)
  const workdays = (await deps.settings.get()).booking.maxWorkdaysAhead
  if (!item.bookable) return { items: [], dates: [], workdays }
  const from = query.from && query.from > w.today ? query.from : w.today
  const to = query.to && query.to < w.last ? query.to : w.last
  if (from > to) return { items: [], dates, workdays }
  const where = await itemWindows(deps, id)
  const hallIds = [...where.hallIds].filter((h) => !query.hallId || h === query.hallId)
  const rows = await deps.db.slot.findMany({
    where: { hallId: { in: hallIds }, date: { gte: from, lte: to }, closed: false, startsAt: { gt: deps.clock.now() } },
    include: { hall: { select: { name: true } }, window: { select: { name: true } } },
    orderBy: [{ date: 'asc' }, { start: 'asc' }, { hallId: 'asc' }, { windowKey: 'asc' }],
  })
  return {
    dates, workdays,
    items: rows.filter((s) => deps.calendar.isWorkday(s.date) && slotServesItem(s, id, where)).map((s) => ({
      id: s.id, hallId: s.hallId, hallName: s.hall.name, windowId: s.windowId, windowName: s.window?.name ?? null,
      date: s.date, start: s.start, end: s.end, startsAt: toIso(s.startsAt), capacity: s.capacity, remaining: Math.max(0, s.capacity - s.booked),
    })),
  }
}
