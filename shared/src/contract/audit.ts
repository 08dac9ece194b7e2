// 审计日志: every staff action, read by admins and reviewers within their org subtree.
import { z } from 'zod'
import { route } from './route'
import { dateString, id, isoDateTime, page, pageQuery } from './common'

export const auditEntry = z.object({
  id, actorType: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), orgId: z.string().nullable(),
  action: z.string(), targetType: z.string().nullable(), targetId: z.string().nullable(), detail: z.unknown(),
  requestId: z.string().nullable(), createdAt: isoDateTime,
})

/** Names of the record kinds the log refers to (unknown kinds are shown as stored). */
export const auditTargetLabels: Record<string, string> = {
  Appointment: '预约', Slot: '时段', SlotTemplate: '时段模板', Hall: '服务中心', Window: '窗口', ServiceItem: '事项',
  HomeVisit: '上门服务', Notice: '公告', Consultation: '咨询', Disclosure: '依申请公开', Rectification: '差评整改',
  RatingAppeal: '评价申诉', Staff: '工作人员账号', Resident: '居民', Setting: '业务设置', CalendarOverride: '工作日历', Upload: '附件', AnnualReport: '年度报告',
}

const auditQuery = pageQuery.extend({
  actorId: id.optional(),
  action: z.string().max(64, '操作名称过长').optional(),
  targetType: z.string().max(32, '对象类型过长').optional(),
  targetId: id.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })

export const auditRoutes = {
  listAudit: route({
    method: 'GET', path: '/api/v1/staff/audit', access: 'staff', roles: ['ADMIN', 'REVIEWER'], summary: '审计日志（本机构及下级；按人员、操作、对象类型、日期筛选）', tags: ['管理'],
    query: auditQuery,
    responses: { 200: page(auditEntry) },
  }),
  listAuditFacets: route({
    method: 'GET', path: '/api/v1/staff/audit/facets', access: 'staff', roles: ['ADMIN', 'REVIEWER'], summary: '审计日志的筛选项（人员、操作、对象类型）', tags: ['管理'],
    responses: {
      200: z.object({
        actors: z.array(z.object({ id, name: z.string(), username: z.string() })),
        actions: z.array(z.string()),
        targetTypes: z.array(z.object({ key: z.string(), label: z.string() })),
      }),
    },
  }),
}

export type AuditEntry = z.infer<typeof auditEntry>
