// 预约办理: booking, cancel, reschedule; staff check-in, queue, no-show; slot management.
import { z } from 'zod'
import { route } from './route'
import { dateString, id, idParams, isoDateTime, page, pageQuery, personName, phone, text } from './common'

export const appointmentStatus = z.enum(['BOOKED', 'CANCELLED', 'LATE_CANCELLED', 'CHECKED_IN', 'CALLED', 'DONE', 'NO_SHOW'])
export const bookingChannel = z.enum(['APP', 'PHONE', 'PROXY', 'HOME'])

export const appointmentView = z.object({
  id, status: appointmentStatus, slotId: id, serviceItemId: id, serviceItemName: z.string(),
  hallId: id, hallName: z.string(), hallAddress: z.string(), windowId: id.nullable(), windowName: z.string().nullable(),
  date: z.string(), start: z.string(), end: z.string(), startsAt: isoDateTime,
  /** Short check-in code shown at the hall (unique per hall and day). */
  code: z.string(),
  queueNumber: z.string().nullable(),
  contactName: z.string(),
  /** Always masked: 138****5678 */
  contactPhone: z.string(),
  note: z.string().nullable(),
  channel: bookingChannel,
  /** Until this instant a cancel is free; later it is a late cancel. */
  cancelDeadline: isoDateTime,
  canCancel: z.boolean(),
  createdAt: isoDateTime,
  cancelledAt: isoDateTime.nullable(),
  checkedInAt: isoDateTime.nullable(),
  calledAt: isoDateTime.nullable(),
  doneAt: isoDateTime.nullable(),
  /** 改约: the booking this one was moved to (this one reads 已改约, its code void); in the resident's own reads. */
  rescheduledToId: id.nullable().optional(),
})
export const appointmentDetail = appointmentView.extend({
  /** QR code of the check-in code (data: URL, SVG), scanned at the hall. */
  qrCode: z.string(),
  qrPayload: z.string(),
})
export const staffAppointment = appointmentView.extend({
  residentId: id.nullable(), bookedById: id.nullable(), noShowAt: isoDateTime.nullable(),
  /** Why staff cancelled it on the resident's behalf. */
  cancelReason: z.string().nullable(),
})

export const bookingInput = z.object({
  slotId: id,
  serviceItemId: id,
  contactName: personName,
  contactPhone: phone,
  note: z.string().trim().max(200, '备注最多 200 个字').optional(),
})
export const proxyBookingInput = bookingInput.extend({
  channel: z.enum(['PHONE', 'PROXY'], { error: '渠道只能是 PHONE（电话预约）或 PROXY（代办）' }),
})

export const staffSlot = z.object({
  id, hallId: id, windowId: id.nullable(), windowName: z.string().nullable(), date: z.string(), start: z.string(), end: z.string(),
  startsAt: isoDateTime, capacity: z.number().int(), booked: z.number().int(), remaining: z.number().int(), closed: z.boolean(),
  closedReason: z.string().nullable(), serviceItemIds: z.array(id).nullable(),
})

const staffQueue = ['CLERK', 'ADMIN'] as const
const tags = ['预约办理']
const staffTags = ['预约办理（工作人员）']
const idempotencyHeader = { 'Idempotency-Key': '重试时带上同一个值，返回第一次的结果（1–64 位字母、数字、-、_、:、.）' }

export const appointmentRoutes = {
  createAppointment: route({
    method: 'POST', path: '/api/v1/appointments', access: 'resident', requiresConsent: true, summary: '预约（容量、每日每事项一次、可预约范围均由服务端保证）', tags,
    body: bookingInput, headers: idempotencyHeader,
    responses: { 201: appointmentDetail },
  }),
  listAppointments: route({
    method: 'GET', path: '/api/v1/appointments', access: 'resident', summary: '我的预约', tags,
    query: pageQuery.extend({ status: appointmentStatus.optional() }),
    responses: { 200: page(appointmentView) },
  }),
  getAppointment: route({
    method: 'GET', path: '/api/v1/appointments/:id', access: 'resident', summary: '预约详情（签到码与二维码）', tags,
    params: idParams, responses: { 200: appointmentDetail },
  }),
  getBookingContact: route({
    method: 'GET', path: '/api/v1/booking-contact', access: 'resident', requiresConsent: true, summary: '上次预约填写的联系人（预填预约表单；没有预约过为 null）', tags,
    responses: { 200: z.object({ contact: z.object({ contactName: z.string(), contactPhone: z.string() }).nullable() }) },
  }),
  cancelAppointment: route({
    method: 'POST', path: '/api/v1/appointments/:id/cancel', access: 'resident', summary: '取消预约（时段开始前规定时间内为逾时取消）', tags,
    params: idParams, responses: { 200: appointmentView },
  }),
  rescheduleAppointment: route({
    method: 'POST', path: '/api/v1/appointments/:id/reschedule', access: 'resident', summary: '改约（取消原预约并预约新时段，一次完成）', tags,
    params: idParams, body: z.object({ slotId: id }), responses: { 201: appointmentDetail },
  }),

  listStaffAppointments: route({
    method: 'GET', path: '/api/v1/staff/appointments', access: 'staff', roles: staffQueue, summary: '预约列表（默认今天，本机构及下级的服务中心）', tags: staffTags,
    query: pageQuery.extend({ date: dateString.optional(), hallId: id.optional(), status: appointmentStatus.optional() }),
    responses: { 200: page(staffAppointment).extend({ counts: z.record(z.string(), z.number().int()) }) },
  }),
  listUnresolvedAppointments: route({
    method: 'GET', path: '/api/v1/staff/appointments/unresolved', access: 'staff', roles: staffQueue, summary: '日终未处理的预约（已预约、已签到、已叫号）', tags: staffTags,
    query: z.object({ date: dateString.optional(), hallId: id.optional() }),
    responses: { 200: z.object({ items: z.array(staffAppointment) }) },
  }),
  createStaffAppointment: route({
    method: 'POST', path: '/api/v1/staff/appointments', access: 'staff', roles: staffQueue, summary: '代为预约（电话预约 / 代办），按姓名和手机号', tags: staffTags,
    body: proxyBookingInput, headers: idempotencyHeader, responses: { 201: appointmentDetail },
  }),
  checkInByCode: route({
    method: 'POST', path: '/api/v1/staff/appointments/check-in', access: 'staff', roles: staffQueue, summary: '按签到码签到（取排队号）', tags: staffTags,
    body: z.object({ hallId: id, code: z.string({ error: '请输入签到码' }).trim().regex(/^\d{6}$/, '签到码为 6 位数字') }),
    responses: { 200: staffAppointment },
  }),
  checkInAppointment: route({
    method: 'POST', path: '/api/v1/staff/appointments/:id/check-in', access: 'staff', roles: staffQueue, summary: '签到（取排队号，如 A007）', tags: staffTags,
    params: idParams, responses: { 200: staffAppointment },
  }),
  callAppointment: route({
    method: 'POST', path: '/api/v1/staff/appointments/:id/call', access: 'staff', roles: staffQueue, summary: '叫号', tags: staffTags,
    params: idParams, body: z.object({ windowId: id.optional() }), responses: { 200: staffAppointment },
  }),
  completeAppointment: route({
    method: 'POST', path: '/api/v1/staff/appointments/:id/complete', access: 'staff', roles: staffQueue, summary: '办结', tags: staffTags,
    params: idParams, responses: { 200: staffAppointment },
  }),
  noShowAppointment: route({
    method: 'POST', path: '/api/v1/staff/appointments/:id/no-show', access: 'staff', roles: staffQueue, summary: '标记爽约（仅人工标记）', tags: staffTags,
    params: idParams, responses: { 200: staffAppointment },
  }),
  cancelStaffAppointment: route({
    method: 'POST', path: '/api/v1/staff/appointments/:id/cancel', access: 'staff', roles: staffQueue, summary: '代为取消（群众来电取消，须说明原因；App 用户收到通知）', tags: staffTags,
    params: idParams, body: z.object({ reason: text('取消原因', 100, 2) }), responses: { 200: staffAppointment },
  }),
  callNext: route({
    method: 'POST', path: '/api/v1/staff/halls/:id/call-next', access: 'staff', roles: staffQueue, summary: '叫下一位（按排队号顺序）', tags: staffTags,
    params: idParams, body: z.object({ windowId: id.optional() }),
    responses: { 200: z.object({ item: staffAppointment.nullable(), waiting: z.number().int() }) },
  }),

  listStaffSlots: route({
    method: 'GET', path: '/api/v1/staff/slots', access: 'staff', roles: staffQueue, summary: '时段管理列表', tags: staffTags,
    query: z.object({ hallId: id, date: dateString.optional() }),
    responses: { 200: z.object({ items: z.array(staffSlot) }) },
  }),
  generateSlots: route({
    method: 'POST', path: '/api/v1/staff/slots/generate', access: 'staff', roles: ['ADMIN'], summary: '按模板生成时段（仅工作日，可重复执行）', tags: staffTags,
    body: z.object({ hallId: id, from: dateString, to: dateString }).refine((b) => b.from <= b.to, { message: '结束日期不能早于开始日期', path: ['to'] }),
    responses: { 200: z.object({ created: z.number().int() }) },
  }),
  updateSlot: route({
    method: 'PATCH', path: '/api/v1/staff/slots/:id', access: 'staff', roles: staffQueue, summary: '调整时段容量或关闭时段（关闭将取消其预约并通知群众）', tags: staffTags,
    params: idParams,
    body: z.object({
      capacity: z.number({ error: '容量必须是数字' }).int('容量必须是整数').min(0, '容量不能为负数').max(200, '每个时段最多 200 个号').optional(),
      closed: z.boolean().optional(),
      reason: z.string().trim().max(100, '原因最多 100 个字').optional(),
    }).refine((b) => b.capacity !== undefined || b.closed !== undefined, { message: '请填写要修改的容量或关闭状态' }),
    responses: { 200: staffSlot.extend({ cancelled: z.number().int() }) },
  }),
}

export type AppointmentView = z.infer<typeof appointmentView>
export type AppointmentDetail = z.infer<typeof appointmentDetail>
export type StaffAppointment = z.infer<typeof staffAppointment>
export type AppointmentStatus = z.infer<typeof appointmentStatus>
export type StaffSlot = z.infer<typeof staffSlot>
