// PIPL rights of the resident: a copy of their personal data, and erasure (anonymised statistics are kept).
import { z } from 'zod'
import { route } from './route'
import { id, isoDateTime } from './common'

const s = z.string()
const sn = z.string().nullable()
const tn = isoDateTime.nullable()

export const myDataExport = z.object({
  exportedAt: isoDateTime,
  resident: z.object({ id, nickname: sn, phone: sn, consentVersion: sn, consentAt: tn, elderMode: z.boolean(), createdAt: isoDateTime }),
  consents: z.array(z.object({ version: s, acceptedAt: isoDateTime })),
  appointments: z.array(z.object({
    id, status: s, serviceItemName: s, hallName: s, date: s, start: s, end: s, code: s, queueNumber: sn,
    contactName: s, contactPhone: s, note: sn, channel: s, createdAt: isoDateTime, cancelledAt: tn, doneAt: tn,
  })),
  homeVisits: z.array(z.object({
    id, status: s, serviceItemName: s, contactName: s, contactPhone: s, address: s, reason: s, preferredDays: z.unknown(),
    scheduledAt: tn, declineReason: sn, createdAt: isoDateTime,
  })),
  consultations: z.array(z.object({
    id, kind: s, status: s, orgName: s, title: s, content: s, allowPublish: z.boolean(), contactConsent: z.boolean(), contactPhone: s, createdAt: isoDateTime,
    messages: z.array(z.object({ authorType: s, content: s, createdAt: isoDateTime })),
  })),
  ratings: z.array(z.object({
    id, subjectType: s, subjectId: s, level: z.number().int(), tags: z.unknown(), comment: sn, createdAt: isoDateTime,
    rectification: z.object({ status: s, result: sn, residentSatisfied: z.boolean().nullable(), residentFeedback: sn }).nullable(),
  })),
  disclosures: z.array(z.object({
    id, status: s, orgName: s, applicantType: s, applicantName: sn, description: s, purpose: sn, form: s,
    contactName: s, contactPhone: s, applicantIdNumber: sn, postalAddress: sn, receivedAt: isoDateTime, outcome: sn, replyContent: sn,
  })),
  tickets: z.array(z.object({
    id, number: s, hallName: s, serviceItemName: s, date: s, status: s, channel: s, windowName: sn,
    createdAt: isoDateTime, calledAt: tn, doneAt: tn, cancelledAt: tn,
  })),
  messages: z.array(z.object({ id, kind: s, title: s, body: s, read: z.boolean(), createdAt: isoDateTime })),
  uploads: z.array(z.object({ id, mime: s, size: z.number().int(), name: sn, createdAt: isoDateTime })),
})
export type MyDataExport = z.infer<typeof myDataExport>

export const erasureResult = z.object({
  ok: z.literal(true),
  /** Future bookings cancelled (their seats freed). */
  cancelledAppointments: z.number().int(),
  /** Home-visit requests withdrawn. */
  cancelledHomeVisits: z.number().int(),
})

export const privacyRoutes = {
  exportMyData: route({
    method: 'GET', path: '/api/v1/me/export', access: 'resident', tags: ['我的'],
    summary: '导出我的个人数据（预约、上门服务、咨询、评价、依申请公开、消息、同意记录），手机号以明文给本人',
    responses: { 200: myDataExport },
  }),
  deleteMe: route({
    method: 'DELETE', path: '/api/v1/me', access: 'resident', tags: ['我的'],
    summary: '注销账号并删除个人数据：退出所有登录，取消未来的预约，清除联系方式和填写的内容；匿名的统计记录保留',
    responses: { 200: erasureResult },
  }),
}
