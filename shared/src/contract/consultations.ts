import { z } from 'zod'
import { route } from './route'
import { boolQuery, id, idParams, isoDateTime, page, pageQuery, phone, text } from './common'
import { uploadIds, uploadView } from './uploads'

export const consultationKind = z.enum(['CONSULT', 'COMPLAINT', 'SUGGESTION'], { error: '请选择类型：咨询、投诉或建议' })
export const consultationKindLabels = { CONSULT: '咨询', COMPLAINT: '投诉', SUGGESTION: '建议' } as const
export const consultationStatus = z.enum(['SUBMITTED', 'ASSIGNED', 'REPLIED', 'CLOSED'], { error: '状态只能是 SUBMITTED、ASSIGNED、REPLIED 或 CLOSED' })
export const consultationStatusLabels = { SUBMITTED: '待受理', ASSIGNED: '办理中', REPLIED: '已答复', CLOSED: '已办结' } as const
export type ConsultationKind = z.infer<typeof consultationKind>
export type ConsultationStatus = z.infer<typeof consultationStatus>
export const maxConsultationImages = 3

/** Like `text`, but an empty field says "请填写…" before the minimum length. */
const filled = (label: string, max: number, min: number) => z.string({ error: `请填写${label}` }).trim()
  .min(1, `请填写${label}`).min(min, `${label}至少 ${min} 个字`).max(max, `${label}最多 ${max} 个字`)

export const consultationMessage = z.object({
  id,
  authorType: z.enum(['RESIDENT', 'STAFF']),
  /** Residents see the org's name; staff see the colleague's name. */
  authorName: z.string().nullable(),
  content: z.string(),
  createdAt: isoDateTime,
})

const consultationBase = {
  id,
  kind: consultationKind,
  status: consultationStatus,
  title: z.string(),
  orgId: id,
  orgName: z.string(),
  dueAt: isoDateTime,
  /** Not yet answered and past its reply deadline. */
  overdue: z.boolean(),
  /** First answered by the deadline (null while unanswered). */
  repliedOnTime: z.boolean().nullable(),
  createdAt: isoDateTime,
  firstRepliedAt: isoDateTime.nullable(),
  repliedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  /** RESIDENT 居民确认办结, AUTO 答复后自动办结, ERASED 居民已注销 (kept for statistics). */
  closedBy: z.enum(['RESIDENT', 'AUTO', 'ERASED']).nullable(),
  published: z.boolean(),
}

export const consultationSummary = z.object({ ...consultationBase, messageCount: z.number().int() })
export const consultationView = z.object({
  ...consultationBase,
  content: z.string(),
  allowPublish: z.boolean(),
  contactConsent: z.boolean(),
  /** The contact phone given with contactConsent, masked (138****5678). */
  contactPhoneMasked: z.string().nullable(),
  images: z.array(uploadView),
  messages: z.array(consultationMessage),
  /** When a REPLIED case closes by itself unless the resident follows up. */
  autoCloseAt: isoDateTime.nullable(),
})

const assignee = z.object({ id, name: z.string() }).nullable()
export const staffConsultationSummary = consultationSummary.extend({ assignee, awaitingReply: z.boolean() })
export const staffConsultationView = consultationView.extend({
  assignee,
  awaitingReply: z.boolean(),
  /** The phone the resident gave for contact with 同意联系 (null without consent). */
  contactPhone: z.string().nullable(),
  publicTitle: z.string().nullable(),
  publicQuestion: z.string().nullable(),
  publicAnswer: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
})

export const publicConsultation = z.object({
  id,
  kind: consultationKind,
  orgName: z.string(),
  title: z.string(),
  question: z.string(),
  answer: z.string(),
  askedAt: isoDateTime,
  repliedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime,
})

export const createConsultationBody = z.object({
  kind: consultationKind,
  orgId: id,
  title: filled('标题', 50, 2),
  content: filled('内容', 2000, 5),
  imageIds: uploadIds(maxConsultationImages, '图片').default([]),
  allowPublish: z.boolean({ error: '请选择是否同意公开' }).default(false),
  contactConsent: z.boolean({ error: '请选择是否同意联系' }).default(false),
  /** Required with contactConsent: the number staff may call (12345 practice); not kept without consent. */
  contactPhone: phone.optional(),
}).superRefine((v, ctx) => {
  if (v.contactConsent && !v.contactPhone) ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: '同意工作人员联系时，请填写联系电话' })
})

const staffListQuery = pageQuery.extend({
  status: consultationStatus.optional(),
  kind: consultationKind.optional(),
  overdue: boolQuery,
  /** Unanswered and due by the end of the next working day. */
  dueSoon: boolQuery,
  /** Assigned to me. */
  mine: boolQuery,
  /** Waiting for an answer (SUBMITTED or ASSIGNED). */
  awaiting: boolQuery,
})

const tags = ['在线咨询']
export const consultationRoutes = {
  listPublicConsultations: route({
    method: 'GET', path: '/api/v1/consultations/public', access: 'public', summary: '公开的咨询答复（已隐去个人信息），可搜索', tags,
    query: pageQuery.extend({ q: z.string().trim().max(50, '关键词最多 50 个字').optional(), kind: consultationKind.optional(), orgId: id.optional() }),
    responses: { 200: page(publicConsultation) },
  }),
  getPublicConsultation: route({
    method: 'GET', path: '/api/v1/consultations/public/:id', access: 'public', summary: '公开的咨询答复详情', tags,
    params: idParams,
    responses: { 200: publicConsultation },
  }),
  createConsultation: route({
    method: 'POST', path: '/api/v1/consultations', access: 'resident', requiresConsent: true, summary: '提交咨询、投诉或建议', tags,
    body: createConsultationBody,
    responses: { 201: consultationView },
  }),
  listMyConsultations: route({
    method: 'GET', path: '/api/v1/consultations', access: 'resident', summary: '我的咨询、投诉和建议', tags,
    query: pageQuery.extend({ status: consultationStatus.optional() }),
    responses: { 200: page(consultationSummary) },
  }),
  getConsultation: route({
    method: 'GET', path: '/api/v1/consultations/:id', access: 'resident', summary: '我的咨询详情（含往来消息和图片）', tags,
    params: idParams,
    responses: { 200: consultationView },
  }),
  addConsultationMessage: route({
    method: 'POST', path: '/api/v1/consultations/:id/messages', access: 'resident', requiresConsent: true, summary: '追问或补充说明（办结前）', tags,
    params: idParams,
    body: z.object({ content: text('内容', 2000) }),
    responses: { 201: consultationView },
  }),
  closeConsultation: route({
    method: 'POST', path: '/api/v1/consultations/:id/close', access: 'resident', summary: '确认办结', tags,
    params: idParams,
    responses: { 200: consultationView },
  }),
  staffConsultationSummary: route({
    method: 'GET', path: '/api/v1/staff/consultations/summary', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '咨询待办数（待答复、即将到期、已超期、未分派）', tags,
    responses: { 200: z.object({ awaitingReply: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int(), unassigned: z.number().int(), mine: z.number().int() }) },
  }),
  listStaffConsultations: route({
    method: 'GET', path: '/api/v1/staff/consultations', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '咨询收件箱（本机构及下级）', tags,
    query: staffListQuery,
    responses: { 200: page(staffConsultationSummary) },
  }),
  getStaffConsultation: route({
    method: 'GET', path: '/api/v1/staff/consultations/:id', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '咨询详情', tags,
    params: idParams,
    responses: { 200: staffConsultationView },
  }),
  listConsultationHandlers: route({
    method: 'GET', path: '/api/v1/staff/consultations/:id/handlers', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '可分派的办理人员（负责该咨询所属机构的咨询办理岗）', tags,
    params: idParams,
    responses: { 200: z.object({ items: z.array(z.object({ id, name: z.string(), orgName: z.string() })) }) },
  }),
  assignConsultation: route({
    method: 'POST', path: '/api/v1/staff/consultations/:id/assign', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '分派给办理人（默认自己）', tags,
    params: idParams,
    body: z.object({ handlerId: id.optional() }),
    responses: { 200: staffConsultationView },
  }),
  replyConsultation: route({
    method: 'POST', path: '/api/v1/staff/consultations/:id/reply', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '答复（通知居民）', tags,
    params: idParams,
    body: z.object({ content: filled('答复内容', 2000, 5) }),
    responses: { 200: staffConsultationView },
  }),
  publishConsultation: route({
    method: 'POST', path: '/api/v1/staff/consultations/:id/publish', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '公开答复（须居民同意；个人信息自动隐去）', tags,
    params: idParams,
    body: z.object({
      publicTitle: filled('公开标题', 50, 2).optional(),
      publicQuestion: filled('公开的问题', 2000, 5).optional(),
      publicAnswer: filled('公开的答复', 2000, 5).optional(),
    }),
    responses: { 200: staffConsultationView },
  }),
  unpublishConsultation: route({
    method: 'POST', path: '/api/v1/staff/consultations/:id/unpublish', access: 'staff', roles: ['HANDLER', 'ADMIN'], summary: '取消公开', tags,
    params: idParams,
    responses: { 200: staffConsultationView },
  }),
}
