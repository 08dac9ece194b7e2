// 服务大厅 (PRODUCT.md §7): one queue per hall and day shared by walk-in tickets (desk, app) and checked-in
// appointments; windows call, recall, skip, transfer, pause; the hall screen (snapshot + Server-Sent Events);
// the window's 评价器; statistics of waiting and service times.
import { z } from 'zod'
import { route } from './route'
import { dateString, id, idParams, isoDateTime, page, pageQuery, personName, phone } from './common'
import { ratingDimensions, ratingLevel, ratingView, BAD_REASON_MIN, isBadLevel, tagsForLevel } from './ratings'

export const ticketStatuses = ['WAITING', 'CALLED', 'DONE', 'SKIPPED', 'CANCELLED'] as const
export const ticketStatus = z.enum(ticketStatuses, { error: '号的状态只能是 WAITING、CALLED、DONE、SKIPPED 或 CANCELLED' })
export type TicketStatus = (typeof ticketStatuses)[number]
export const ticketStatusLabels: Record<TicketStatus, string> = { WAITING: '等候中', CALLED: '已叫号', DONE: '已办结', SKIPPED: '已过号', CANCELLED: '已取消' }

/** DESK: issued by a clerk for a walk-in; APP: taken by a resident in the app; APPOINTMENT: a checked-in appointment. */
export const ticketChannels = ['DESK', 'APP', 'APPOINTMENT'] as const
export const ticketChannel = z.enum(ticketChannels)
export type TicketChannel = (typeof ticketChannels)[number]
export const ticketChannelLabels: Record<TicketChannel, string> = { DESK: '现场取号', APP: '线上取号', APPOINTMENT: '预约签到' }

/** A place in a hall's queue today (API.md "Service hall"). */
export const ticketView = z.object({
  id, hallId: id, hallName: z.string(), serviceItemId: id, serviceItemName: z.string(),
  /** Display number, e.g. B007: the line's prefix and the line's sequence of the day. */
  number: z.string(),
  /** Business line (业务线) prefix and name, e.g. B 社会保障. */
  line: z.string(), lineName: z.string(),
  date: z.string(),
  status: ticketStatus,
  channel: ticketChannel,
  windowId: id.optional(), windowName: z.string().optional(), windowNumber: z.string().optional(),
  /** Waiting tickets before this one that the same windows serve (0 once called). */
  ahead: z.number().int(),
  /** ahead × today's median service time of the line (absent while there is no figure yet). */
  estimatedWaitMinutes: z.number().int().optional(),
  createdAt: isoDateTime,
  calledAt: isoDateTime.optional(),
  doneAt: isoDateTime.optional(),
  skippedAt: isoDateTime.optional(),
  cancelledAt: isoDateTime.optional(),
  recallCount: z.number().int(),
  /** A skipped ticket may be called back once when the resident arrives. */
  canRecallSkipped: z.boolean(),
  canCancel: z.boolean(),
  /** Set on a DONE ticket: what to rate (TICKET, or the APPOINTMENT a checked-in ticket stands for). */
  rating: z.object({ subjectType: z.enum(['TICKET', 'APPOINTMENT']), subjectId: id, ratingId: id.nullable() }).optional(),
})
export const staffTicket = ticketView.extend({
  appointmentId: id.optional(),
  residentId: id.optional(),
  /** Masked (王*华, 138****5678); desk tickets only when given. */
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
})

export const ticketInput = z.object({ hallId: id, serviceItemId: id })
export const deskTicketInput = z.object({
  serviceItemId: id,
  contactName: personName.optional(),
  contactPhone: phone.optional(),
})
export const transferInput = z.object({ windowId: id })

const lineWaiting = z.object({ line: z.string(), lineName: z.string(), waiting: z.number().int() })

/** Public hall screen snapshot: no names, no phones. */
export const hallQueue = z.object({
  hallId: id, hallName: z.string(), date: z.string(), now: isoDateTime,
  open: z.boolean(),
  /** The ticket each window is serving now (called, not yet done). */
  windows: z.array(z.object({
    windowId: id, windowName: z.string(), windowNumber: z.string(), paused: z.boolean(),
    number: z.string().nullable(), calledAt: isoDateTime.nullable(),
  })),
  /** Latest calls and recalls, newest first. */
  recent: z.array(z.object({ number: z.string(), windowName: z.string(), windowNumber: z.string(), kind: z.enum(['CALL', 'RECALL']), at: isoDateTime })),
  lines: z.array(lineWaiting),
  waiting: z.number().int(),
})

export const hallEventTypes = ['CALL', 'RECALL', 'SKIP', 'DONE', 'TRANSFER', 'CANCEL', 'TICKET', 'PAUSE', 'RESUME'] as const
/**
 * One Server-Sent Event (`event: <type>`, `data: <json>`, `id: <seq>`) on GET /api/v1/halls/:id/queue/events.
 * No personal data: numbers and windows only. A `hello` event with the snapshot (hallQueue) opens every stream; an
 * unnamed event (`message`, data `{"ping":true}`) every 15 s keeps it alive. Screens refresh the snapshot on any
 * event (or just apply it).
 */
export const hallEvent = z.object({
  type: z.enum(hallEventTypes),
  hallId: id,
  ticketId: id.optional(),
  number: z.string().optional(),
  line: z.string().optional(),
  windowId: id.optional(), windowName: z.string().optional(), windowNumber: z.string().optional(),
  /** Waiting in the hall after the change. */
  waiting: z.number().int().optional(),
  at: isoDateTime,
})

/** What a resident sees before taking a ticket at a hall. */
export const hallTicketOptions = z.object({
  hallId: id, hallName: z.string(), date: z.string(),
  open: z.boolean(),
  /** Why taking a ticket is not possible now (Chinese), when closed. */
  closedReason: z.string().nullable(),
  /** Opening hours for tickets today, e.g. ["08:30-12:00", "14:30-17:30"]. */
  hours: z.array(z.string()),
  lines: z.array(lineWaiting),
  items: z.array(z.object({
    serviceItemId: id, name: z.string(), line: z.string(), lineName: z.string(),
    waiting: z.number().int(), estimatedWaitMinutes: z.number().int().optional(),
  })),
})

export const windowState = z.object({
  id, hallId: id, hallName: z.string(), name: z.string(), number: z.string(),
  paused: z.boolean(), pausedAt: isoDateTime.nullable(),
  serviceItemIds: z.array(id),
})

const minutes = z.number().nullable()
export const windowConsole = z.object({
  window: windowState,
  /** The ticket this window is serving (CALLED here), or null. */
  current: staffTicket.nullable(),
  /** Waiting tickets this window could call, per line. */
  waiting: z.array(lineWaiting),
  waitingTotal: z.number().int(),
  /** Skipped today at this window that may still be called back once. */
  skipped: z.array(staffTicket),
  today: z.object({
    called: z.number().int(), done: z.number().int(), skipped: z.number().int(), transferred: z.number().int(),
    avgWaitMinutes: minutes, avgServiceMinutes: minutes,
  }),
  /** The service the 评价器 would rate now (finished here minutes ago, not yet rated). */
  rateable: z.object({ ticketId: id, number: z.string(), doneAt: isoDateTime, rateBefore: isoDateTime }).nullable(),
})

/** 评价器 at the window: rates the service the window finished last. */
export const windowRatingInput = z.object({
  level: ratingLevel,
  dimensions: ratingDimensions.optional(),
  tags: z.array(z.string({ error: '标签必须是文本' }).max(20, '标签过长'), { error: '标签格式不正确' }).max(8, '最多选择 8 个标签').default([]),
  comment: z.string({ error: '评价内容必须是文本' }).trim().max(500, '评价内容最多 500 个字').optional(),
}).superRefine((b, ctx) => {
  const allowed = tagsForLevel(b.level)
  b.tags.forEach((tag, i) => {
    if (!allowed.includes(tag)) ctx.addIssue({ code: 'custom', path: ['tags', i], message: `「${tag}」不是${isBadLevel(b.level) ? '差评' : '好评'}可选的标签` })
    else if (b.tags.indexOf(tag) !== i) ctx.addIssue({ code: 'custom', path: ['tags', i], message: `标签「${tag}」重复` })
  })
  if (isBadLevel(b.level) && b.tags.length === 0 && (b.comment ?? '').length < BAD_REASON_MIN) {
    ctx.addIssue({ code: 'custom', path: ['tags'], message: '差评请至少选择一个原因标签' })
  }
})
export const windowRatingTarget = z.object({
  windowId: id, windowName: z.string(), windowNumber: z.string(), hallName: z.string(),
  /** The service to rate, or null (nothing finished here within the rating minutes, or already rated). */
  target: z.object({ ticketId: id, number: z.string(), serviceItemName: z.string(), doneAt: isoDateTime, rateBefore: isoDateTime }).nullable(),
})

const durationStats = z.object({ count: z.number().int(), avgMinutes: minutes, medianMinutes: minutes, p90Minutes: minutes })
const statsRow = z.object({
  key: z.string(), name: z.string(), tickets: z.number().int(), done: z.number().int(), skipped: z.number().int(), cancelled: z.number().int(),
  avgWaitMinutes: minutes, avgServiceMinutes: minutes,
})
export const hallStatsQuery = z.object({
  hallId: id.optional(), from: dateString.optional(), to: dateString.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' })
/** Waiting time = ticket → first call; service time = (last) call → done. */
export const hallStats = z.object({
  from: z.string(), to: z.string(),
  tickets: z.number().int(),
  byChannel: z.array(z.object({ channel: ticketChannel, label: z.string(), count: z.number().int() })),
  done: z.number().int(), skipped: z.number().int(), cancelled: z.number().int(), waiting: z.number().int(),
  wait: durationStats,
  service: durationStats,
  byHall: z.array(statsRow),
  byWindow: z.array(statsRow),
  byItem: z.array(statsRow),
  /** Hour of day (Asia/Shanghai) of taking the ticket, 0–23, hours with tickets only. */
  byHour: z.array(statsRow.extend({ hour: z.number().int() })),
})

const clerk = ['CLERK', 'ADMIN'] as const
const tags = ['服务大厅']
const staffTags = ['服务大厅（工作人员）']

export const hallRoutes = {
  getHallTicketOptions: route({
    method: 'GET', path: '/api/v1/halls/:id/ticket-options', access: 'public', summary: '取号须知：是否在取号时间、各业务线等候人数和预计等候', tags,
    params: idParams, responses: { 200: hallTicketOptions },
  }),
  createTicket: route({
    method: 'POST', path: '/api/v1/tickets', access: 'resident', summary: '线上取号（办公时间内；每个服务中心同时只能有一个等候中的号）', tags,
    body: ticketInput, responses: { 201: ticketView },
  }),
  listMyTickets: route({
    method: 'GET', path: '/api/v1/tickets', access: 'resident', summary: '我今天的号', tags,
    responses: { 200: page(ticketView) },
  }),
  getTicket: route({
    method: 'GET', path: '/api/v1/tickets/:id', access: 'resident', summary: '我的号：状态、前面还有几位、预计等候', tags,
    params: idParams, responses: { 200: ticketView },
  }),
  cancelTicket: route({
    method: 'POST', path: '/api/v1/tickets/:id/cancel', access: 'resident', summary: '取消等候中的号', tags,
    params: idParams, responses: { 200: ticketView },
  }),
  getHallQueue: route({
    method: 'GET', path: '/api/v1/halls/:id/queue', access: 'public', summary: '叫号屏：各窗口正在办理的号、最近叫号、各业务线等候人数', tags,
    params: idParams, responses: { 200: hallQueue },
  }),
  getHallQueueEvents: route({
    method: 'GET', path: '/api/v1/halls/:id/queue/events', access: 'public', summary: '叫号屏实时事件（text/event-stream，每次叫号与变化一条，任何实例）', tags,
    params: idParams, produces: 'text/event-stream', responses: { 200: z.string() },
  }),

  issueDeskTicket: route({
    method: 'POST', path: '/api/v1/staff/halls/:id/tickets', access: 'staff', roles: clerk, summary: '现场取号（按事项，姓名和手机号可不填）', tags: staffTags,
    params: idParams, body: deskTicketInput, responses: { 201: staffTicket },
  }),
  listHallTickets: route({
    method: 'GET', path: '/api/v1/staff/halls/:id/tickets', access: 'staff', roles: clerk, summary: '今天的号（按排队顺序）', tags: staffTags,
    params: idParams, query: pageQuery.extend({ status: ticketStatus.optional() }),
    responses: { 200: page(staffTicket) },
  }),
  getWindowConsole: route({
    method: 'GET', path: '/api/v1/staff/windows/:id/console', access: 'staff', roles: clerk, summary: '窗口叫号台：当前办理、各业务线等候、今日数据', tags: staffTags,
    params: idParams, responses: { 200: windowConsole },
  }),
  callNextTicket: route({
    method: 'POST', path: '/api/v1/staff/windows/:id/call-next', access: 'staff', roles: clerk, summary: '叫下一位（本窗口可办事项中排在最前的号；没有则 404）', tags: staffTags,
    params: idParams, responses: { 200: staffTicket },
  }),
  pauseWindow: route({
    method: 'POST', path: '/api/v1/staff/windows/:id/pause', access: 'staff', roles: clerk, summary: '暂停窗口（暂停期间不能叫号）', tags: staffTags,
    params: idParams, responses: { 200: windowState },
  }),
  resumeWindow: route({
    method: 'POST', path: '/api/v1/staff/windows/:id/resume', access: 'staff', roles: clerk, summary: '恢复窗口', tags: staffTags,
    params: idParams, responses: { 200: windowState },
  }),
  recallTicket: route({
    method: 'POST', path: '/api/v1/staff/tickets/:id/recall', access: 'staff', roles: clerk, summary: '重呼（过号的号到场后可重呼一次）', tags: staffTags,
    params: idParams, responses: { 200: staffTicket },
  }),
  skipTicket: route({
    method: 'POST', path: '/api/v1/staff/tickets/:id/skip', access: 'staff', roles: clerk, summary: '过号（叫号无人应答）', tags: staffTags,
    params: idParams, responses: { 200: staffTicket },
  }),
  doneTicket: route({
    method: 'POST', path: '/api/v1/staff/tickets/:id/done', access: 'staff', roles: clerk, summary: '办结', tags: staffTags,
    params: idParams, responses: { 200: staffTicket },
  }),
  transferTicket: route({
    method: 'POST', path: '/api/v1/staff/tickets/:id/transfer', access: 'staff', roles: clerk, summary: '转到本中心的另一个窗口（排在该窗口下一位）', tags: staffTags,
    params: idParams, body: transferInput, responses: { 200: staffTicket },
  }),
  getWindowRatingTarget: route({
    method: 'GET', path: '/api/v1/staff/windows/:id/ratings/target', access: 'staff', summary: '评价器：本窗口刚办结、待评价的服务', tags: staffTags,
    params: idParams, responses: { 200: windowRatingTarget },
  }),
  rateAtWindow: route({
    method: 'POST', path: '/api/v1/staff/windows/:id/ratings', access: 'staff', summary: '评价器评价（本窗口最近办结的服务，渠道 WINDOW，一事一评）', tags: staffTags,
    params: idParams, body: windowRatingInput, responses: { 201: ratingView },
  }),
  getHallStats: route({
    method: 'GET', path: '/api/v1/staff/stats/hall', access: 'staff', summary: '大厅统计：等候与办理时长（按大厅、窗口、事项、时段），各渠道取号、过号、取消', tags: ['工作台'],
    query: hallStatsQuery, responses: { 200: hallStats },
  }),
}

export type TicketView = z.infer<typeof ticketView>
export type StaffTicket = z.infer<typeof staffTicket>
export type HallQueue = z.infer<typeof hallQueue>
export type HallEvent = z.infer<typeof hallEvent>
export type HallEventType = (typeof hallEventTypes)[number]
export type HallTicketOptions = z.infer<typeof hallTicketOptions>
export type WindowState = z.infer<typeof windowState>
export type WindowConsole = z.infer<typeof windowConsole>
export type WindowRatingTarget = z.infer<typeof windowRatingTarget>
export type HallStats = z.infer<typeof hallStats>
