// Staff workbench: what needs me now, the statistics dashboard and the annual report (国办公开办函〔2021〕30号).
import { z } from 'zod'
import { route } from './route'
import { dateString, id, year } from './common'
import { ratingStats } from './ratings'
import { disclosureAnnualTableView } from './disclosures'

const count = z.number().int()
const rate = z.number().nullable()

export const workbenchCounter = z.object({
  key: z.string(), label: z.string(), count, urgent: z.boolean(), page: z.string(),
})

/** One definition of each headline figure, shown beside it on the dashboard and in the annual figures. */
export const statsDefinitions = {
  booked: '预约总数：预约办理日期在统计期内、且不晚于今天的预约（含已取消、迟取消、爽约的；今天以后的预约尚不计入）',
  onTimeRate: '按时答复率：期限内首次答复的件数 ÷（已答复件数 + 已过期限仍未答复的件数）',
} as const

export const statsOverview = z.object({
  from: dateString, to: dateString, orgId: id, orgName: z.string(),
  notices: z.object({ published: count, byCategory: z.array(z.object({ category: z.string(), count })), byChannel: z.array(z.object({ channel: z.string(), count })) }),
  appointments: z.object({
    booked: count, done: count, cancelled: count, lateCancelled: count, noShow: count, pending: count,
    /** How 预约总数 (booked) is counted: statsDefinitions.booked. */
    definition: z.string(),
    byChannel: z.array(z.object({ channel: z.string(), count })),
    items: z.object({ total: count, fullyOnline: count, fullyOnlineShare: rate, maxOneVisit: count, maxOneVisitShare: rate }),
  }),
  consultations: z.object({
    received: count, byKind: z.array(z.object({ kind: z.string(), label: z.string(), count })),
    replied: count, repliedOnTime: count, onTimeRate: rate, overdue: count, avgReplyWorkHours: z.number().nullable(),
    /** Past the deadline without a reply (still open, or closed afterwards): not on time. */
    unansweredPastDue: count,
    /** How onTimeRate is counted: statsDefinitions.onTimeRate. */
    onTimeDefinition: z.string(),
  }),
  ratings: ratingStats,
  monthly: z.array(z.object({ month: z.string(), notices: count, appointments: count, appointmentsDone: count, consultations: count, ratings: count, goodRate: rate })),
})

export const annualReport = z.object({
  year: z.number().int(), orgId: id, orgName: z.string(),
  proactive: z.object({
    byCategory: z.array(z.object({ category: z.string(), count })),
    byChannel: z.array(z.object({ channel: z.string(), count })),
    total: count,
  }),
  disclosures: disclosureAnnualTableView,
  figures: z.array(z.object({ section: z.string(), label: z.string(), value: z.union([z.number(), z.string()]), unit: z.string(), note: z.string().optional() })),
})

const staffAny = ['ADMIN', 'EDITOR', 'REVIEWER', 'CLERK', 'HANDLER'] as const
const statsQuery = z.object({ from: dateString.optional(), to: dateString.optional(), orgId: id.optional(), hallId: id.optional(), serviceItemId: id.optional() })

export const workbenchRoutes = {
  getWorkbench: route({
    method: 'GET', path: '/api/v1/staff/workbench', access: 'staff', roles: staffAny, summary: '工作台：待我处理的事项计数', tags: ['工作台'],
    responses: { 200: z.object({ today: dateString, counters: z.array(workbenchCounter) }) },
  }),
  getStatsOverview: route({
    method: 'GET', path: '/api/v1/staff/stats/overview', access: 'staff', roles: staffAny, summary: '统计概览（本机构及下级，按日期范围）', tags: ['工作台'],
    query: statsQuery,
    responses: { 200: statsOverview },
  }),
  getAnnualReport: route({
    method: 'GET', path: '/api/v1/staff/reports/annual', access: 'staff', roles: ['ADMIN', 'REVIEWER', 'EDITOR'], summary: '政府信息公开工作年度报告数据（JSON 或 CSV）', tags: ['工作台'],
    query: z.object({ year, orgId: id.optional(), format: z.enum(['json', 'csv'], { error: '格式只能是 json 或 csv' }).default('json') }),
    produces: 'text/csv',
    responses: { 200: annualReport },
  }),
}
