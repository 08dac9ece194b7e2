// Helpers for the appointment tests: demo items and slots found through the public API, like the mini-program does.
import type { ApiCall } from '@bianmin/shared'
import type { TestApp } from './app'

/** Monday 2026-09-28, 08:00 in Shanghai: National Day week follows (10-01..10-07 off, Saturday 10-10 is a 调休 workday). */
export const MONDAY = '2026-09-28T08:00:00+08:00'

export async function demoItem (t: TestApp, code = 'HL-HJ-001') {
  const list = await t.anon('listServiceItems', { query: { q: code } })
  const item = list.items.find((i) => i.code === code)
  if (!item) throw new Error(`demo item ${code} not found`)
  return item
}

export async function slotsOf (t: TestApp, itemId: string, query: { from?: string; to?: string; hallId?: string } = {}) {
  return (await t.anon('listServiceItemSlots', { params: { id: itemId }, query })).items
}

/** A slot of the item on a date (the first one unless `start` is given). */
export async function slotOn (t: TestApp, itemId: string, date: string, start?: string) {
  const slot = (await slotsOf(t, itemId, { from: date, to: date })).find((s) => !start || s.start === start)
  if (!slot) throw new Error(`no slot for ${itemId} on ${date} ${start ?? ''}`)
  return slot
}

let phoneSeq = 0
export const testPhone = () => `139${String(10_000_000 + (phoneSeq++ * 7919) % 90_000_000).padStart(8, '0')}`

export function bookingBody (slot: { id: string }, item: { id: string }, extra: { contactName?: string; contactPhone?: string; note?: string } = {}) {
  return { slotId: slot.id, serviceItemId: item.id, contactName: extra.contactName ?? '李小梅', contactPhone: extra.contactPhone ?? testPhone(), ...(extra.note ? { note: extra.note } : {}) }
}

export async function book (call: ApiCall, slot: { id: string }, item: { id: string }, extra: Parameters<typeof bookingBody>[2] = {}) {
  return call('createAppointment', { body: bookingBody(slot, item, extra) })
}

/** Sets a slot's capacity straight in the database (test set-up only). */
export async function setCapacity (t: TestApp, slotId: string, capacity: number) {
  await t.deps.db.slot.update({ where: { id: slotId }, data: { capacity } })
}
