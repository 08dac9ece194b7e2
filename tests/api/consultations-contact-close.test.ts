// 确认办结 only after a reply; 咨询 contact consent (12345 practice): the resident gives a contact phone with 同意联系 on the form; it is stored
// encrypted, masked for the resident, shown to the handler, exported and erased like the other phone numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError, startTestApp, type TestApp } from '../support/app'
import { demoOrgs } from '../support/actors'

const PHONE = '13912345678'
let t: TestApp
let streetId: string
beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00', demo: true })
  streetId = (await demoOrgs(t)).street.id
})
afterAll(async () => { await t?.close() })

const body = (over: Record<string, unknown> = {}) =>
  ({ kind: 'CONSULT' as const, orgId: streetId, title: '社保卡补办', content: '社保卡丢了，请问怎么补办？', allowPublish: false, ...over })

describe('contact phone with consent', () => {
  it('is required with 同意联系 and refused when malformed, creating nothing', async () => {
    const r = await t.resident('contact-required')
    const before = await t.deps.db.consultation.count()
    const missing = await expectError(r.call('createConsultation', { body: body({ contactConsent: true }) }), 400, 'VALIDATION_FAILED')
    expect(missing.fieldErrors().contactPhone).toMatch(/联系电话/)
    const bad = await expectError(r.call('createConsultation', { body: body({ contactConsent: true, contactPhone: '12345' }) }), 400, 'VALIDATION_FAILED')
    expect(bad.fieldErrors().contactPhone).toMatch(/手机号码/)
    expect(await t.deps.db.consultation.count()).toBe(before)
  })

  it('is stored encrypted, masked for the resident, in full for the handler, and in the export', async () => {
    const r = await t.resident('contact-given')
    const c = await r.call('createConsultation', { body: body({ contactConsent: true, contactPhone: PHONE }) })
    expect(c.contactPhoneMasked).toBe('139****5678')
    const row = await t.deps.db.consultation.findUniqueOrThrow({ where: { id: c.id } })
    expect(row.contactPhoneEnc).toBeTruthy()
    expect(row.contactPhoneEnc).not.toContain(PHONE)
    expect(t.deps.cipher.decrypt(row.contactPhoneEnc!)).toBe(PHONE)
    const staffView = await (await t.staff('handler')).call('getStaffConsultation', { params: { id: c.id } })
    expect(staffView.contactPhone).toBe(PHONE)
    const exported = await r.call('exportMyData')
    expect(exported.consultations.find((x) => x.id === c.id)).toMatchObject({ contactConsent: true, contactPhone: PHONE })
    expect(t.logs.join('\n')).not.toContain(PHONE)
  })

  it('is not kept without consent', async () => {
    const r = await t.resident('contact-none')
    const c = await r.call('createConsultation', { body: body({ contactConsent: false, contactPhone: PHONE }) })
    expect(c.contactPhoneMasked).toBeNull()
    expect((await t.deps.db.consultation.findUniqueOrThrow({ where: { id: c.id } })).contactPhoneEnc).toBeNull()
    expect((await (await t.staff('handler')).call('getStaffConsultation', { params: { id: c.id } })).contactPhone).toBeNull()
  })

  it('is erased with the account', async () => {
    const r = await t.resident('contact-erased')
    const c = await r.call('createConsultation', { body: body({ contactConsent: true, contactPhone: PHONE }) })
    await r.call('deleteMe')
    const row = await t.deps.db.consultation.findUniqueOrThrow({ where: { id: c.id } })
    expect(row).toMatchObject({ contactPhoneEnc: null, contactConsent: false, residentId: null })
    expect((await (await t.staff('handler')).call('getStaffConsultation', { params: { id: c.id } })).contactPhone).toBeNull()
  })
})

describe('确认办结', () => {
  it('is refused before a reply and accepted after one', async () => {
    const r = await t.resident('close-after-reply')
    const c = await r.call('createConsultation', { body: body() })
    const early = await expectError(r.call('closeConsultation', { params: { id: c.id } }), 422, 'INVALID_STATE')
    expect(early.message).toMatch(/答复后才能确认办结/)
    expect((await r.call('getConsultation', { params: { id: c.id } })).status).toBe('SUBMITTED')
    await (await t.staff('handler')).call('replyConsultation', { params: { id: c.id }, body: { content: '您好，请携带身份证到社保窗口补办。' } })
    expect(await r.call('closeConsultation', { params: { id: c.id } })).toMatchObject({ status: 'CLOSED', closedBy: 'RESIDENT' })
  })
})
