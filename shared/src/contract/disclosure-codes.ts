// 依申请公开 codes. Applicant types and outcomes are exactly the columns and rows of section 三 of the
// 政府信息公开工作年度报告 (template 国办公开办函〔2021〕30号), so the annual table fills itself.
import { z } from 'zod'
import './locale'

export const disclosureApplicantTypes = ['NATURAL_PERSON', 'COMMERCIAL', 'RESEARCH', 'NONPROFIT', 'LEGAL_SERVICE', 'OTHER'] as const
export type DisclosureApplicantType = (typeof disclosureApplicantTypes)[number]
export const disclosureApplicantTypeLabels: Record<DisclosureApplicantType, string> = {
  NATURAL_PERSON: '自然人',
  COMMERCIAL: '商业企业',
  RESEARCH: '科研机构',
  NONPROFIT: '社会公益组织',
  LEGAL_SERVICE: '法律服务机构',
  OTHER: '其他',
}
export const disclosureApplicantType = z.enum(disclosureApplicantTypes, { error: '请选择申请人类型' })

export const disclosureOutcomeCategories = ['DISCLOSED', 'PARTIAL', 'WITHHELD', 'UNAVAILABLE', 'NOT_PROCESSED', 'OTHER'] as const
export type DisclosureOutcomeCategory = (typeof disclosureOutcomeCategories)[number]
/** Row headings of 三、本年度办理结果. */
export const disclosureCategoryLabels: Record<DisclosureOutcomeCategory, string> = {
  DISCLOSED: '（一）予以公开',
  PARTIAL: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  WITHHELD: '（三）不予公开',
  UNAVAILABLE: '（四）无法提供',
  NOT_PROCESSED: '（五）不予处理',
  OTHER: '（六）其他处理',
}
/** Short names for pickers and badges. */
export const disclosureCategoryNames: Record<DisclosureOutcomeCategory, string> = {
  DISCLOSED: '予以公开', PARTIAL: '部分公开', WITHHELD: '不予公开', UNAVAILABLE: '无法提供', NOT_PROCESSED: '不予处理', OTHER: '其他处理',
}

/** Every outcome, in the table's row order, with its exact row label. */
export const disclosureOutcomeList = [
  { code: 'DISCLOSED', category: 'DISCLOSED', label: '予以公开' },
  { code: 'PARTIAL', category: 'PARTIAL', label: '部分公开' },
  { code: 'WITHHELD_STATE_SECRET', category: 'WITHHELD', label: '1.属于国家秘密' },
  { code: 'WITHHELD_LAW_PROHIBITED', category: 'WITHHELD', label: '2.其他法律行政法规禁止公开' },
  { code: 'WITHHELD_SECURITY_STABILITY', category: 'WITHHELD', label: '3.危及“三安全一稳定”' },
  { code: 'WITHHELD_THIRD_PARTY', category: 'WITHHELD', label: '4.保护第三方合法权益' },
  { code: 'WITHHELD_INTERNAL_AFFAIRS', category: 'WITHHELD', label: '5.属于三类内部事务信息' },
  { code: 'WITHHELD_PROCESS_INFO', category: 'WITHHELD', label: '6.属于四类过程性信息' },
  { code: 'WITHHELD_ENFORCEMENT_FILE', category: 'WITHHELD', label: '7.属于行政执法案卷' },
  { code: 'WITHHELD_ADMIN_QUERY', category: 'WITHHELD', label: '8.属于行政查询事项' },
  { code: 'UNAVAILABLE_NOT_HELD', category: 'UNAVAILABLE', label: '1.本机关不掌握相关政府信息' },
  { code: 'UNAVAILABLE_NEEDS_CREATION', category: 'UNAVAILABLE', label: '2.没有现成信息需要另行制作' },
  { code: 'UNAVAILABLE_STILL_UNCLEAR', category: 'UNAVAILABLE', label: '3.补正后申请内容仍不明确' },
  { code: 'NOT_PROCESSED_PETITION', category: 'NOT_PROCESSED', label: '1.信访举报投诉类申请' },
  { code: 'NOT_PROCESSED_DUPLICATE', category: 'NOT_PROCESSED', label: '2.重复申请' },
  { code: 'NOT_PROCESSED_PUBLICATION', category: 'NOT_PROCESSED', label: '3.要求提供公开出版物' },
  { code: 'NOT_PROCESSED_EXCESSIVE', category: 'NOT_PROCESSED', label: '4.无正当理由大量反复申请' },
  { code: 'NOT_PROCESSED_CONFIRMATION', category: 'NOT_PROCESSED', label: '5.要求行政机关确认或重新出具已获取信息' },
  { code: 'OTHER_NO_CORRECTION', category: 'OTHER', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { code: 'OTHER_UNPAID_FEE', category: 'OTHER', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { code: 'OTHER', category: 'OTHER', label: '3.其他' },
] as const satisfies readonly { code: string; category: DisclosureOutcomeCategory; label: string }[]

export type DisclosureOutcome = (typeof disclosureOutcomeList)[number]['code']
export const disclosureOutcomeCodes = disclosureOutcomeList.map((o) => o.code) as [DisclosureOutcome, ...DisclosureOutcome[]]
export const disclosureOutcome = z.enum(disclosureOutcomeCodes, { error: '答复结果不在年度报告规定的类别中' })
export const disclosureOutcomeInfo = (code: string) => disclosureOutcomeList.find((o) => o.code === code)
/** Set by the system when a 补正 request goes unanswered; staff do not choose it. */
export const DISCLOSURE_SYSTEM_OUTCOMES: readonly DisclosureOutcome[] = ['OTHER_NO_CORRECTION']

export const disclosureStatuses = ['RECEIVED', 'CORRECTION_REQUESTED', 'EXTENDED', 'PAUSED', 'REPLIED', 'CLOSED'] as const
export type DisclosureStatus = (typeof disclosureStatuses)[number]
export const disclosureStatusLabels: Record<DisclosureStatus, string> = {
  RECEIVED: '办理中', CORRECTION_REQUESTED: '待补正', EXTENDED: '已延期', PAUSED: '征求第三方意见', REPLIED: '已答复', CLOSED: '已办结',
}
export const disclosureForms = ['ELECTRONIC', 'PAPER'] as const
export const disclosureFormLabels: Record<(typeof disclosureForms)[number], string> = { ELECTRONIC: '电子文件', PAPER: '纸质文件' }
export const disclosureChannels = ['ONLINE', 'IN_PERSON', 'POST'] as const
export const disclosureChannelLabels: Record<(typeof disclosureChannels)[number], string> = { ONLINE: '网上申请', IN_PERSON: '当面申请', POST: '信函申请' }
export const disclosureEventLabels: Record<string, string> = {
  SUBMITTED: '提交申请', RECORDED: '登记申请', CORRECTION_REQUESTED: '告知补正', CORRECTION_SUPPLIED: '申请人补正',
  EXTENDED: '延长答复期限', PAUSED: '征求第三方意见', RESUMED: '恢复办理', REPLIED: '作出答复', CLOSED: '办结归档',
  CORRECTION_EXPIRED: '逾期未补正，不再处理',
}

/** Columns of the section 三 table. */
export const disclosureAnnualColumns = [...disclosureApplicantTypes, 'TOTAL'] as const
export type DisclosureAnnualColumn = (typeof disclosureAnnualColumns)[number]
export const disclosureAnnualColumnLabels: Record<DisclosureAnnualColumn, string> = { ...disclosureApplicantTypeLabels, TOTAL: '总计' }
