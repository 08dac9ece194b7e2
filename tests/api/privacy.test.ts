// Personal data: phone numbers and addresses encrypted at rest (raw SQL over every table), logs free of tokens, phones
// and ID numbers, GET /api/v1/me/export (own data, own phone in clear) and DELETE /api/v1/me (erasure that keeps
// anonymised statistics and frees booked seats).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MyDataExport } from '@bianmin/shared'
import { clientFor, expectError, startTestApp, type TestApp } from '../support/app'
import { demoOrgs } from '../support/actors'
import { tableNames } from '../support/fixtures'
import { uploadPng } from '../support/uploads'

const MONDAY = '2026-11-23T09:00:00+08:00'
const PHONE_A = '13988887777'
const PHONE_B = '13766665555'
const ID_NUMBER = '350206199001011234'
const ID_NUMBER_B = '350206198502023456'
const ADDRESS = '湖里区金山街道秘密路99号'
let t: TestApp

beforeAll(async () => { t = await startTestApp({ clock: MONDAY, demo: true }) })
afterAll(async () => { await t?.close() })

/** Everything in the database as text, per table (every column of every row). */
async function dumpTables (): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of await tableNames(t)) {
    const rows = await t.deps.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`)
    out[name] = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))
  }
  return out
}
const dumpAll = async () => Object.values(await dumpTables()).join('\n')
/** Tables whose text contains the secret (after removing allowed occurrences). */
const tablesWith = (tables: Record<string, string>, secret: string, allowed: string[] = []) =>
  Object.entries(tables).filter(([, text]) => allowed.reduce((x, a) => x.replaceAll(a, ''), text).includes(secret)).map(([n]) => n)

async function slotOf (code: string, date: string) {
  const item = (await t.anon('listServiceItems', { query: { q: code } })).items.find((i) => i.code === code)!
  const slot = (await t.anon('listServiceItemSlots', { params: { id: item.id }, query: { from: date, to: date } })).items.find((s) => s.remaining > 0)!
  return { item, slot }
}

/** A resident with data in every domain: a booking, a done + rated appointment, a consultation, a disclosure, a home visit, an upload. */
async function busyResident (code: string, phone: string, idNumber: string) {
  const { street } = await demoOrgs(t)
  const r = await t.resident(code)
  const clerk = await t.staff('clerk')
  const today = await slotOf('HL-HJ-001', '2026-11-23')
  const done = await r.call('createAppointment', { body: { slotId: today.slot.id, serviceItemId: today.item.id, contactName: '王秘密', contactPhone: phone } })
  await clerk.call('checkInAppointment', { params: { id: done.id } })
  await clerk.call('completeAppointment', { params: { id: done.id } })
  const rating = await r.call('createRating', { body: { subjectType: 'APPOINTMENT', subjectId: done.id, level: 2, tags: [], comment: `请回电 ${phone}` } })
  const later = await slotOf('HL-HJ-001', '2026-11-25')
  const booked = await r.call('createAppointment', { body: { slotId: later.slot.id, serviceItemId: later.item.id, contactName: '王秘密', contactPhone: phone, note: '带老人一起' } })
  const hall = await t.deps.db.hall.findFirstOrThrow({ where: { name: '湖里街道便民服务中心' } })
  const ticket = await r.call('createTicket', { body: { hallId: hall.id, serviceItemId: today.item.id } })
  const imageId = await uploadPng(t.url, r.token)
  const consultation = await r.call('createConsultation', { body: { kind: 'COMPLAINT', orgId: street.id, title: '投诉窗口服务', content: `我的身份证号 ${idNumber}，电话 ${phone}`, imageIds: [imageId], allowPublish: false } })
  const disclosure = await r.call('createDisclosure', { body: { applicantType: 'NATURAL_PERSON', orgId: street.id, description: '申请公开本社区加装电梯补贴名单', form: 'ELECTRONIC', contactName: '王秘密', contactPhone: phone, applicantIdNumber: idNumber } })
  const hvItem = await t.deps.db.serviceItem.findFirstOrThrow({ where: { homeVisit: true, orgId: street.id } })
  const homeVisit = await r.call('createHomeVisit', { body: { serviceItemId: hvItem.id, contactName: '王秘密', contactPhone: phone, address: ADDRESS, reason: '卧床老人需要上门办理', preferredDays: ['2026-11-26'] } })
  return { r, done, rating, booked, later, consultation, disclosure, homeVisit, imageId, ticket }
}

describe('data protection', () => {
  let a: Awaited<ReturnType<typeof busyResident>>
  let b: Awaited<ReturnType<typeof busyResident>>
  beforeAll(async () => {
    a = await busyResident('privacy-a', PHONE_A, ID_NUMBER)
    b = await busyResident('privacy-b', PHONE_B, ID_NUMBER_B)
  })

  it('stores no phone number or address in plain text in any table', async () => {
    const all = await dumpAll()
    expect(all.length).toBeGreaterThan(10_000)
    // Free text the resident typed (a comment, a consultation) is theirs to write; contact fields must be ciphertext.
    const withoutFreeText = all.replaceAll(`请回电 ${PHONE_A}`, '').replaceAll(`请回电 ${PHONE_B}`, '').replaceAll(`电话 ${PHONE_A}`, '').replaceAll(`电话 ${PHONE_B}`, '')
    for (const secret of [PHONE_A, PHONE_B, ADDRESS]) expect(withoutFreeText).not.toContain(secret)
    const row = await t.deps.db.appointment.findUniqueOrThrow({ where: { id: a.booked.id } })
    expect(row.contactPhoneEnc).toMatch(/^v\d\./)
    expect(t.deps.cipher.decrypt(row.contactPhoneEnc)).toBe(PHONE_A)
  })

  it('keeps tokens, phone numbers and ID numbers out of the logs', async () => {
    const logs = t.logs.join('\n')
    expect(t.logs.length).toBeGreaterThan(20)
    for (const secret of [a.r.token, b.r.token, PHONE_A, PHONE_B, ID_NUMBER, ID_NUMBER_B, ADDRESS]) expect(logs).not.toContain(secret)
    // Also on refused requests that carry them.
    await t.fetch('/api/v1/appointments', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.r.token}` }, body: JSON.stringify({ slotId: 'x', serviceItemId: 'y', contactName: ID_NUMBER, contactPhone: `${PHONE_A}0` }) })
    await t.fetch(`/api/v1/me?phone=${PHONE_A}&idNumber=${ID_NUMBER}`, { headers: { authorization: `Bearer ${a.r.token}x` } })
    const after = t.logs.join('\n')
    for (const secret of [a.r.token, PHONE_A, ID_NUMBER]) expect(after).not.toContain(secret)
  })

  it('exports the resident\'s own data across domains, with their own phone in clear, and audits it', async () => {
    const r = await t.fetch('/api/v1/me/export', { headers: { authorization: `Bearer ${a.r.token}` } })
    expect(r.status).toBe(200)
    expect(r.headers.get('cache-control')).toBe('no-store')
    const data = await r.json() as MyDataExport
    expect(data.appointments.map((x) => x.id).sort()).toEqual([a.done.id, a.booked.id].sort())
    expect(data.appointments[0]).toMatchObject({ contactName: '王秘密', contactPhone: PHONE_A })
    expect(data.ratings).toEqual([expect.objectContaining({ id: a.rating.id, level: 2, rectification: expect.objectContaining({ status: 'OPEN' }) })])
    expect(data.consultations).toEqual([expect.objectContaining({ id: a.consultation.id, content: expect.stringContaining(ID_NUMBER) })])
    expect(data.disclosures).toEqual([expect.objectContaining({ id: a.disclosure.id, contactPhone: PHONE_A, applicantIdNumber: ID_NUMBER, postalAddress: null })])
    expect(data.homeVisits).toEqual([expect.objectContaining({ id: a.homeVisit.id, address: ADDRESS, contactPhone: PHONE_A })])
    expect(data.uploads.map((u) => u.id)).toEqual([a.imageId])
    // The checked-in appointment's place in the queue, and the ticket taken in the app.
    expect(data.tickets).toEqual([
      expect.objectContaining({ channel: 'APPOINTMENT', status: 'DONE', hallName: '湖里街道便民服务中心' }),
      expect.objectContaining({ id: a.ticket.id, number: a.ticket.number, hallName: '湖里街道便民服务中心', status: 'WAITING', channel: 'APP' }),
    ])
    expect(data.messages.length).toBeGreaterThan(0)
    expect(data.consents.map((c) => c.version)).toContain((await t.anon('getPrivacyNotice')).version)
    // Nothing of resident B.
    const text = JSON.stringify(data)
    for (const other of [b.booked.id, b.consultation.id, b.disclosure.id, b.ticket.id, PHONE_B]) expect(text).not.toContain(other)
    expect(await t.deps.db.auditLog.count({ where: { action: 'resident.export', actorId: a.r.id } })).toBe(1)
  })

  it('erases the resident: sessions revoked, future booking cancelled and its seat freed, contact data and free text gone, statistics kept', async () => {
    const statsBefore = await t.anon('getRatingStats', {})
    const seatBefore = (await t.deps.db.slot.findUniqueOrThrow({ where: { id: a.later.slot.id } })).booked
    const second = await t.resident('privacy-a') // another session of the same person
    expect(second.id).toBe(a.r.id)

    const res = await a.r.call('deleteMe')
    expect(res).toEqual({ ok: true, cancelledAppointments: 1, cancelledHomeVisits: 1 })

    await expectError(a.r.call('getMe'), 401, 'UNAUTHENTICATED')
    await expectError(clientFor(t.url, second.token)('getMe'), 401, 'UNAUTHENTICATED')
    expect((await t.deps.db.slot.findUniqueOrThrow({ where: { id: a.later.slot.id } })).booked).toBe(seatBefore - 1)

    const db = t.deps.db
    const resident = await db.resident.findUniqueOrThrow({ where: { id: a.r.id } })
    expect(resident).toMatchObject({ nickname: null, phoneEnc: null, consentVersion: null })
    expect(resident.deletedAt).not.toBeNull()
    expect(resident.openid).toBe(`erased_${a.r.id}`)
    const appts = await db.appointment.findMany({ where: { id: { in: [a.done.id, a.booked.id] } } })
    expect(appts.map((x) => [x.id, x.status, x.residentId, x.contactName, t.deps.cipher.decrypt(x.contactPhoneEnc)]).sort())
      .toEqual([[a.done.id, 'DONE', null, '已注销', ''], [a.booked.id, 'CANCELLED', null, '已注销', '']].sort())
    const rating = await db.rating.findUniqueOrThrow({ where: { id: a.rating.id } })
    expect(rating).toMatchObject({ residentId: null, comment: null, level: 2 })
    const c = await db.consultation.findUniqueOrThrow({ where: { id: a.consultation.id }, include: { messages: true } })
    expect(c.residentId).toBeNull()
    expect(JSON.stringify(c)).not.toContain(ID_NUMBER)
    const d = await db.disclosure.findUniqueOrThrow({ where: { id: a.disclosure.id } })
    expect(d).toMatchObject({ residentId: null, contactName: '已注销' })
    const hv = await db.homeVisit.findUniqueOrThrow({ where: { id: a.homeVisit.id } })
    expect(hv).toMatchObject({ residentId: null, status: 'CANCELLED', contactName: '已注销' })
    expect(t.deps.cipher.decrypt(hv.addressEnc)).toBe('')
    expect(await db.notification.count({ where: { residentId: a.r.id } })).toBe(0)
    expect(await db.privacyConsent.count({ where: { residentId: a.r.id } })).toBe(0)
    // Files are left to the retention job, which removes uploads of erased residents.
    expect(await db.upload.count({ where: { ownerType: 'RESIDENT', ownerId: a.r.id } })).toBe(1)

    // No trace of A's phone or ID number anywhere; B untouched.
    const tables = await dumpTables()
    for (const secret of [PHONE_A, ID_NUMBER]) expect(tablesWith(tables, secret), secret).toEqual([])
    expect((await b.r.call('getAppointment', { params: { id: b.booked.id } })).status).toBe('BOOKED')

    // Statistics still count A's rating; audited.
    const statsAfter = await t.anon('getRatingStats', {})
    expect(statsAfter).toEqual(statsBefore)
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'resident.erase', targetId: a.r.id } })
    expect(entry.detail).toMatchObject({ cancelledAppointments: 1, ratings: 1, consultations: 1 })

    // The same WeChat user starts afresh.
    const again = await t.resident('privacy-a')
    expect(again.id).not.toBe(a.r.id)
    expect((await again.call('listAppointments', {})).items).toEqual([])
  })
})
