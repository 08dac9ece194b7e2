// Resources owned by resident A and by the demo street, for "someone else's resource answers 404" checks. Each
// resource kind (the path segment before the first :param) has a builder; built through the API where it exists.
import type { RouteDef } from '@bianmin/shared'
import { clientFor, type TestApp } from './app'
import type { Cast } from './actors'
import { demoOrgs } from './actors'
import { uploadPng } from './uploads'

/** "consultations" for /api/v1/staff/consultations/:id/assign; "consultations/public" for /api/v1/consultations/public/:id. */
export function resourceKind (path: string): string | null {
  const before = path.split('/:')[0]
  if (before === path) return null
  const segs = before!.replace(/^\/api\/v1\//, '').split('/').filter((s) => s !== 'staff')
  return segs.join('/')
}

export interface Fixture {
  /** Path parameter values that name the resource. */
  params: Record<string, string>
  /** RESIDENT: owned by resident A (others get 404); ORG: belongs to the demo street (other orgs get 404). */
  owner: 'RESIDENT' | 'ORG'
  /** Also private on public routes (signed/owner-only downloads). */
  private?: boolean
}

/** Kinds that have no owner: the answer for other actors is legitimately the same (reason printed with the matrix). */
export const ownerless: Record<string, string> = {
  calendar: 'the holiday calendar is one for the whole deployment (ADMIN only, no org)',
}

const TODAY = '2026-11-23'

/** Builds one fixture per resource kind (ids owned by resident A / the demo street). */
export async function buildFixtures (t: TestApp, cast: Cast): Promise<Record<string, Fixture>> {
  const { street } = await demoOrgs(t)
  const a = clientFor(t.url, cast.residentA.token!)
  const clerk = clientFor(t.url, cast.CLERK.token!)
  const editor = clientFor(t.url, cast.EDITOR.token!)
  const handler = clientFor(t.url, cast.HANDLER.token!)
  const out: Record<string, Fixture> = {}

  // Appointment today, checked in and done → rating (差评) → rectification → appeal.
  const item = (await t.anon('listServiceItems', { query: { q: 'HL-HJ-001' } })).items[0]!
  const slots = (await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: TODAY, to: TODAY } })).items
  const slot = slots.find((s) => s.start >= '10:00' && s.remaining > 1)!
  const done = await a('createAppointment', { body: { slotId: slot.id, serviceItemId: item.id, contactName: '李小梅', contactPhone: '13912345678' } })
  await clerk('checkInAppointment', { params: { id: done.id } })
  await clerk('completeAppointment', { params: { id: done.id } })
  const rating = await a('createRating', { body: { subjectType: 'APPOINTMENT', subjectId: done.id, level: 1, tags: [], comment: '等候时间太长，工作人员态度一般' } })
  const rectId = rating.rectification!.id
  const appeal = await handler('appealRating', { params: { id: rectId }, body: { reason: 'MISTAKEN', note: '居民误评，实际办理顺利' } })
  // A second, still booked appointment (another item, so the one-per-item-per-day rule holds).
  const item2 = (await t.anon('listServiceItems', { query: { q: 'HL-SB-001' } })).items[0] ?? (await t.anon('listServiceItems', {})).items.find((i) => i.id !== item.id && i.bookable)!
  const slot2 = (await t.anon('listServiceItemSlots', { params: { id: item2.id }, query: { from: '2026-11-24', to: '2026-11-24' } })).items.find((s) => s.remaining > 1)!
  const booked = await a('createAppointment', { body: { slotId: slot2.id, serviceItemId: item2.id, contactName: '李小梅', contactPhone: '13912345678' } })
  out.appointments = { params: { id: booked.id }, owner: 'RESIDENT' }
  out['ratings/subjects'] = { params: { subjectType: 'APPOINTMENT', subjectId: done.id }, owner: 'RESIDENT' }
  out.ratings = { params: { id: rating.id }, owner: 'RESIDENT' }
  out.rectifications = { params: { id: rectId }, owner: 'ORG' }
  out.appeals = { params: { id: appeal.id }, owner: 'ORG' }

  const messages = await a('listMessages', {})
  out.messages = { params: { id: messages.items[0]!.id }, owner: 'RESIDENT' }

  const c = await a('createConsultation', { body: { kind: 'CONSULT', orgId: street.id, title: '办理居住证咨询', content: '请问办理居住证需要带哪些材料？', allowPublish: false } })
  out.consultations = { params: { id: c.id }, owner: 'RESIDENT' }

  const d = await a('createDisclosure', { body: { applicantType: 'NATURAL_PERSON', orgId: street.id, description: '申请公开本街道2025年老旧小区改造项目的资金使用情况', form: 'ELECTRONIC', contactName: '李小梅', contactPhone: '13912345678', applicantIdNumber: '350203199001011234' } })
  out.disclosures = { params: { id: d.id }, owner: 'RESIDENT' }

  const hvItem = await t.deps.db.serviceItem.findFirstOrThrow({ where: { homeVisit: true, orgId: street.id } })
  const hv = await a('createHomeVisit', { body: { serviceItemId: hvItem.id, contactName: '李小梅', contactPhone: '13912345678', address: '湖里区东荣路22号3单元', reason: '行动不便，需要上门办理', preferredDays: ['2026-11-25'] } })
  out['home-visits'] = { params: { id: hv.id }, owner: 'RESIDENT' }

  out.uploads = { params: { id: await uploadPng(t.url, cast.residentA.token!) }, owner: 'RESIDENT', private: true }

  const notice = await editor('createNotice', { body: { title: '关于开展冬季消防安全检查的通知', category: '通知公告', body: '<p>各社区：请做好冬季消防安全检查工作。</p>' } })
  out.notices = { params: { id: notice.id, attachmentId: notice.id }, owner: 'ORG' }

  // Admin-managed rows of the demo street (from the seed).
  const hall = await t.deps.db.hall.findFirstOrThrow({ where: { orgId: street.id } })
  out.halls = { params: { id: hall.id }, owner: 'ORG' }
  out.windows = { params: { id: (await t.deps.db.window.findFirstOrThrow({ where: { hallId: hall.id } })).id }, owner: 'ORG' }
  out['hall-lines'] = { params: { id: (await t.deps.db.hallLine.findFirstOrThrow({ where: { hallId: hall.id } })).id }, owner: 'ORG' }
  out['slot-templates'] = { params: { id: (await t.deps.db.slotTemplate.findFirstOrThrow({ where: { hallId: hall.id } })).id }, owner: 'ORG' }
  out.slots = { params: { id: (await t.deps.db.slot.findFirstOrThrow({ where: { hallId: hall.id, date: '2026-11-26' } })).id }, owner: 'ORG' }
  out['service-items'] = { params: { id: item.id }, owner: 'ORG' }
  // A ticket resident A took in the app at the demo hall (staff of another street must not reach it either).
  const ticket = await a('createTicket', { body: { hallId: hall.id, serviceItemId: item.id } })
  out.tickets = { params: { id: ticket.id }, owner: 'RESIDENT' }
  out.accounts = { params: { id: cast.HANDLER.id! }, owner: 'ORG' }
  // The demo street's annual report draft (the public document route answers only once it is published).
  out['annual-reports'] = { params: { id: (await editor('createAnnualReport', { body: { year: 2026 } })).id }, owner: 'ORG' }
  return out
}

/** Path parameters of a route filled from a fixture (null when the fixture does not name them all). */
export function paramsFor (route: RouteDef, f: Fixture | undefined): Record<string, string> | null {
  if (!f) return null
  const names = [...route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]!)
  return names.every((n) => n in f.params) ? Object.fromEntries(names.map((n) => [n, f.params[n]!])) : null
}
