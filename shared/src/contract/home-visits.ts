// 上门服务: residents with mobility difficulties request a home visit for items marked for it; staff schedule,
// decline with a reason, or complete it.
import { z } from 'zod'
import { route } from './route'
import { dateString, id, idParams, isoDateTime, page, pageQuery, personName, phone, text, timeString } from './common'

export const homeVisitStatus = z.enum(['REQUESTED', 'SCHEDULED', 'DECLINED', 'DONE', 'CANCELLED'])

export const homeVisitView = z.object({
  id, status: homeVisitStatus, serviceItemId: id, serviceItemName: z.string(), orgId: id,
  contactName: z.string(),
  /** Masked in every list: 138****5678 */
  contactPhone: z.string(),
  address: z.string(),
  reason: z.string(),
  preferredDays: z.array(z.string()),
  /** Start and end of the announced time window. */
  scheduledAt: isoDateTime.nullable(),
  scheduledEnd: isoDateTime.nullable(),
  /** Who will visit. */
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  declineReason: z.string().nullable(),
  doneAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
})

export const homeVisitInput = z.object({
  serviceItemId: id,
  contactName: personName,
  contactPhone: phone,
  address: text('上门地址', 200, 5),
  reason: text('申请原因', 500),
  preferredDays: z.array(dateString, { error: '请选择希望上门的日期' }).min(1, '请至少选择一个希望上门的日期').max(5, '最多选择 5 个日期'),
})

export const homeVisitSchedule = z.object({
  /** Start of the time window. */
  scheduledAt: z.iso.datetime({ offset: true, error: '上门时间格式不正确' }),
  /** End of the window on the same day (HH:mm); without it the visit is announced at a time. */
  until: timeString.optional(),
  /** Staff member who visits (in the caller's org subtree); default: the caller. */
  assigneeId: id.optional(),
})

const staffRoles = ['CLERK', 'HANDLER', 'ADMIN'] as const
const tags = ['上门服务']

export const homeVisitRoutes = {
  createHomeVisit: route({
    method: 'POST', path: '/api/v1/home-visits', access: 'resident', requiresConsent: true, summary: '申请上门服务', tags,
    body: homeVisitInput, responses: { 201: homeVisitView },
  }),
  listHomeVisits: route({
    method: 'GET', path: '/api/v1/home-visits', access: 'resident', summary: '我的上门服务申请', tags,
    query: pageQuery, responses: { 200: page(homeVisitView) },
  }),
  getHomeVisit: route({
    method: 'GET', path: '/api/v1/home-visits/:id', access: 'resident', summary: '上门服务申请详情', tags,
    params: idParams, responses: { 200: homeVisitView },
  }),
  cancelHomeVisit: route({
    method: 'POST', path: '/api/v1/home-visits/:id/cancel', access: 'resident', summary: '撤回上门服务申请', tags,
    params: idParams, responses: { 200: homeVisitView },
  }),
  listStaffHomeVisits: route({
    method: 'GET', path: '/api/v1/staff/home-visits', access: 'staff', roles: staffRoles, summary: '上门服务申请（本机构及下级）', tags,
    query: pageQuery.extend({ status: homeVisitStatus.optional() }), responses: { 200: page(homeVisitView) },
  }),
  listHomeVisitAssignees: route({
    method: 'GET', path: '/api/v1/staff/home-visits/assignees', access: 'staff', roles: staffRoles, summary: '可安排上门的工作人员（本机构及下级的窗口人员、办理人员）', tags,
    responses: { 200: z.object({ items: z.array(z.object({ id, name: z.string(), orgName: z.string() })) }) },
  }),
  scheduleHomeVisit: route({
    method: 'POST', path: '/api/v1/staff/home-visits/:id/schedule', access: 'staff', roles: staffRoles, summary: '受理并安排上门（日期、时间段、上门人员）', tags,
    params: idParams, body: homeVisitSchedule, responses: { 200: homeVisitView },
  }),
  declineHomeVisit: route({
    method: 'POST', path: '/api/v1/staff/home-visits/:id/decline', access: 'staff', roles: staffRoles, summary: '不予受理（须说明原因）', tags,
    params: idParams, body: z.object({ reason: text('不予受理的原因', 200, 2) }), responses: { 200: homeVisitView },
  }),
  completeHomeVisit: route({
    method: 'POST', path: '/api/v1/staff/home-visits/:id/complete', access: 'staff', roles: staffRoles, summary: '上门服务办结', tags,
    params: idParams, responses: { 200: homeVisitView },
  }),
}

export type HomeVisitView = z.infer<typeof homeVisitView>
