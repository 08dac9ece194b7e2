// 依申请公开: resident applications, staff handling with the Regulation's deadlines, and the annual table (section 三).
import { z } from 'zod'
import { route } from './route'
import { uploadIds, uploadView } from './uploads'
import { boolQuery, dateString, id, idParams, isoDateTime, page, pageQuery, personName, phone, text, year } from './common'
import {
  disclosureAnnualColumns, disclosureApplicantType, disclosureChannels, disclosureForms, disclosureOutcome, disclosureStatuses, disclosureOutcomeCategories,
} from './disclosure-codes'

export * from './disclosure-codes'

const status = z.enum(disclosureStatuses)
const form = z.enum(disclosureForms, { error: '请选择获取信息的方式（电子或纸质）' })

export const disclosureApplication = z.object({
  applicantType: disclosureApplicantType,
  /** Organisation name (法人或其他组织); optional for a natural person. */
  applicantName: text('申请单位名称', 100).optional(),
  orgId: id,
  description: z.string({ error: '请填写所需信息的内容描述' }).trim().min(1, '请填写所需信息的内容描述')
    .min(5, '内容描述至少 5 个字，请写明所需信息的名称或特征').max(2000, '内容描述最多 2000 个字'),
  purpose: text('用途', 500).optional(),
  form,
  contactName: personName,
  contactPhone: phone,
})

/**
 * Who applies (条例第二十九条: the applicant's identity): 身份证号 for a person, 统一社会信用代码 (or another registration
 * number) for an organisation; the postal address when the reply is wanted on paper.
 */
export const disclosureIdentity = {
  applicantIdNumber: z.string({ error: '请填写身份证号或统一社会信用代码' }).trim().min(1, '请填写身份证号或统一社会信用代码')
    .regex(/^[0-9A-Za-z-]{6,30}$/, '证件号码为 6–30 位字母、数字或 -（身份证号或统一社会信用代码）'),
  postalAddress: text('邮寄地址', 200, 5).optional(),
}
const paperNeedsAddress = (b: { form: string; postalAddress?: string }) => b.form !== 'PAPER' || !!b.postalAddress
const paperAddressIssue = { message: '申请纸质文件时请填写邮寄地址', path: ['postalAddress'] }
/** What a resident sends: the application with the identity (a paper reply needs the postal address). */
export const disclosureRequest = disclosureApplication.extend(disclosureIdentity).refine(paperNeedsAddress, paperAddressIssue)

export const disclosureEventView = z.object({ action: z.string(), label: z.string(), note: z.string().nullable(), createdAt: isoDateTime })
export const disclosureCorrection = z.object({
  requestedAt: isoDateTime, request: z.string(), dueAt: isoDateTime, answeredAt: isoDateTime.nullable(), content: z.string().nullable(),
})

const summaryFields = {
  id,
  /** 申请编号 (receipt year and sequence), e.g. 2026-000012; null for requests imported without one. */
  serialNo: z.string().nullable(),
  status,
  statusLabel: z.string(),
  applicantType: disclosureApplicantType,
  applicantName: z.string().nullable(),
  orgId: id,
  orgName: z.string(),
  description: z.string(),
  channel: z.enum(disclosureChannels),
  receivedAt: isoDateTime,
  /** Reply deadline; while waiting for 补正 it is the applicant's 补正 deadline. */
  dueAt: isoDateTime,
  overdue: z.boolean(),
  outcome: disclosureOutcome.nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeCategory: z.enum(disclosureOutcomeCategories).nullable(),
  repliedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
}
export const disclosureSummary = z.object({ ...summaryFields, contactName: z.string() })

export const disclosureView = z.object({
  ...summaryFields,
  purpose: z.string().nullable(),
  form: z.enum(disclosureForms),
  /** ID card / registration number, masked (3502**********1234). */
  applicantIdNumber: z.string().nullable(),
  /** Where a paper reply is posted. */
  postalAddress: z.string().nullable(),
  contactName: z.string(),
  /** Masked for residents (138****5678); in full for staff. */
  contactPhone: z.string(),
  extended: z.boolean(),
  extensionDays: z.number().int(),
  pausedWorkdays: z.number().int(),
  correction: disclosureCorrection.nullable(),
  outcomeDetail: z.string().nullable(),
  replyContent: z.string().nullable(),
  /** Reply documents (signed download links). */
  attachments: z.array(uploadView),
  closedAt: isoDateTime.nullable(),
  events: z.array(disclosureEventView),
})

const annualRow = z.object({
  key: z.string(),
  label: z.string(),
  /** For outcome rows: the heading they belong to (（三）不予公开 …). */
  category: z.enum(disclosureOutcomeCategories).nullable(),
  values: z.record(z.enum(disclosureAnnualColumns), z.number().int()),
})
export const disclosureAnnualTableView = z.object({
  year: z.number().int(),
  columns: z.array(z.object({ key: z.enum(disclosureAnnualColumns), label: z.string(), group: z.string().nullable() })),
  rows: z.array(annualRow),
  /** 一 + 二 = 三 + 四 for every column. */
  check: z.object({ balanced: z.boolean(), differences: z.record(z.enum(disclosureAnnualColumns), z.number().int()) }),
})

const staffRoles = ['HANDLER', 'REVIEWER', 'ADMIN'] as const
const note = (label: string, max = 1000) => z.object({ content: text(label, max) })
const tags = ['依申请公开']

export const disclosureRoutes = {
  createDisclosure: route({
    method: 'POST', path: '/api/v1/disclosures', access: 'resident', requiresConsent: true, summary: '提交政府信息公开申请（返回申请编号）', tags,
    body: disclosureRequest,
    responses: { 201: disclosureView },
  }),
  listMyDisclosures: route({
    method: 'GET', path: '/api/v1/disclosures', access: 'resident', summary: '我的政府信息公开申请', tags,
    query: pageQuery,
    responses: { 200: page(disclosureSummary) },
  }),
  getDisclosure: route({
    method: 'GET', path: '/api/v1/disclosures/:id', access: 'resident', summary: '申请详情（进度、期限、答复）', tags,
    params: idParams,
    responses: { 200: disclosureView },
  }),
  answerDisclosureCorrection: route({
    method: 'POST', path: '/api/v1/disclosures/:id/correction', access: 'resident', requiresConsent: true, summary: '提交补正内容（答复期限自补正之日起重新计算）', tags,
    params: idParams, body: note('补正内容', 2000),
    responses: { 200: disclosureView },
  }),

  disclosureAnnualTable: route({
    method: 'GET', path: '/api/v1/staff/disclosures/annual', access: 'staff', roles: staffRoles, tags,
    summary: '年度报告第三部分：收到和处理政府信息公开申请情况（本机构及下级）',
    query: z.object({ year, orgId: id.optional() }),
    responses: { 200: disclosureAnnualTableView },
  }),
  listStaffDisclosures: route({
    method: 'GET', path: '/api/v1/staff/disclosures', access: 'staff', roles: staffRoles, summary: '依申请公开办理队列（按答复期限排序）', tags,
    query: pageQuery.extend({
      /** OPEN = every status still being handled. */
      status: z.enum([...disclosureStatuses, 'OPEN'], { error: '状态不正确' }).optional(),
      overdue: boolQuery,
    }),
    responses: { 200: page(disclosureSummary) },
  }),
  recordDisclosure: route({
    method: 'POST', path: '/api/v1/staff/disclosures', access: 'staff', roles: staffRoles, summary: '登记当面或信函提交的申请（返回申请编号，可打印受理回执）', tags,
    body: disclosureApplication.extend({
      channel: z.enum(['IN_PERSON', 'POST'], { error: '请选择申请渠道（当面或信函）' }),
      receivedDate: dateString,
      ...disclosureIdentity,
    }).refine(paperNeedsAddress, paperAddressIssue),
    responses: { 201: disclosureView },
  }),
  getStaffDisclosure: route({
    method: 'GET', path: '/api/v1/staff/disclosures/:id', access: 'staff', roles: staffRoles, summary: '申请详情（含完整联系方式）', tags,
    params: idParams,
    responses: { 200: disclosureView },
  }),
  requestDisclosureCorrection: route({
    method: 'POST', path: '/api/v1/staff/disclosures/:id/request-correction', access: 'staff', roles: staffRoles, tags,
    summary: '一次性告知补正（收到申请之日起 7 个工作日内）',
    params: idParams, body: note('需要补正的事项'),
    responses: { 200: disclosureView },
  }),
  extendDisclosure: route({
    method: 'POST', path: '/api/v1/staff/disclosures/:id/extend', access: 'staff', roles: ['REVIEWER'], tags,
    summary: '延长答复期限（审核人批准，仅一次，不超过 20 个工作日，告知申请人）',
    params: idParams,
    body: z.object({
      days: z.number({ error: '请填写延长的工作日数' }).int('延长天数必须是整数').min(1, '至少延长 1 个工作日').max(60, '延长天数过大'),
      reason: text('延期理由', 500),
    }),
    responses: { 200: disclosureView },
  }),
  pauseDisclosure: route({
    method: 'POST', path: '/api/v1/staff/disclosures/:id/pause', access: 'staff', roles: staffRoles, tags,
    summary: '征求第三方意见（期间不计入答复期限，最长 15 个工作日）',
    params: idParams, body: z.object({ reason: text('征求意见的说明', 500) }),
    responses: { 200: disclosureView },
  }),
  resumeDisclosure: route({
    method: 'POST', path: '/api/v1/staff/disclosures/:id/resume', access: 'staff', roles: staffRoles, summary: '第三方意见已收到，恢复计时', tags,
    params: idParams,
    responses: { 200: disclosureView },
  }),
  replyDisclosure: route({
    method: 'POST', path: '/api/v1/staff/disclosures/:id/reply', access: 'staff', roles: staffRoles, summary: '作出答复（结果类别即年度报告的行）', tags,
    params: idParams,
    body: z.object({
      outcome: disclosureOutcome,
      outcomeDetail: text('结果说明', 500).optional(),
      content: text('答复内容', 5000),
      attachmentIds: uploadIds(10, '附件').optional(),
    }),
    responses: { 200: disclosureView },
  }),
  closeDisclosure: route({
    method: 'POST', path: '/api/v1/staff/disclosures/:id/close', access: 'staff', roles: staffRoles, summary: '办结归档（已答复的申请）', tags,
    params: idParams,
    responses: { 200: disclosureView },
  }),
}
