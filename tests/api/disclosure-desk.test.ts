// 依申请公开 desk: recording an in-person or postal application with the applicant's ID or registration number and,
// for paper replies, a postal address; every request gets a 申请编号 (year-sequence) for its 受理回执; the ID number is
// stored encrypted and shown masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'

let t: TestApp
let street: { id: string; path: string }

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-10-09T10:00:00+08:00' })
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  await createStaff(t.deps, 'deskhandler', 'HANDLER', street.id)
})
afterAll(async () => { await t.close() })

const body = (extra: Record<string, unknown> = {}) => ({
  applicantType: 'NATURAL_PERSON' as const, orgId: street.id, description: '申请公开本街道2026年老旧小区改造项目清单',
  form: 'PAPER' as const, contactName: '李明', contactPhone: '13812345678', channel: 'POST' as const, receivedDate: '2026-10-09',
  applicantIdNumber: '350203199001011234', postalAddress: '厦门市湖里区金尚路 88 号 3 号楼 1201', ...extra,
})

describe('recording an application at the desk', () => {
  it('stores the ID number encrypted, shows it masked, keeps the postal address and numbers the requests in order', async () => {
    const handler = (await t.staff('deskhandler')).call
    const first = await handler('recordDisclosure', { body: body() })
    expect(first).toMatchObject({ serialNo: '2026-000001', channel: 'POST', form: 'PAPER', applicantIdNumber: '3502**********1234', postalAddress: '厦门市湖里区金尚路 88 号 3 号楼 1201' })
    expect(first.dueAt.slice(0, 10)).toBe('2026-11-05') // 20 working days after receipt (Saturday 10-10 is a 调休 workday)
    const row = await t.deps.db.disclosure.findUniqueOrThrow({ where: { id: first.id } })
    expect(JSON.stringify(row)).not.toContain('350203199001011234')
    expect(JSON.stringify(row)).not.toContain('金尚路')
    const second = await handler('recordDisclosure', { body: body({ channel: 'IN_PERSON', form: 'ELECTRONIC', postalAddress: undefined, applicantType: 'COMMERCIAL', applicantName: '厦门某某科技有限公司', applicantIdNumber: '91350200MA31234567' }) })
    expect(second.serialNo).toBe('2026-000002')
    expect((await handler('getStaffDisclosure', { params: { id: second.id } })).applicantIdNumber).toBe('9135**********4567')
    const list = await handler('listStaffDisclosures', { query: { limit: 50 } })
    expect(list.items.map((i) => i.serialNo).sort()).toEqual(['2026-000001', '2026-000002'])
  })

  it('numbers concurrent recordings without a gap or a clash', async () => {
    const handler = (await t.staff('deskhandler')).call
    const made = await Promise.all(Array.from({ length: 6 }, () => handler('recordDisclosure', { body: body({ form: 'ELECTRONIC', postalAddress: undefined }) })))
    const serials = made.map((d) => d.serialNo).sort()
    expect(new Set(serials).size).toBe(6)
    expect(serials.every((s) => /^2026-\d{6}$/.test(s ?? ''))).toBe(true)
  })

  it('refuses a paper request without a postal address and a missing or malformed ID number; records nothing', async () => {
    const handler = (await t.staff('deskhandler')).call
    const before = await t.deps.db.disclosure.count()
    let e = await expectError(handler('recordDisclosure', { body: body({ postalAddress: undefined }) }), 400, 'VALIDATION_FAILED')
    expect(e.message).toContain('邮寄地址')
    e = await expectError(handler('recordDisclosure', { body: body({ applicantIdNumber: undefined }) }), 400, 'VALIDATION_FAILED')
    expect(e.message).toContain('身份证号或统一社会信用代码')
    await expectError(handler('recordDisclosure', { body: body({ applicantIdNumber: '身份证' }) }), 400, 'VALIDATION_FAILED')
    await expectError(handler('recordDisclosure', { body: body({ receivedDate: '2026-10-10' }) }), 400, 'VALIDATION_FAILED')
    expect(await t.deps.db.disclosure.count()).toBe(before)
  })

  it('gives online applications a number too', async () => {
    const r = await t.resident()
    const d = await r.call('createDisclosure', { body: { applicantType: 'NATURAL_PERSON', orgId: street.id, description: '申请公开本街道2026年预算执行情况', form: 'ELECTRONIC', contactName: '王芳', contactPhone: '13900001111', applicantIdNumber: '350203199001011234' } })
    expect(d.serialNo).toMatch(/^2026-\d{6}$/)
  })
})
