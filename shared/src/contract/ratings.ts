// 好差评 (国办发〔2019〕51号, GB/T 39734/39735-2020): one rating per finished service, 差评 rectification, statistics.
import { z } from 'zod'
import { route } from './route'
import { dateString, id, idParams, isoDateTime, page, pageQuery } from './common'

export const ratingSubjectTypes = ['APPOINTMENT', 'CONSULTATION', 'HOME_VISIT', 'TICKET'] as const
export const ratingSubjectType = z.enum(ratingSubjectTypes, { error: '评价对象类型只能是 APPOINTMENT、CONSULTATION、HOME_VISIT 或 TICKET' })
export type RatingSubjectType = (typeof ratingSubjectTypes)[number]
export const ratingSubjectLabels: Record<RatingSubjectType, string> = { APPOINTMENT: '预约办理', CONSULTATION: '在线咨询', HOME_VISIT: '上门服务', TICKET: '现场办理' }

/** Where a rating was given: APP (resident in the app), WINDOW (评价器 at the counter), QR (scanned code), PHONE (回访电话). */
export const ratingChannels = ['APP', 'WINDOW', 'QR', 'PHONE'] as const
export const ratingChannel = z.enum(ratingChannels)
export type RatingChannel = (typeof ratingChannels)[number]
export const ratingChannelLabels: Record<RatingChannel, string> = { APP: '线上评价', WINDOW: '窗口评价器', QR: '扫码评价', PHONE: '电话回访' }

/** Five levels of the national scheme; 1–2 are 差评. */
export const ratingLevelLabels: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' }
export const isBadLevel = (level: number): boolean => level <= 2

export const ratingDimensionKeys = ['attitude', 'efficiency', 'guideAccuracy', 'convenience'] as const
export type RatingDimension = (typeof ratingDimensionKeys)[number]
export const ratingDimensionLabels: Record<RatingDimension, string> = {
  attitude: '服务态度', efficiency: '办事效率', guideAccuracy: '办事指南精确度', convenience: '办事便捷度',
}

/** Fixed tag lists: good tags for levels 3–5, bad tags (差评原因) for levels 1–2. */
export const ratingTags = {
  good: ['热情周到', '耐心细致', '办理高效', '一次办成', '指南清晰', '材料精简', '等候时间短', '环境整洁'],
  bad: ['态度生硬', '推诿扯皮', '办理拖沓', '多次跑动', '指南不清', '材料繁琐', '等候时间长', '超出承诺时限'],
} as const
export const tagsForLevel = (level: number): readonly string[] => (isBadLevel(level) ? ratingTags.bad : ratingTags.good)
/** A 差评 without a tag needs a written reason of at least this many characters. */
export const BAD_REASON_MIN = 5

const score = (label: string) => z.number({ error: `${label}请打 1–5 分` }).int(`${label}请打 1–5 分`).min(1, `${label}最低 1 分`).max(5, `${label}最高 5 分`)
export const ratingLevel = z.number({ error: '请选择满意程度' }).int('满意程度只能是 1–5').min(1, '满意程度只能是 1–5').max(5, '满意程度只能是 1–5')
export const ratingDimensions = z.object({
  attitude: score('服务态度').optional(),
  efficiency: score('办事效率').optional(),
  guideAccuracy: score('办事指南精确度').optional(),
  convenience: score('办事便捷度').optional(),
}, { error: '分项评分格式不正确' })

export const createRatingBody = z.object({
  subjectType: ratingSubjectType,
  subjectId: id,
  level: ratingLevel,
  dimensions: ratingDimensions.optional(),
  tags: z.array(z.string({ error: '标签必须是文本' }).max(20, '标签过长'), { error: '标签格式不正确' }).max(8, '最多选择 8 个标签').default([]),
  comment: z.string({ error: '评价内容必须是文本' }).trim().max(500, '评价内容最多 500 个字').optional(),
}).superRefine((b, ctx) => {
  const allowed = tagsForLevel(b.level)
  const seen = new Set<string>()
  b.tags.forEach((tag, i) => {
    if (!allowed.includes(tag)) ctx.addIssue({ code: 'custom', path: ['tags', i], message: `「${tag}」不是${isBadLevel(b.level) ? '差评' : '好评'}可选的标签` })
    else if (seen.has(tag)) ctx.addIssue({ code: 'custom', path: ['tags', i], message: `标签「${tag}」重复` })
    seen.add(tag)
  })
  if (isBadLevel(b.level) && b.tags.length === 0 && (b.comment ?? '').length < BAD_REASON_MIN) {
    ctx.addIssue({ code: 'custom', path: ['tags'], message: '差评请至少选择一个原因标签' })
    ctx.addIssue({ code: 'custom', path: ['comment'], message: `或填写不少于 ${BAD_REASON_MIN} 个字的不满意理由` })
  }
})

export const rectificationStatuses = ['OPEN', 'VERIFIED', 'RECTIFIED', 'EXPLAINED', 'REVISITED', 'CLOSED'] as const
export const rectificationStatus = z.enum(rectificationStatuses, { error: '整改状态不正确' })
export const rectificationStatusLabels: Record<(typeof rectificationStatuses)[number], string> = {
  OPEN: '待核实', VERIFIED: '已核实', RECTIFIED: '已整改', EXPLAINED: '已解释说明', REVISITED: '已回访', CLOSED: '已办结',
}
export const rectificationStepLabels: Record<string, string> = {
  VERIFY: '核实', RECTIFY: '整改', EXPLAIN: '解释说明', REVISIT: '回访', CLOSE: '办结', FEEDBACK: '评价人反馈',
}

export const rectificationStep = z.object({ id, action: z.string(), note: z.string(), createdAt: isoDateTime })
export const rectificationSummary = z.object({ id, status: rectificationStatus, dueAt: isoDateTime, overdue: z.boolean() })
export const rectificationProgress = rectificationSummary.extend({
  createdAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  result: z.string().nullable(),
  residentSatisfied: z.boolean().nullable(),
  residentFeedback: z.string().nullable(),
  steps: z.array(rectificationStep),
})
export const ratingSubjectView = z.object({
  subjectType: ratingSubjectType,
  subjectId: id,
  title: z.string(),
  orgName: z.string(),
  hallName: z.string().nullable(),
  doneAt: isoDateTime.nullable(),
})
export const ratingView = z.object({
  id,
  subjectType: ratingSubjectType,
  subjectId: id,
  level: z.number().int(),
  levelLabel: z.string(),
  dimensions: ratingDimensions.nullable(),
  tags: z.array(z.string()),
  comment: z.string().optional(),
  channel: ratingChannel,
  createdAt: isoDateTime,
  subject: ratingSubjectView.nullable(),
  rectification: rectificationSummary.optional(),
})
export const ratingDetail = ratingView.extend({ rectification: rectificationProgress.optional() })
export const pendingRating = ratingSubjectView.extend({ doneAt: isoDateTime, rateBefore: isoDateTime })
export const ratingSubjectStatus = ratingSubjectView.extend({
  rateBefore: isoDateTime.nullable(),
  /** Whether a rating can be submitted now; otherwise `reason` says why (Chinese). */
  canRate: z.boolean(),
  reason: z.string().nullable(),
  ratingId: id.nullable(),
})

const ratio = z.number().nullable()
export const ratingStatsQuery = z.object({
  orgId: id.optional(), hallId: id.optional(), windowId: id.optional(), serviceItemId: id.optional(),
  from: dateString.optional(), to: dateString.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' })
export const ratingStats = z.object({
  /** Ratings counted (excluded ones left out), by rating date. */
  rated: z.number().int(),
  byLevel: z.array(z.object({ level: z.number().int(), label: z.string(), count: z.number().int() })),
  /** Counted ratings per channel (APP, WINDOW …). */
  byChannel: z.array(z.object({ channel: ratingChannel, label: z.string(), count: z.number().int() })),
  good: z.number().int(),
  /** 好评率: levels 3–5 over rated. */
  goodRate: ratio,
  bad: z.number().int(),
  /** Ratings excluded after an upheld appeal (申诉复核). */
  excluded: z.number().int(),
  rectification: z.object({
    closed: z.number().int(),
    closedOnTime: z.number().int(),
    overdueOpen: z.number().int(),
    /** 整改率: closed cases over 差评. */
    rate: ratio,
    onTimeRate: ratio,
    satisfied: z.number().int(),
    unsatisfied: z.number().int(),
    /** Residents satisfied with the result, over those who answered. */
    satisfactionRate: ratio,
  }),
  services: z.object({
    /** Finished services (DONE appointments and home visits, answered consultations), by completion date. */
    done: z.number().int(),
    rated: z.number().int(),
    unrated: z.number().int(),
    /** Unrated services whose rating window is still open. */
    stillRatable: z.number().int(),
    /** 未评价率: finished services without a rating over all finished services. */
    unratedRate: ratio,
  }),
})
export const ratingBreakdownQuery = z.object({
  by: z.enum(['org', 'hall', 'window', 'serviceItem'], { error: '分组方式只能是 org、hall、window 或 serviceItem' }),
  orgId: id.optional(), hallId: id.optional(),
  from: dateString.optional(), to: dateString.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' })
export const ratingBreakdownRow = z.object({
  key: id, name: z.string(), rated: z.number().int(), good: z.number().int(), bad: z.number().int(), goodRate: ratio,
})

export const ratingRoutes = {
  getRatingTags: route({
    method: 'GET', path: '/api/v1/ratings/tags', access: 'public', summary: '评价等级、分项与可选标签', tags: ['好差评'],
    responses: {
      200: z.object({
        levels: z.array(z.object({ level: z.number().int(), label: z.string(), bad: z.boolean() })),
        dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
        good: z.array(z.string()), bad: z.array(z.string()), badReasonMin: z.number().int(), windowDays: z.number().int(),
        rectificationWorkdays: z.number().int(),
      }),
    },
  }),
  createRating: route({
    method: 'POST', path: '/api/v1/ratings', access: 'resident', requiresConsent: true, summary: '评价一件办结的事项（一事一评）', tags: ['好差评'],
    body: createRatingBody,
    responses: { 201: ratingView },
  }),
  listMyRatings: route({
    method: 'GET', path: '/api/v1/ratings/mine', access: 'resident', summary: '我的评价（含差评整改进度）', tags: ['好差评'],
    query: pageQuery,
    responses: { 200: page(ratingView) },
  }),
  listPendingRatings: route({
    method: 'GET', path: '/api/v1/ratings/pending', access: 'resident', summary: '待评价：已办结、仍可评价的事项', tags: ['好差评'],
    responses: { 200: z.object({ items: z.array(pendingRating), count: z.number().int() }) },
  }),
  getRatingSubject: route({
    method: 'GET', path: '/api/v1/ratings/subjects/:subjectType/:subjectId', access: 'resident', summary: '评价对象及能否评价', tags: ['好差评'],
    params: z.object({ subjectType: ratingSubjectType, subjectId: id }),
    responses: { 200: ratingSubjectStatus },
  }),
  getRatingStats: route({
    method: 'GET', path: '/api/v1/ratings/stats', access: 'public', summary: '评价公示：按机构、大厅、窗口、事项和日期统计', tags: ['好差评'],
    query: ratingStatsQuery,
    responses: { 200: ratingStats },
  }),
  getRatingBreakdown: route({
    method: 'GET', path: '/api/v1/ratings/stats/breakdown', access: 'public', summary: '评价公示：按机构、大厅、窗口或事项分组', tags: ['好差评'],
    query: ratingBreakdownQuery,
    responses: { 200: z.object({ items: z.array(ratingBreakdownRow) }) },
  }),
  getRating: route({
    method: 'GET', path: '/api/v1/ratings/:id', access: 'resident', summary: '我的一条评价及整改进度', tags: ['好差评'],
    params: idParams,
    responses: { 200: ratingDetail },
  }),
  giveRectificationFeedback: route({
    method: 'POST', path: '/api/v1/ratings/:id/feedback', access: 'resident', requiresConsent: true, summary: '对差评整改结果表示满意或不满意', tags: ['好差评'],
    params: idParams,
    body: z.object({
      satisfied: z.boolean({ error: '请选择是否满意' }),
      comment: z.string({ error: '意见必须是文本' }).trim().max(300, '意见最多 300 个字').optional(),
    }),
    responses: { 200: ratingDetail },
  }),
}
