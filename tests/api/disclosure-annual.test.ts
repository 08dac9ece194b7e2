// Section 三 of the annual report, from requests made and handled through the API across 2025–2027.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DisclosureApplicantType } from '@bianmin/shared'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { expireUnansweredCorrections } from '../../server/src/modules/disclosures/disclosure.jobs'
import { disclosureAnnualTable } from '../../server/src/modules/disclosures/disclosure.annual'

let t: TestApp
let street: { id: string; path: string }
let community: { id: string; path: string }
let other: { id: string; path: string }

const at = (iso: string) => t.deps.clock.freeze(`${iso}T10:00:00+08:00`)
const handler = async () => (await t.staff('ahandler')).call
const resident = async () => (await t.resident('annual-applicant')).call

async function apply (date: string, applicantType: DisclosureApplicantType, orgId = street.id): Promise<string> {
  at(date)
  const call = await resident()
  const d = await call('createDisclosure', {
    body: { applicantType, orgId, description: `${date} 申请的政府信息`, form: 'PAPER', contactName: '王芳', contactPhone: '13900001111', applicantIdNumber: '91350200MA0000000X', postalAddress: '厦门市湖里区东荣路 22 号' },
  })
  expect(d.receivedAt.slice(0, 10)).toBe(date)
  return d.id
}
async function reply (date: string, id: string, outcome: string) {
  at(date)
  const d = await (await handler())('replyDisclosure', { params: { id }, body: { outcome: outcome as never, content: '答复如下。' } })
  expect(d.status).toBe('REPLIED')
}

type Cols = [np: number, commercial: number, research: number, nonprofit: number, legal: number, other: number, total: number]
const cols = (v: Record<string, number>): Cols =>
  [v.NATURAL_PERSON!, v.COMMERCIAL!, v.RESEARCH!, v.NONPROFIT!, v.LEGAL_SERVICE!, v.OTHER!, v.TOTAL!]

beforeAll(async () => {
  t = await startTestApp({ clock: '2025-12-01T10:00:00+08:00' })
  const district = await createOrg(t.deps, '年报区', 'DISTRICT')
  street = await createOrg(t.deps, '年报街道', 'STREET', district)
  community = await createOrg(t.deps, '年报社区', 'COMMUNITY', street)
  other = await createOrg(t.deps, '其他街道', 'STREET', district)
  await createStaff(t.deps, 'ahandler', 'HANDLER', street.id)
  await createStaff(t.deps, 'aoutsider', 'ADMIN', other.id)
  await createStaff(t.deps, 'aclerk', 'CLERK', street.id)

  // 2025
  const a = await apply('2025-12-01', 'NATURAL_PERSON')
  await reply('2025-12-10', a, 'DISCLOSED') // finished in 2025: not in 2026 at all
  const b = await apply('2025-12-15', 'NATURAL_PERSON')
  at('2025-12-22')
  const c = (await (await handler())('recordDisclosure', {
    body: { applicantType: 'COMMERCIAL', applicantName: '某某商贸有限公司', orgId: community.id, description: '企业申请的政府信息', form: 'PAPER', contactName: '赵强', contactPhone: '13900002222', channel: 'POST', receivedDate: '2025-12-22', applicantIdNumber: '91350200MA31234567', postalAddress: '厦门市湖里区金尚路 88 号' },
  })).id
  const d = await apply('2025-12-29', 'LEGAL_SERVICE')
  // 2026
  await reply('2026-01-06', b, 'DISCLOSED')
  await reply('2026-01-12', c, 'PARTIAL')
  const e = await apply('2026-03-02', 'NATURAL_PERSON')
  await reply('2026-03-20', e, 'WITHHELD_THIRD_PARTY')
  const f = await apply('2026-06-01', 'RESEARCH')
  await reply('2026-06-15', f, 'UNAVAILABLE_NOT_HELD')
  const h = await apply('2026-11-02', 'NATURAL_PERSON')
  at('2026-11-03')
  await (await handler())('requestDisclosureCorrection', { params: { id: h }, body: { content: '请写明所需文件的名称' } })
  at('2026-11-25') // the 补正 deadline (11-24) has passed
  await expireUnansweredCorrections(t.deps)
  await apply('2026-12-21', 'NONPROFIT')
  const i = await apply('2026-12-28', 'OTHER')
  // 2027
  await reply('2027-01-04', i, 'NOT_PROCESSED_DUPLICATE')
  await apply('2027-01-04', 'NATURAL_PERSON')
  await reply('2027-01-05', d, 'DISCLOSED')
  // Another street's request never counts for this street.
  await apply('2026-05-06', 'NATURAL_PERSON', other.id)
})
afterAll(async () => { await t.close() })

describe('section 三 table', () => {
  it('matches hand counts for 2026 and satisfies 一 + 二 = 三 + 四', async () => {
    at('2027-01-06')
    const table = await (await handler())('disclosureAnnualTable', { query: { year: 2026 } })
    const row = (key: string) => cols(table.rows.find((r) => r.key === key)!.values)
    //                                 自然人 商业 科研 公益 法律 其他 总计
    expect(row('NEW')).toEqual(/*          */[2, 0, 1, 1, 0, 1, 5]) // E, H, F, G, I
    expect(row('CARRIED_OVER')).toEqual(/* */[1, 1, 0, 0, 1, 0, 3]) // B, C, D
    expect(row('DISCLOSED')).toEqual(/*    */[1, 0, 0, 0, 0, 0, 1]) // B
    expect(row('PARTIAL')).toEqual(/*      */[0, 1, 0, 0, 0, 0, 1]) // C
    expect(row('WITHHELD_THIRD_PARTY')).toEqual([1, 0, 0, 0, 0, 0, 1]) // E
    expect(row('UNAVAILABLE_NOT_HELD')).toEqual([0, 0, 1, 0, 0, 0, 1]) // F
    expect(row('OTHER_NO_CORRECTION')).toEqual([1, 0, 0, 0, 0, 0, 1]) // H (逾期不补正)
    expect(row('NOT_PROCESSED_DUPLICATE')).toEqual([0, 0, 0, 0, 0, 0, 0]) // I was handled in 2027
    expect(row('HANDLED_TOTAL')).toEqual([3, 1, 1, 0, 0, 0, 5])
    expect(row('CARRIED_FORWARD')).toEqual([0, 0, 0, 1, 1, 1, 3]) // G, D, I
    expect(table.check).toEqual({ balanced: true, differences: { NATURAL_PERSON: 0, COMMERCIAL: 0, RESEARCH: 0, NONPROFIT: 0, LEGAL_SERVICE: 0, OTHER: 0, TOTAL: 0 } })
    // Layout of the template: 21 outcome rows between 二 and （七）总计, columns with the 法人或其他组织 group.
    expect(table.rows.map((r) => r.key).slice(0, 2)).toEqual(['NEW', 'CARRIED_OVER'])
    expect(table.rows).toHaveLength(25)
    expect(table.rows.filter((r) => r.category === 'WITHHELD')).toHaveLength(8)
    expect(table.rows.filter((r) => r.category === 'UNAVAILABLE')).toHaveLength(3)
    expect(table.rows.filter((r) => r.category === 'NOT_PROCESSED')).toHaveLength(5)
    expect(table.rows.at(-1)?.label).toBe('四、结转下年度继续办理')
    expect(table.columns.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
    expect(table.columns.filter((c) => c.group === '法人或其他组织')).toHaveLength(5)
  })

  it('carries the same requests from one year into the next', async () => {
    at('2027-01-06')
    const call = await handler()
    const y2025 = await call('disclosureAnnualTable', { query: { year: 2025 } })
    const y2027 = await call('disclosureAnnualTable', { query: { year: 2027 } })
    const get = (tb: typeof y2025, key: string) => cols(tb.rows.find((r) => r.key === key)!.values)
    expect(get(y2025, 'NEW')).toEqual([2, 1, 0, 0, 1, 0, 4]) // A, B, C, D
    expect(get(y2025, 'HANDLED_TOTAL')).toEqual([1, 0, 0, 0, 0, 0, 1]) // A
    expect(get(y2025, 'CARRIED_FORWARD')).toEqual([1, 1, 0, 0, 1, 0, 3])
    expect(get(y2027, 'CARRIED_OVER')).toEqual([0, 0, 0, 1, 1, 1, 3]) // = 2026's 结转下年度
    expect(get(y2027, 'NEW')).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(get(y2027, 'HANDLED_TOTAL')).toEqual([0, 0, 0, 0, 1, 1, 2]) // D, I
    expect(get(y2027, 'CARRIED_FORWARD')).toEqual([1, 0, 0, 1, 0, 0, 2]) // J, G
    expect(y2025.check.balanced && y2027.check.balanced).toBe(true)
  })

  it('is scoped to the org subtree and role-checked', async () => {
    at('2027-01-06')
    const outsider = (await t.staff('aoutsider')).call
    const theirs = await outsider('disclosureAnnualTable', { query: { year: 2026 } })
    expect(cols(theirs.rows.find((r) => r.key === 'NEW')!.values)).toEqual([1, 0, 0, 0, 0, 0, 1])
    await expectError(outsider('disclosureAnnualTable', { query: { year: 2026, orgId: street.id } }), 404, 'NOT_FOUND')
    // The community alone: only C (a 商业企业 letter, carried over and handled in 2026).
    const mine = await (await handler())('disclosureAnnualTable', { query: { year: 2026, orgId: community.id } })
    expect(cols(mine.rows.find((r) => r.key === 'CARRIED_OVER')!.values)).toEqual([0, 1, 0, 0, 0, 0, 1])
    expect(cols(mine.rows.find((r) => r.key === 'PARTIAL')!.values)).toEqual([0, 1, 0, 0, 0, 0, 1])
    await expectError((await t.staff('aclerk')).call('disclosureAnnualTable', { query: { year: 2026 } }), 403, 'FORBIDDEN')
    await expectError((await handler())('disclosureAnnualTable', { query: { year: 'abc' as never } }), 400, 'VALIDATION_FAILED')
  })

  it('reports a difference when a finished request has an outcome outside the table', async () => {
    const legacy = await t.deps.db.disclosure.create({
      data: {
        orgId: other.id, applicantType: 'NATURAL_PERSON', description: '旧系统导入的申请', form: 'PAPER', contactName: '导入',
        contactPhoneEnc: t.deps.cipher.encrypt('13900003333'), channel: 'POST', status: 'CLOSED', outcome: 'LEGACY',
        receivedAt: new Date('2026-02-02T02:00:00Z'), dueAt: new Date('2026-03-02T15:59:59Z'), repliedAt: new Date('2026-02-20T02:00:00Z'),
      },
    })
    const table = await disclosureAnnualTable(t.deps, [other.id], 2026)
    expect(table.check.balanced).toBe(false)
    expect(table.check.differences.NATURAL_PERSON).toBe(1)
    expect(table.check.differences.TOTAL).toBe(1)
    await t.deps.db.disclosure.delete({ where: { id: legacy.id } })
    expect((await disclosureAnnualTable(t.deps, [other.id], 2026)).check.balanced).toBe(true)
  })
})

describe('demo data', () => {
  it('seeds requests in several states, including one carried over from last year', async () => {
    const demo = await startTestApp({ clock: '2026-06-15T10:00:00+08:00', demo: true })
    try {
      const call = (await demo.staff('handler')).call
      const queue = await call('listStaffDisclosures', { query: { limit: 100 } })
      expect(queue.items.map((i) => i.status).sort()).toEqual(['CORRECTION_REQUESTED', 'RECEIVED', 'REPLIED', 'REPLIED', 'REPLIED'])
      expect(queue.items.filter((i) => i.overdue)).toEqual([])
      const table = await call('disclosureAnnualTable', { query: { year: 2026 } })
      const row = (key: string) => cols(table.rows.find((r) => r.key === key)!.values)
      expect(row('CARRIED_OVER')).toEqual([1, 0, 0, 0, 0, 0, 1])
      expect(row('NEW')).toEqual([2, 1, 1, 0, 0, 0, 4])
      expect(row('DISCLOSED')).toEqual([2, 0, 0, 0, 0, 0, 2])
      expect(row('PARTIAL')).toEqual([0, 1, 0, 0, 0, 0, 1])
      expect(row('CARRIED_FORWARD')).toEqual([1, 0, 1, 0, 0, 0, 2])
      expect(table.check.balanced).toBe(true)
    } finally {
      await demo.close()
    }
  })
})
