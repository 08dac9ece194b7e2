// Rows → the contract's notice shapes.
import type { z } from 'zod'
import type { NoticeCategory, NoticeStatus, noticeAttachment, noticeListItem, noticeView, staffNoticeListItem, staffNoticeView } from '@bianmin/shared'
import { buildPath, contract } from '@bianmin/shared'
import { toIso, toIsoOrNull } from '../../platform/clock'

export interface NoticeRow {
  id: string; orgId: string; category: string; title: string; summary: string; body: string; status: NoticeStatus; pinned: boolean
  authorId: string; reviewerId: string | null; rejectReason: string | null; publishAt: Date | null; publishedAt: Date | null
  withdrawnAt: Date | null; relatedNoticeId: string | null; views: number; version: number; createdAt: Date; updatedAt: Date
  org: { name: string }
}
export interface UploadRow { id: string; originalName: string | null; mime: string; size: number }
export interface LinkRow { id: string; title: string; category: string; status: NoticeStatus }

/** Columns every mapper needs (the body only where shown). */
export const listSelect = {
  id: true, orgId: true, category: true, title: true, summary: true, status: true, pinned: true, authorId: true, reviewerId: true,
  rejectReason: true, publishAt: true, publishedAt: true, withdrawnAt: true, relatedNoticeId: true, views: true, version: true,
  createdAt: true, updatedAt: true, org: { select: { name: true } },
} as const
export const fullSelect = { ...listSelect, body: true } as const

const category = (c: string) => c as NoticeCategory

export const attachmentView = (noticeId: string, u: UploadRow): z.output<typeof noticeAttachment> => ({
  id: u.id, name: u.originalName ?? '附件', mime: u.mime, size: u.size,
  url: buildPath(contract.downloadNoticeAttachment.path, { id: noticeId, attachmentId: u.id }),
})

export const publicListItem = (n: Omit<NoticeRow, 'body'>, attachmentCount: number): z.output<typeof noticeListItem> => ({
  id: n.id, category: category(n.category), title: n.title, summary: n.summary, publishedAt: toIso(n.publishedAt!), pinned: n.pinned,
  views: n.views, relatedNoticeId: n.relatedNoticeId, orgId: n.orgId, orgName: n.org.name, attachmentCount,
})

export const publicView = (n: NoticeRow, uploads: UploadRow[], related: LinkRow[]): z.output<typeof noticeView> => {
  const { attachmentCount: _count, ...item } = publicListItem(n, uploads.length)
  return {
    ...item, body: n.body, attachments: uploads.map((u) => attachmentView(n.id, u)),
    related: related.map((r) => ({ id: r.id, title: r.title, category: category(r.category) })),
  }
}

export const staffListItem = (n: Omit<NoticeRow, 'body'>, names: Map<string, string>): z.output<typeof staffNoticeListItem> => ({
  id: n.id, category: category(n.category), title: n.title, summary: n.summary, status: n.status, pinned: n.pinned,
  orgId: n.orgId, orgName: n.org.name, authorId: n.authorId, authorName: names.get(n.authorId) ?? '',
  reviewerId: n.reviewerId, reviewerName: n.reviewerId ? names.get(n.reviewerId) ?? '' : null, rejectReason: n.rejectReason,
  publishAt: toIsoOrNull(n.publishAt), publishedAt: toIsoOrNull(n.publishedAt), withdrawnAt: toIsoOrNull(n.withdrawnAt),
  relatedNoticeId: n.relatedNoticeId, views: n.views, version: n.version, createdAt: toIso(n.createdAt), updatedAt: toIso(n.updatedAt),
})

export const staffView = (n: NoticeRow, names: Map<string, string>, uploads: UploadRow[], related: LinkRow[]): z.output<typeof staffNoticeView> => ({
  ...staffListItem(n, names), body: n.body, attachments: uploads.map((u) => attachmentView(n.id, u)),
  related: related.map((r) => ({ id: r.id, title: r.title, category: category(r.category), status: r.status })),
})
