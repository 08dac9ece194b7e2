// The 政府信息公开工作年度报告 as the document a 街道 publishes (template 国办公开办函〔2021〕30号: six sections, exact
// labels), its workflow DRAFT → SUBMITTED → APPROVED → PUBLISHED (as a 年度报告 notice), and the 好差评 public report.
import { z } from 'zod'
import { route } from './route'
import { id, idParams, isoDateTime, year } from './common'
import { disclosureAnnualTableView } from './disclosures'
import { disclosureCategoryLabels, disclosureOutcomeList } from './disclosure-codes'

export const annualReportSections = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  disclosures: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const
export const annualReportTextKeys = ['overview', 'problems', 'other'] as const
export type AnnualReportTextKey = (typeof annualReportTextKeys)[number]

export const annualReportStatuses = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED'] as const
export type AnnualReportStatus = (typeof annualReportStatuses)[number]
export const annualReportStatusLabels: Record<AnnualReportStatus, string> = { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已审核', PUBLISHED: '已发布' }

/** 二: the 第二十条 table, in the template's order and labels. */
export const proactiveTableLayout = [
  { group: '第二十条第（一）项', columns: [['issued', '本年制发件数'], ['repealed', '本年废止件数'], ['inForce', '现行有效件数']], rows: [['regulations', '规章'], ['normativeDocs', '行政规范性文件']] },
  { group: '第二十条第（五）项', columns: [['decisions', '本年处理决定数量']], rows: [['licensing', '行政许可']] },
  { group: '第二十条第（六）项', columns: [['decisions', '本年处理决定数量']], rows: [['penalty', '行政处罚'], ['enforcement', '行政强制']] },
  { group: '第二十条第（八）项', columns: [['amount', '本年收费金额（单位：万元）']], rows: [['fees', '行政事业性收费']] },
] as const
export const proactiveInfoLabel = '信息内容'

/** 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), each five cells. */
export const reviewOutcomeKeys = ['upheld', 'corrected', 'other', 'pending', 'total'] as const
export const reviewOutcomeLabels: Record<(typeof reviewOutcomeKeys)[number], string> = {
  upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计',
}
export const reviewGroups = [
  { key: 'review', label: '行政复议', parent: null },
  { key: 'litigationDirect', label: '未经复议直接起诉', parent: '行政诉讼' },
  { key: 'litigationAfterReview', label: '复议后起诉', parent: '行政诉讼' },
] as const

const whole = (label: string) => z.number({ error: `${label}须填写数字` }).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`)
const amount = z.number({ error: '收费金额须填写数字' }).min(0, '收费金额不能为负数').max(100_000_000, '收费金额过大')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '收费金额以万元为单位，最多保留两位小数')
const triple = (name: string) => z.object({ issued: whole(`${name}本年制发件数`), repealed: whole(`${name}本年废止件数`), inForce: whole(`${name}现行有效件数`) })
export const proactiveTable = z.object({
  regulations: triple('规章'),
  normativeDocs: triple('行政规范性文件'),
  licensing: z.object({ decisions: whole('行政许可本年处理决定数量') }),
  penalty: z.object({ decisions: whole('行政处罚本年处理决定数量') }),
  enforcement: z.object({ decisions: whole('行政强制本年处理决定数量') }),
  fees: z.object({ amount }),
}, { error: '请填写主动公开情况表' })
export type ProactiveTable = z.output<typeof proactiveTable>

const five = (name: string) => z.object({
  upheld: whole(`${name}结果维持`), corrected: whole(`${name}结果纠正`), other: whole(`${name}其他结果`),
  pending: whole(`${name}尚未审结`), total: whole(`${name}总计`),
}).refine((g) => g.total === g.upheld + g.corrected + g.other + g.pending, { path: ['total'], message: `${name}总计须等于结果维持、结果纠正、其他结果、尚未审结之和` })
export const reviewsTable = z.object({
  review: five('行政复议'), litigationDirect: five('未经复议直接起诉'), litigationAfterReview: five('复议后起诉'),
}, { error: '请填写行政复议、行政诉讼情况表' })
export type ReviewsTable = z.output<typeof reviewsTable>

const textBody = (label: string) => z.string({ error: `${label}须为文本` }).max(20_000, `${label}最多 20000 个字`)
export const annualReportTexts = z.object({ overview: textBody('总体情况'), problems: textBody('存在的主要问题及改进情况'), other: textBody('其他需要报告的事项') })

/** Section 三 as printed: heading lines (三、本年度办理结果, （三）不予公开 …) between the value rows. */
export function disclosureLines (t: z.output<typeof disclosureAnnualTableView>): { label: string; heading: boolean; values: number[] | null }[] {
  const out: { label: string; heading: boolean; values: number[] | null }[] = []
  const vals = (row: (typeof t.rows)[number]) => t.columns.map((c) => (row.values as Record<string, number>)[c.key] ?? 0)
  const single = new Set(['DISCLOSED', 'PARTIAL'])
  let lastCategory: string | null = null
  for (const row of t.rows) {
    if (row.key === 'DISCLOSED') out.push({ label: '三、本年度办理结果', heading: true, values: null })
    const cat = row.category
    if (cat && single.has(cat)) { out.push({ label: disclosureCategoryLabels[cat], heading: false, values: vals(row) }); continue }
    if (cat && cat !== lastCategory) out.push({ label: disclosureCategoryLabels[cat], heading: true, values: null })
    lastCategory = cat ?? lastCategory
    out.push({ label: row.label, heading: false, values: vals(row) })
  }
  return out
}
export const disclosureOutcomeRowCount = disclosureOutcomeList.length

export const annualReportView = z.object({
  id, orgId: id, orgName: z.string(), year: z.number().int(), title: z.string(), status: z.enum(annualReportStatuses), statusLabel: z.string(),
  texts: annualReportTexts,
  /** The year's figures as a starting paragraph for 一、总体情况 (the editor keeps or changes it). */
  suggested: z.object({ overview: z.string() }),
  proactive: proactiveTable, reviews: reviewsTable, disclosures: disclosureAnnualTableView,
  authorName: z.string().nullable(), reviewerName: z.string().nullable(),
  submittedAt: isoDateTime.nullable(), approvedAt: isoDateTime.nullable(), publishedAt: isoDateTime.nullable(),
  noticeId: id.nullable(), version: z.number().int(),
  /** Not editable: past its draft, or a year before last. */
  readOnly: z.boolean(),
  nextActions: z.array(z.enum(['save', 'submit', 'return', 'approve', 'publish'])),
})
export const annualReportListItem = z.object({ id, year: z.number().int(), title: z.string(), status: z.enum(annualReportStatuses), statusLabel: z.string(), publishedAt: isoDateTime.nullable(), readOnly: z.boolean() })

/** 好差评 公示 (after the 广东 monthly report): one month or one quarter of an org (and optionally a hall). */
const ratingReportBase = z.object({
  period: z.enum(['month', 'quarter'], { error: '统计周期只能是 month 或 quarter' }).default('month'),
  year,
  index: z.coerce.number({ error: '月份或季度必须是数字' }).int('月份或季度必须是整数').min(1, '月份或季度不正确').max(12, '月份或季度不正确'),
  orgId: id.optional(), hallId: id.optional(),
})
const quarterOk = (q: { period: string; index: number }) => q.period === 'month' || q.index <= 4
const quarterMsg = { path: ['index'], message: '季度只能是 1–4' }
export const ratingReportQuery = ratingReportBase.refine(quarterOk, quarterMsg)
const ratio = z.number().nullable()
export const ratingReport = z.object({
  title: z.string(), period: z.enum(['month', 'quarter']), from: z.string(), to: z.string(),
  orgId: id, orgName: z.string(), hallId: id.nullable(), hallName: z.string().nullable(),
  rated: z.number().int(),
  byChannel: z.array(z.object({ channel: z.string(), label: z.string(), count: z.number().int() })),
  byLevel: z.array(z.object({ level: z.number().int(), label: z.string(), count: z.number().int() })),
  goodRate: ratio, bad: z.number().int(),
  topBadTags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  rectificationRate: ratio, onTimeRectificationRate: ratio,
  realNameBad: z.number().int(), realNameRevisited: z.number().int(), revisitRate: ratio,
})

const editors = ['EDITOR', 'ADMIN'] as const
const reviewers = ['REVIEWER', 'ADMIN'] as const
const readers = ['EDITOR', 'REVIEWER', 'ADMIN'] as const
const tags = ['年度报告']
const act = (action: 'submit' | 'approve' | 'publish', summary: string) => route({
  method: 'POST', path: `/api/v1/staff/annual-reports/:id/${action}`, access: 'staff', roles: action === 'submit' ? editors : reviewers, summary, tags,
  params: idParams, responses: { 200: annualReportView },
})

export const reportRoutes = {
  listAnnualReports: route({
    method: 'GET', path: '/api/v1/staff/annual-reports', access: 'staff', roles: readers, summary: '历年政府信息公开工作年度报告', tags,
    query: z.object({ orgId: id.optional() }), responses: { 200: z.object({ items: z.array(annualReportListItem) }) },
  }),
  createAnnualReport: route({
    method: 'POST', path: '/api/v1/staff/annual-reports', access: 'staff', roles: editors, summary: '起草某年度的年度报告（正文预填当年数据）', tags,
    body: z.object({ year: z.number({ error: '请选择年度' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确'), orgId: id.optional() }),
    responses: { 201: annualReportView },
  }),
  getAnnualReportDraft: route({
    method: 'GET', path: '/api/v1/staff/annual-reports/:id', access: 'staff', roles: readers, summary: '年度报告（六部分）', tags,
    params: idParams, responses: { 200: annualReportView },
  }),
  updateAnnualReport: route({
    method: 'PUT', path: '/api/v1/staff/annual-reports/:id', access: 'staff', roles: editors, summary: '修改年度报告草稿（一、二、四、五、六）', tags,
    params: idParams,
    body: z.object({ version: z.number().int().optional(), texts: annualReportTexts.partial().optional(), proactive: proactiveTable.optional(), reviews: reviewsTable.optional() }),
    responses: { 200: annualReportView },
  }),
  submitAnnualReport: act('submit', '提交年度报告审核'),
  returnAnnualReport: route({
    method: 'POST', path: '/api/v1/staff/annual-reports/:id/return', access: 'staff', roles: reviewers, summary: '退回年度报告修改', tags,
    params: idParams, body: z.object({ reason: z.string({ error: '请填写退回原因' }).trim().min(2, '退回原因至少 2 个字').max(500, '退回原因最多 500 个字') }),
    responses: { 200: annualReportView },
  }),
  approveAnnualReport: act('approve', '审核通过年度报告（审核人不能是起草人）'),
  publishAnnualReport: act('publish', '发布年度报告（生成“年度报告”栏目公告）'),
  exportAnnualReport: route({
    method: 'GET', path: '/api/v1/staff/annual-reports/:id/export', access: 'staff', roles: readers, summary: '下载年度报告（Word 或表格 CSV）', tags,
    params: idParams, query: z.object({ format: z.enum(['docx', 'csv'], { error: '格式只能是 docx 或 csv' }).default('docx') }),
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    responses: { 200: z.string() },
  }),
  getPublishedAnnualReportDocument: route({
    method: 'GET', path: '/api/v1/annual-reports/:id/document', access: 'public', summary: '已发布年度报告的 Word 文档', tags,
    params: idParams,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    responses: { 200: z.string() },
  }),
  getRatingReport: route({
    method: 'GET', path: '/api/v1/rating-reports', access: 'public', summary: '好差评公示：月度、季度报告（按机构、大厅）', tags: ['好差评'],
    query: ratingReportQuery, responses: { 200: ratingReport },
  }),
  exportRatingReport: route({
    method: 'GET', path: '/api/v1/staff/rating-reports/export', access: 'staff', roles: ['ADMIN', 'REVIEWER', 'HANDLER', 'EDITOR'], summary: '导出好差评公示报告（CSV 或 Word）', tags: ['好差评'],
    query: ratingReportBase.extend({ format: z.enum(['docx', 'csv'], { error: '格式只能是 docx 或 csv' }).default('csv') }).refine(quarterOk, quarterMsg),
    produces: 'text/csv',
    responses: { 200: z.string() },
  }),
}
