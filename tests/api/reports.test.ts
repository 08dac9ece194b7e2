// The 政府信息公开工作年度报告 as a document: six sections with the template's labels, 二 and 四 validated, 三 from
// hand-counted applications, the review workflow, the 年度报告 notice, the .docx (unzipped) and the CSV; the 好差评 公示.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { annualReportSections, proactiveTableLayout, reviewGroups, reviewOutcomeLabels, disclosureOutcomeList, disclosureCategoryLabels } from '@bianmin/shared'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'

let t: TestApp
let street: { id: string; path: string }
let other: { id: string; path: string }
const at = (iso: string) => t.deps.clock.freeze(`${iso}T10:00:00+08:00`)
const as = async (u: string) => (await t.staff(u)).call

async function apply (date: string, applicantType: 'NATURAL_PERSON' | 'COMMERCIAL' | 'RESEARCH'): Promise<string> {
  at(date)
  const call = (await t.resident('report-applicant')).call
  const d = await call('createDisclosure', { body: { applicantType, orgId: street.id, description: `${date} 申请的政府信息`, form: 'PAPER', contactName: '王芳', contactPhone: '13900001111', applicantIdNumber: '350203199001011234', postalAddress: '厦门市湖里区东荣路 22 号' } })
  return d.id
}
async function reply (date: string, id: string, outcome: string) {
  at(date)
  await (await as('rhandler'))('replyDisclosure', { params: { id }, body: { outcome: outcome as never, content: '答复如下。' } })
}
async function download (path: string, token?: string): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

const proactive = {
  regulations: { issued: 0, repealed: 0, inForce: 0 }, normativeDocs: { issued: 2, repealed: 1, inForce: 5 },
  licensing: { decisions: 29 }, penalty: { decisions: 62 }, enforcement: { decisions: 3 }, fees: { amount: 12.5 },
}
const five = (a: number, b: number, c: number, d: number) => ({ upheld: a, corrected: b, other: c, pending: d, total: a + b + c + d })
const reviews = { review: five(1, 0, 0, 1), litigationDirect: five(0, 1, 0, 0), litigationAfterReview: five(0, 0, 0, 0) }

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-01-05T10:00:00+08:00' })
  const district = await createOrg(t.deps, '报告区', 'DISTRICT')
  street = await createOrg(t.deps, '报告街道', 'STREET', district)
  other = await createOrg(t.deps, '别的街道', 'STREET', district)
  await createStaff(t.deps, 'reditor', 'EDITOR', street.id)
  await createStaff(t.deps, 'rboth', 'EDITOR,REVIEWER', street.id)
  await createStaff(t.deps, 'rreviewer', 'REVIEWER', street.id)
  await createStaff(t.deps, 'rhandler', 'HANDLER', street.id)
  await createStaff(t.deps, 'routsider', 'ADMIN', other.id)
  // 2026 by hand: 4 new (2 自然人, 1 商业企业, 1 科研机构); 予以公开 1 自然人, 部分公开 1 商业企业, 不予公开-第三方 1 自然人; 1 科研机构 carried forward.
  const a = await apply('2026-02-02', 'NATURAL_PERSON')
  const b = await apply('2026-03-02', 'COMMERCIAL')
  const c = await apply('2026-04-01', 'NATURAL_PERSON')
  await apply('2026-12-28', 'RESEARCH')
  await reply('2026-02-10', a, 'DISCLOSED')
  await reply('2026-03-10', b, 'PARTIAL')
  await reply('2026-04-10', c, 'WITHHELD_THIRD_PARTY')
})
afterAll(async () => { await t.close() })

describe('annual report', () => {
  let id: string
  it('drafts the 2026 report: 三 computed with every heading, figures offered as the starting paragraph', async () => {
    at('2026-12-30')
    const r = await (await as('reditor'))('createAnnualReport', { body: { year: 2026 } })
    id = r.id
    expect(r.status).toBe('DRAFT')
    expect(r.title).toBe('报告街道2026年政府信息公开工作年度报告')
    expect(r.texts.overview).toContain('本年新收政府信息公开申请4件')
    expect(r.texts.overview).toContain('办结3件')
    expect(r.suggested.overview).toBe(r.texts.overview)
    const row = (key: string) => r.disclosures.rows.find((x) => x.key === key)!.values
    expect(row('NEW')).toMatchObject({ NATURAL_PERSON: 2, COMMERCIAL: 1, RESEARCH: 1, TOTAL: 4 })
    expect(row('DISCLOSED')).toMatchObject({ NATURAL_PERSON: 1, TOTAL: 1 })
    expect(row('PARTIAL')).toMatchObject({ COMMERCIAL: 1, TOTAL: 1 })
    expect(row('WITHHELD_THIRD_PARTY')).toMatchObject({ NATURAL_PERSON: 1, TOTAL: 1 })
    expect(row('HANDLED_TOTAL')).toMatchObject({ TOTAL: 3 })
    expect(row('CARRIED_FORWARD')).toMatchObject({ RESEARCH: 1, TOTAL: 1 })
    expect(r.disclosures.check.balanced).toBe(true)
    expect(r.nextActions).toEqual(['save', 'submit'])
    await expectError((await as('reditor'))('createAnnualReport', { body: { year: 2026 } }), 409, 'CONFLICT')
    await expectError((await as('reditor'))('createAnnualReport', { body: { year: 2020 } }), 422, 'INVALID_STATE')
    await expectError((await as('routsider'))('getAnnualReportDraft', { params: { id } }), 404, 'NOT_FOUND')
  })

  it('二 and 四 accept valid numbers and refuse others with Chinese messages, changing nothing', async () => {
    const call = await as('reditor')
    const bad = [
      { proactive: { ...proactive, licensing: { decisions: 1.5 } } },
      { proactive: { ...proactive, penalty: { decisions: -1 } } },
      { proactive: { ...proactive, fees: { amount: 1.234 } } },
      { reviews: { ...reviews, review: { ...reviews.review, total: 9 } } },
      { reviews: { ...reviews, litigationDirect: { ...reviews.litigationDirect, pending: 0.5 } } },
    ]
    for (const body of bad) {
      const e = await expectError(call('updateAnnualReport', { params: { id }, body: body as never }), 400, 'VALIDATION_FAILED')
      expect(e.message).toMatch(/整数|负数|两位小数|总计须等于/)
    }
    const before = await call('getAnnualReportDraft', { params: { id } })
    expect(before.proactive.licensing.decisions).toBe(0)
    expect(before.version).toBe(0)
    const r = await call('updateAnnualReport', { params: { id }, body: { proactive, reviews, texts: { problems: '一是公开内容不够全面。', other: '本年度未收取信息处理费。' } } })
    expect(r.proactive).toEqual(proactive)
    expect(r.reviews).toEqual(reviews)
    expect(r.texts.problems).toBe('一是公开内容不够全面。')
  })

  it('the .docx has every section heading and table label; the CSV parses back with its headings', async () => {
    const { token } = await t.staff('reditor')
    const res = await download(`/api/v1/staff/annual-reports/${id}/export?format=docx`, token)
    expect(res.status).toBe(200)
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    for (const h of Object.values(annualReportSections)) expect(text).toContain(h)
    for (const g of proactiveTableLayout) { expect(text).toContain(g.group); for (const [, l] of g.columns) expect(text).toContain(l); for (const [, l] of g.rows) expect(text).toContain(l) }
    for (const o of disclosureOutcomeList) expect(text).toContain(o.label)
    for (const l of Object.values(disclosureCategoryLabels)) expect(text).toContain(l)
    for (const l of ['三、本年度办理结果', '一、本年新收政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理', '行政诉讼', ...reviewGroups.map((g) => g.label), ...Object.values(reviewOutcomeLabels)]) expect(text).toContain(l)
    expect(xml).toContain('w:gridSpan') // merged header cells
    expect(xml).toContain('w:vMerge')

    const csv = await (await download(`/api/v1/staff/annual-reports/${id}/export?format=csv`, token)).text()
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','))
    const find = (label: string) => lines.find((l) => l[0] === label)!
    expect(find('行政规范性文件').slice(1, 4).map(Number)).toEqual([2, 1, 5])
    expect(find('行政许可')[1]).toBe('29')
    expect(find('行政事业性收费')[1]).toBe('12.50')
    for (const h of ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) expect(find(h)).toBeTruthy()
    expect(find('4.保护第三方合法权益').slice(1).map(Number)).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(find('（二）部分公开（区分处理的，只计这一情形，不计其他情形）').slice(1).map(Number)).toEqual([0, 1, 0, 0, 0, 0, 1])
    const header = lines.findIndex((l) => l[0] === '结果维持' && l[5] === '未经复议直接起诉')
    expect(lines[header + 2]!.map(Number)).toEqual([1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0])
  })

  it('review: the author cannot approve their own report; a reviewer approves and publishes a 年度报告 notice', async () => {
    await expectError((await as('rreviewer'))('approveAnnualReport', { params: { id } }), 422, 'INVALID_STATE')
    // An editor who is also a reviewer drafts the 2025 report and may not approve it.
    const own = await (await as('rboth'))('createAnnualReport', { body: { year: 2025 } })
    await (await as('rboth'))('submitAnnualReport', { params: { id: own.id } })
    const e = await expectError((await as('rboth'))('approveAnnualReport', { params: { id: own.id } }), 403, 'FORBIDDEN')
    expect(e.message).toContain('不能审核自己')
    await (await as('reditor'))('submitAnnualReport', { params: { id } })
    await expectError((await as('reditor'))('updateAnnualReport', { params: { id }, body: { texts: { other: '改' } } }), 422, 'INVALID_STATE')
    await expectError((await as('rreviewer'))('publishAnnualReport', { params: { id } }), 422, 'INVALID_STATE')
    const ok = await (await as('rreviewer'))('approveAnnualReport', { params: { id } })
    expect(ok.status).toBe('APPROVED')
    expect(ok.reviewerName).toBe('测试rreviewer')
    const pub = await (await as('rreviewer'))('publishAnnualReport', { params: { id } })
    expect(pub.status).toBe('PUBLISHED')
    expect(pub.readOnly).toBe(true)
    const notice = await t.deps.db.notice.findUniqueOrThrow({ where: { id: pub.noticeId! } })
    expect(notice).toMatchObject({ category: '年度报告', status: 'PUBLISHED', orgId: street.id, title: '报告街道2026年政府信息公开工作年度报告' })
    expect(notice.body).toContain(`/api/v1/annual-reports/${id}/document`)
    expect(notice.body).toContain('四、政府信息公开行政复议、行政诉讼情况')
    const seen = await t.anon('getNotice', { params: { id: notice.id } })
    expect(seen.title).toBe(notice.title)
    const doc = await download(`/api/v1/annual-reports/${id}/document`)
    expect(doc.status).toBe(200)
    expect((await download(`/api/v1/annual-reports/${own.id}/document`)).status).toBe(404)
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetId: id }, select: { action: true } })).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['annualReport.create', 'annualReport.update', 'annualReport.submitted', 'annualReport.approved', 'annualReport.publish']))
    const list = await (await as('reditor'))('listAnnualReports', {})
    expect(list.items.map((i) => [i.year, i.status])).toEqual([[2026, 'PUBLISHED'], [2025, 'SUBMITTED']])
  })

  it('workbench: the previous year\'s report is due from 1 January, in red after 31 January, gone once published', async () => {
    const due = async (u: string) => (await (await as(u))('getWorkbench')).counters.find((c) => c.key === 'annualReportDue')
    at('2026-01-10')
    expect(await due('rboth')).toMatchObject({ count: 1, urgent: false, label: '2025年度政府信息公开工作年度报告未发布' })
    at('2026-02-01')
    expect(await due('rboth')).toMatchObject({ count: 1, urgent: true })
    at('2027-02-01')
    expect(await due('reditor')).toMatchObject({ count: 0, urgent: false })
    expect(await due('rhandler')).toBeUndefined()
  })
})

describe('好差评 公示', () => {
  it('a month and a quarter of an org, refused with Chinese messages when the period is wrong', async () => {
    const r = await t.anon('getRatingReport', { query: { period: 'quarter', year: 2026, index: 1, orgId: street.id } })
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-03-31', rated: 0, bad: 0, orgName: '报告街道' })
    expect(r.title).toContain('第一季度')
    const m = await t.anon('getRatingReport', { query: { period: 'month', year: 2026, index: 2, orgId: street.id } })
    expect(m).toMatchObject({ from: '2026-02-01', to: '2026-02-28' })
    await expectError(t.anon('getRatingReport', { query: { period: 'quarter', year: 2026, index: 5 } }), 400, 'VALIDATION_FAILED')
    const { token } = await t.staff('rreviewer')
    const csv = await (await download(`/api/v1/staff/rating-reports/export?period=month&year=2026&index=2&format=csv`, token)).text()
    expect(csv).toContain('实名差评回访率')
    const docx = await download(`/api/v1/staff/rating-reports/export?period=month&year=2026&index=2&format=docx`, token)
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))
    expect((await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain('按时整改率')
    const outsider = (await t.staff('routsider')).token
    expect((await download(`/api/v1/staff/rating-reports/export?period=month&year=2026&index=2&orgId=${street.id}`, outsider)).status).toBe(404)
  })
})
