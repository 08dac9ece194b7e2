// Staff side of 好差评: 差评整改 cases (核实 → 整改/解释说明 → 回访 → 办结), 申诉复核, statistics of the own subtree.
import { z } from 'zod'
import { route } from './route'
import { boolQuery, id, idParams, isoDateTime, page, pageQuery, text } from './common'
import { ratingDimensions, ratingStats, ratingStatsQuery, ratingSubjectView, rectificationProgress, rectificationStatus } from './ratings'

export const appealReasons = ['MISTAKEN', 'MALICIOUS'] as const
export const appealReasonLabels: Record<(typeof appealReasons)[number], string> = { MISTAKEN: '误评', MALICIOUS: '恶意差评' }
export const appealStatuses = ['PENDING', 'UPHELD', 'DISMISSED'] as const
export const appealStatusLabels: Record<(typeof appealStatuses)[number], string> = { PENDING: '待复核', UPHELD: '申诉成立', DISMISSED: '申诉驳回' }
export const rectificationActions = ['verify', 'rectify', 'explain', 'revisit', 'close'] as const
export type RectificationAction = (typeof rectificationActions)[number]

const noteBody = z.object({ note: text('处理说明', 1000, 2) })

export const rectificationListItem = z.object({
  id, ratingId: id, status: rectificationStatus, dueAt: isoDateTime, overdue: z.boolean(), createdAt: isoDateTime,
  closedAt: isoDateTime.nullable(), orgId: id, orgName: z.string(), level: z.number().int(), tags: z.array(z.string()),
  subjectTitle: z.string(), excluded: z.boolean(), appealStatus: z.enum(appealStatuses).nullable(),
})
export const staffStepView = z.object({ id, action: z.string(), note: z.string(), staffName: z.string().nullable(), createdAt: isoDateTime })
export const appealView = z.object({
  id, ratingId: id, rectificationId: id.nullable(), orgId: id, orgName: z.string(), reason: z.enum(appealReasons), note: z.string(),
  status: z.enum(appealStatuses), requestedByName: z.string().nullable(), createdAt: isoDateTime,
  decidedByName: z.string().nullable(), decidedAt: isoDateTime.nullable(), decisionNote: z.string().nullable(),
  /** Whether the caller may decide it (a REVIEWER of a higher org). */
  canDecide: z.boolean(),
  rating: z.object({ level: z.number().int(), tags: z.array(z.string()), comment: z.string().nullable(), subjectTitle: z.string(), excluded: z.boolean() }),
})
export const rectificationDetail = rectificationProgress.extend({
  ratingId: id,
  orgId: id,
  orgName: z.string(),
  steps: z.array(staffStepView),
  rating: z.object({
    id, level: z.number().int(), levelLabel: z.string(), dimensions: ratingDimensions.nullable(), tags: z.array(z.string()),
    comment: z.string().nullable(), createdAt: isoDateTime, excluded: z.boolean(), subject: ratingSubjectView.nullable(),
  }),
  /** Real-name 差评: the contact for the 回访 call, masked (reveal through revealRectificationContact, audited). */
  contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  /** Actions allowed in the current state. */
  nextActions: z.array(z.enum(rectificationActions)),
  appeals: z.array(appealView),
  /** A 申诉 may be filed: none yet, and the 差评 not verified and closed (a closed case accepted it). */
  canAppeal: z.boolean(),
})

const handlers = ['HANDLER', 'ADMIN'] as const
const act = (action: RectificationAction, summary: string) => route({
  method: 'POST', path: `/api/v1/staff/rectifications/:id/${action}`, access: 'staff', roles: handlers, summary, tags: ['好差评'],
  params: idParams, body: noteBody, responses: { 200: rectificationDetail },
})

export const rectificationRoutes = {
  listRectifications: route({
    method: 'GET', path: '/api/v1/staff/rectifications', access: 'staff', roles: [...handlers, 'REVIEWER'], summary: '差评整改（本机构及下级）', tags: ['好差评'],
    query: pageQuery.extend({ status: rectificationStatus.optional(), overdue: boolQuery }),
    responses: { 200: page(rectificationListItem).extend({ overdueCount: z.number().int(), openCount: z.number().int() }) },
  }),
  getRectification: route({
    method: 'GET', path: '/api/v1/staff/rectifications/:id', access: 'staff', roles: [...handlers, 'REVIEWER'], summary: '差评整改详情', tags: ['好差评'],
    params: idParams, responses: { 200: rectificationDetail },
  }),
  revealRectificationContact: route({
    method: 'POST', path: '/api/v1/staff/rectifications/:id/contact', access: 'staff', roles: handlers, summary: '查看评价人完整联系方式以便回访（记入审计）', tags: ['好差评'],
    params: idParams, responses: { 200: z.object({ name: z.string(), phone: z.string() }) },
  }),
  verifyRectification: act('verify', '核实差评'),
  rectifyRectification: act('rectify', '整改（差评属实）'),
  explainRectification: act('explain', '解释说明（诉求无法律依据等）'),
  revisitRectification: act('revisit', '回访评价人'),
  closeRectification: act('close', '办结（须已回访），结果告知评价人'),
  appealRating: route({
    method: 'POST', path: '/api/v1/staff/rectifications/:id/appeal', access: 'staff', roles: handlers, summary: '对差评提出申诉（误评、恶意差评）', tags: ['好差评'],
    params: idParams,
    body: z.object({ reason: z.enum(appealReasons, { error: '申诉理由只能是误评（MISTAKEN）或恶意差评（MALICIOUS）' }), note: text('申诉说明', 1000, 5) }),
    responses: { 201: appealView },
  }),
  listAppeals: route({
    method: 'GET', path: '/api/v1/staff/appeals', access: 'staff', roles: ['REVIEWER', ...handlers], summary: '评价申诉（本机构及下级）', tags: ['好差评'],
    query: pageQuery.extend({ status: z.enum(appealStatuses, { error: '申诉状态不正确' }).optional() }),
    responses: { 200: page(appealView) },
  }),
  upholdAppeal: route({
    method: 'POST', path: '/api/v1/staff/appeals/:id/uphold', access: 'staff', roles: ['REVIEWER'], summary: '申诉成立：该评价不计入统计（不删除）', tags: ['好差评'],
    params: idParams, body: noteBody, responses: { 200: appealView },
  }),
  dismissAppeal: route({
    method: 'POST', path: '/api/v1/staff/appeals/:id/dismiss', access: 'staff', roles: ['REVIEWER'], summary: '申诉驳回', tags: ['好差评'],
    params: idParams, body: noteBody, responses: { 200: appealView },
  }),
  getStaffRatingStats: route({
    method: 'GET', path: '/api/v1/staff/ratings/stats', access: 'staff', summary: '好差评统计（本机构及下级）', tags: ['好差评'],
    query: ratingStatsQuery,
    responses: { 200: ratingStats },
  }),
}
