// 预约表单预填: the name and phone of the resident's own last booking in the app (in full, only to them, only with
// consent); nothing for a resident who never booked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, expectError, type TestApp } from '../support/app'
import { MONDAY, book, demoItem, slotOn, testPhone } from '../support/booking'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: MONDAY, demo: true }) })
afterAll(async () => { await t?.close() })

describe('getBookingContact', () => {
  it('answers the last booking\'s name and phone to its resident only', async () => {
    const item = await demoItem(t)
    const other = await demoItem(t, 'HL-LN-001')
    const a = await t.resident('contact-a')
    const b = await t.resident('contact-b')
    expect(await a.call('getBookingContact')).toEqual({ contact: null })

    const first = testPhone()
    await book(a.call, await slotOn(t, item.id, '2026-09-29'), item, { contactName: '王大伯', contactPhone: first })
    t.deps.clock.advance(1000)
    const second = testPhone()
    await book(a.call, await slotOn(t, other.id, '2026-09-30'), other, { contactName: '王小红', contactPhone: second })
    expect(await a.call('getBookingContact')).toEqual({ contact: { contactName: '王小红', contactPhone: second } })
    expect(await b.call('getBookingContact')).toEqual({ contact: null })
    expect(t.logs.join('\n')).not.toContain(second)
    t.deps.clock.freeze(MONDAY)
  })

  it('needs a signed-in resident who accepted the privacy notice', async () => {
    await expectError(t.anon('getBookingContact'), 401, 'UNAUTHENTICATED')
    const fresh = await t.resident(undefined, { consent: false })
    const e = await expectError(fresh.call('getBookingContact'), 403, 'FORBIDDEN')
    expect(e.details).toMatchObject({ reason: 'PRIVACY_CONSENT_REQUIRED' })
    await expectError((await t.staff('clerk')).call('getBookingContact'), 403, 'FORBIDDEN')
  })
})
