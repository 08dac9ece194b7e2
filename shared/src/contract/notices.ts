// 政务公开 notices: residents read published notices; editors draft and submit, reviewers approve, reject, withdraw.
import { z } from 'zod'
import { route } from './route'
import { boolQuery, cursor, id, idParams, isoDateTime, limit, page, pageQuery } from './common'

export const noticeCategories = ['通知公告', '政策文件', '政策解读', '办事指南', '工作动态', '财政信息', '年度报告'] as const
export type NoticeCategory = (typeof noticeCategories)[number]
export const noticeCategory = z.enum(noticeCategories, { error: `栏目只能是：${noticeCategories.join('、')}` })

export const noticeStatuses = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'WITHDRAWN'] as const
export type NoticeStatus = (typeof noticeStatuses)[number]
export const noticeStatus = z.enum(noticeStatuses, { error: '状态只能是 DRAFT、PENDING_REVIEW、PUBLISHED、REJECTED、WITHDRAWN' })
export const noticeStatusLabels: Record<NoticeStatus, string> = {
  DRAFT: '草稿', PENDING_REVIEW: '待审核', PUBLISHED: '已发布', REJECTED: '已退回', WITHDRAWN: '已撤回',
}

/** Notice attachments (uploaded files): allowed types and size. */
export const noticeAttachmentRules = {
  maxCount: 10,
  maxBytes: 20 * 1024 * 1024,
  /** The document and image types POST /api/v1/uploads accepts from staff. */
  mimes: [
    'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/jpeg', 'image/png', 'image/webp',
  ],
} as const

export const noticeAttachment = z.object({ id, name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() })
export const noticeLink = z.object({ id, title: z.string(), category: noticeCategory })

/** A published notice in a list (no body). */
export const noticeListItem = z.object({
  id, category: noticeCategory, title: z.string(), summary: z.string(), publishedAt: isoDateTime, pinned: z.boolean(),
  views: z.number().int(), relatedNoticeId: id.nullable(), orgId: id, orgName: z.string(), attachmentCount: z.number().int(),
})
/** A published notice as residents read it. `related`: the 政策文件 a 解读 explains, or the 解读 of a 文件. */
export const noticeView = noticeListItem.omit({ attachmentCount: true }).extend({
  body: z.string(), attachments: z.array(noticeAttachment), related: z.array(noticeLink),
})

/** A notice as staff see it, in any state. */
export const staffNoticeListItem = z.object({
  id, category: noticeCategory, title: z.string(), summary: z.string(), status: noticeStatus, pinned: z.boolean(),
  orgId: id, orgName: z.string(), authorId: id, authorName: z.string(), reviewerId: id.nullable(), reviewerName: z.string().nullable(),
  rejectReason: z.string().nullable(), publishAt: isoDateTime.nullable(), publishedAt: isoDateTime.nullable(),
  withdrawnAt: isoDateTime.nullable(), relatedNoticeId: id.nullable(), views: z.number().int(), version: z.number().int(),
  createdAt: isoDateTime, updatedAt: isoDateTime,
})
export const staffNoticeView = staffNoticeListItem.extend({
  body: z.string(), attachments: z.array(noticeAttachment), related: z.array(noticeLink.extend({ status: noticeStatus })),
})

const title = z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(100, '标题最多 100 个字')
const summary = z.string({ error: '摘要必须是文本' }).trim().max(200, '摘要最多 200 个字')
const body = z.string({ error: '请填写正文' }).min(1, '请填写正文').max(100_000, '正文最多 100000 个字符')
const publishAt = z.iso.datetime({ offset: true, error: '定时发布时间格式不正确（ISO 8601，带时区）' })
const attachments = z.array(id, { error: '附件必须是上传文件编号的列表' }).max(noticeAttachmentRules.maxCount, `附件最多 ${noticeAttachmentRules.maxCount} 个`)
  .refine((a) => new Set(a).size === a.length, '附件重复')

export const createNoticeBody = z.object({
  title, category: noticeCategory, body, summary: summary.optional(), orgId: id.optional(), pinned: z.boolean({ error: '置顶只能是 true 或 false' }).optional(),
  publishAt: publishAt.nullable().optional(), relatedNoticeId: id.nullable().optional(), attachments: attachments.optional(),
})
export const updateNoticeBody = createNoticeBody.omit({ orgId: true }).partial().extend({
  /** Optimistic concurrency: the version the editor loaded (409 if it changed since). */
  version: z.number({ error: '版本号必须是数字' }).int().min(0).optional(),
})

const keyword = z.string().trim().max(50, '关键词最多 50 个字').optional().transform((v) => (v ? v : undefined))

export const noticeRoutes = {
  listNotices: route({
    method: 'GET', path: '/api/v1/notices', access: 'public', summary: '政务公开列表（已发布；置顶在前，最新在前）', tags: ['政务公开'],
    query: z.object({ category: noticeCategory.optional(), q: keyword, orgId: id.optional(), cursor, limit }),
    responses: { 200: page(noticeListItem) },
  }),
  getNotice: route({
    method: 'GET', path: '/api/v1/notices/:id', access: 'public', summary: '政务公开详情（计入阅读数）', tags: ['政务公开'],
    params: idParams,
    responses: { 200: noticeView },
  }),
  downloadNoticeAttachment: route({
    method: 'GET', path: '/api/v1/notices/:id/attachments/:attachmentId', access: 'public', summary: '下载已发布公告的附件', tags: ['政务公开'],
    params: z.object({ id, attachmentId: id }),
    produces: 'application/octet-stream',
    responses: { 200: z.unknown() },
  }),
  listStaffNotices: route({
    method: 'GET', path: '/api/v1/staff/notices', access: 'staff', roles: ['EDITOR', 'REVIEWER', 'ADMIN'], summary: '公告管理列表（本机构及下级；审核队列用 status=PENDING_REVIEW）', tags: ['政务公开'],
    query: pageQuery.extend({ status: noticeStatus.optional(), category: noticeCategory.optional(), q: keyword, mine: boolQuery }),
    responses: { 200: page(staffNoticeListItem) },
  }),
  getStaffNotice: route({
    method: 'GET', path: '/api/v1/staff/notices/:id', access: 'staff', roles: ['EDITOR', 'REVIEWER', 'ADMIN'], summary: '公告详情（任意状态）', tags: ['政务公开'],
    params: idParams,
    responses: { 200: staffNoticeView },
  }),
  createNotice: route({
    method: 'POST', path: '/api/v1/staff/notices', access: 'staff', roles: ['EDITOR'], summary: '新建公告草稿', tags: ['政务公开'],
    body: createNoticeBody,
    responses: { 201: staffNoticeView },
  }),
  updateNotice: route({
    method: 'PATCH', path: '/api/v1/staff/notices/:id', access: 'staff', roles: ['EDITOR'], summary: '修改草稿或被退回的公告', tags: ['政务公开'],
    params: idParams, body: updateNoticeBody,
    responses: { 200: staffNoticeView },
  }),
  submitNotice: route({
    method: 'POST', path: '/api/v1/staff/notices/:id/submit', access: 'staff', roles: ['EDITOR'], summary: '提交审核', tags: ['政务公开'],
    params: idParams,
    responses: { 200: staffNoticeView },
  }),
  previewNotice: route({
    method: 'POST', path: '/api/v1/staff/notices/preview', access: 'staff', roles: ['EDITOR', 'REVIEWER', 'ADMIN'],
    summary: '正文预览：按保存时的规则清理（去除脚本与事件属性，保留表格），即居民看到的样子；不保存', tags: ['政务公开'],
    body: z.object({ body, summary: summary.optional() }),
    responses: { 200: z.object({ body: z.string(), summary: z.string() }) },
  }),
  approveNotice: route({
    method: 'POST', path: '/api/v1/staff/notices/:id/approve', access: 'staff', roles: ['REVIEWER'],
    summary: '审核通过并发布（定时发布的到时可见；政策文件与其解读“三同步”一并发布）', tags: ['政务公开'],
    params: idParams,
    responses: { 200: staffNoticeView },
  }),
  rejectNotice: route({
    method: 'POST', path: '/api/v1/staff/notices/:id/reject', access: 'staff', roles: ['REVIEWER'], summary: '退回修改（须填写原因）', tags: ['政务公开'],
    params: idParams,
    body: z.object({ reason: z.string({ error: '请填写退回原因' }).trim().min(2, '退回原因至少 2 个字').max(500, '退回原因最多 500 个字') }),
    responses: { 200: staffNoticeView },
  }),
  withdrawNotice: route({
    method: 'POST', path: '/api/v1/staff/notices/:id/withdraw', access: 'staff', roles: ['REVIEWER'], summary: '撤回已发布的公告（政策文件连同其解读）', tags: ['政务公开'],
    params: idParams,
    body: z.object({ reason: z.string({ error: '撤回原因必须是文本' }).trim().max(500, '撤回原因最多 500 个字').optional() }),
    responses: { 200: staffNoticeView },
  }),
}
