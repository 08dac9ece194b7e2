// Privacy consent before personal data: GET /api/v1/privacy tells the current notice version; every endpoint marked
// `requiresConsent` refuses a resident who has not accepted that version (403, nothing written), and accepts once
// they have; an admin's new version asks everyone again. Staff are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSENT_REQUIRED, contract, buildPath } from '@bianmin/shared'
import { expectError, startTestApp, type TestApp } from '../support/app'
import { demoOrgs } from '../support/actors'
import { bookingBody, demoItem, MONDAY, slotOn } from '../support/booking'
import { PNG_1PX, upload } from '../support/uploads'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: MONDAY, demo: true }) })
afterAll(async () => { await t?.close() })

const consentRoutes = Object.entries(contract).filter(([, r]) => 'requiresConsent' in r && r.requiresConsent)
const counts = async () => {
  const db = t.deps.db
  const [a, c, d, h, r, u, m] = await Promise.all([db.appointment.count(), db.consultation.count(), db.disclosure.count(), db.homeVisit.count(),
    db.rating.count(), db.upload.count(), db.consultationMessage.count()])
  return { a, c, d, h, r, u, m }
}

describe('GET /api/v1/privacy', () => {
  it('answers the current version to anyone, and the change time once an admin sets a new one', async () => {
    expect(await t.anon('getPrivacyNotice')).toEqual({ version: '2026-11', updatedAt: null })
    const res = await t.fetch('/api/v1/privacy')
    expect(res.headers.get('cache-control')).toBe('public, no-cache')
  })
})

describe('consent before personal data', () => {
  it('marks exactly the endpoints that receive (or give back) a resident\'s personal data', () => {
    expect(consentRoutes.map(([name]) => name).sort()).toEqual([
      'addConsultationMessage', 'answerDisclosureCorrection', 'createAppointment', 'createConsultation', 'createDisclosure',
      'createHomeVisit', 'createRating', 'createUpload', 'getBookingContact', 'giveRectificationFeedback',
    ])
  })

  it('refuses a resident without consent on every marked endpoint, with a clear message, and writes nothing', async () => {
    const r = await t.resident(undefined, { consent: false })
    expect(await r.call('getMe')).toMatchObject({ type: 'resident', resident: { consentVersion: null } })
    const before = await counts()
    for (const [name, route] of consentRoutes) {
      const path = buildPath(route.path, { id: 'x1' })
      const res = await t.fetch(path, { method: route.method, headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' }, ...(route.method === 'GET' ? {} : { body: '{}' }) })
      const body = await res.json() as { error: { code: string; message: string; details: { reason: string; currentVersion: string } } }
      expect({ name, status: res.status, code: body.error.code }).toEqual({ name, status: 403, code: 'FORBIDDEN' })
      expect(body.error.message).toBe('请先阅读并同意隐私政策，再提交个人信息')
      expect(body.error.details).toMatchObject({ reason: CONSENT_REQUIRED, currentVersion: '2026-11', acceptedVersion: null })
    }

    // Complete, valid requests are refused the same way.
    const { street } = await demoOrgs(t)
    const item = await demoItem(t)
    const slot = await slotOn(t, item.id, '2026-09-29')
    await expectError(r.call('createAppointment', { body: bookingBody(slot, item) }), 403, 'FORBIDDEN')
    await expectError(r.call('createConsultation', { body: { kind: 'CONSULT', orgId: street.id, title: '咨询居住证', content: '请问居住证需要什么材料？', allowPublish: false } }), 403, 'FORBIDDEN')
    await expectError(r.call('createDisclosure', { body: { applicantType: 'NATURAL_PERSON', orgId: street.id, description: '申请公开本社区加装电梯补贴名单', form: 'ELECTRONIC', contactName: '王小明', contactPhone: '13912345678', applicantIdNumber: '350203199001011234' } }), 403, 'FORBIDDEN')
    const hvItem = await t.deps.db.serviceItem.findFirstOrThrow({ where: { homeVisit: true, orgId: street.id } })
    await expectError(r.call('createHomeVisit', { body: { serviceItemId: hvItem.id, contactName: '王小明', contactPhone: '13912345678', address: '东荣路 22 号', reason: '卧床老人需要上门办理', preferredDays: ['2026-09-29'] } }), 403, 'FORBIDDEN')
    const up = await upload(t.url, r.token, PNG_1PX)
    expect(up.status).toBe(403)
    expect(up.body.error?.details).toMatchObject({ reason: CONSENT_REQUIRED })
    expect(await counts()).toEqual(before)

    // Reading one's own (empty) lists needs no consent: nothing personal is sent.
    expect((await r.call('listAppointments')).items).toEqual([])

    // An outdated version is refused with the current one; the current version opens the door.
    const old = await expectError(r.call('acceptPrivacy', { body: { version: '2025-01' } }), 409, 'CONFLICT')
    expect(old.details).toEqual({ currentVersion: '2026-11' })
    const { version } = await t.anon('getPrivacyNotice')
    expect((await r.call('acceptPrivacy', { body: { version } })).consentVersion).toBe('2026-11')
    const booked = await r.call('createAppointment', { body: bookingBody(slot, item) })
    expect(booked.status).toBe('BOOKED')
    expect((await upload(t.url, r.token, PNG_1PX)).status).toBe(201)
    // Agreeing again to the same version (WeChat's privacy button) keeps the first record.
    await r.call('acceptPrivacy', { body: { version } })
    const consents = await t.deps.db.privacyConsent.findMany({ where: { residentId: r.id } })
    expect(consents.map((c) => c.version)).toEqual(['2026-11'])
  })

  it('asks again after an admin publishes a new notice version; staff uploads are unaffected', async () => {
    const r = await t.resident()
    const { street } = await demoOrgs(t)
    const body = { kind: 'SUGGESTION' as const, orgId: street.id, title: '建议增加长椅', content: '服务中心门口可以增加几张长椅吗？', allowPublish: false }
    await r.call('createConsultation', { body })

    const admin = await t.staff('admin')
    await admin.call('updateSettings', { body: { privacy: { version: '2027-01' } } })
    const notice = await t.anon('getPrivacyNotice')
    expect(notice.version).toBe('2027-01')
    expect(notice.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/)

    const refused = await expectError(r.call('createConsultation', { body }), 403, 'FORBIDDEN')
    expect(refused.details).toMatchObject({ reason: CONSENT_REQUIRED, currentVersion: '2027-01', acceptedVersion: '2026-11' })
    // The resident's own view tells the client which version was accepted, so it can ask again.
    expect(await r.call('getMe')).toMatchObject({ resident: { consentVersion: '2026-11' } })

    const editor = await t.staff('editor')
    const staffUpload = await upload(t.url, editor.token, PNG_1PX)
    expect(staffUpload.status).toBe(201)

    await r.call('acceptPrivacy', { body: { version: '2027-01' } })
    expect((await r.call('createConsultation', { body: { ...body, title: '再建议一次' } })).status).toBe('SUBMITTED')
    await admin.call('updateSettings', { body: { privacy: { version: '2026-11' } } })
  })

  it('documents the rule in the OpenAPI document', async () => {
    const doc = await (await t.fetch('/api/openapi.json')).json() as { paths: Record<string, Record<string, Record<string, unknown>>> }
    expect(doc.paths['/api/v1/appointments']?.post?.['x-requires-consent']).toBe(true)
    expect(doc.paths['/api/v1/appointments']?.get?.['x-requires-consent']).toBeUndefined()
    expect(doc.paths['/api/v1/privacy']?.get?.['x-access']).toBe('public')
  })
})
