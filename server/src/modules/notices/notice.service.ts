// Editors: draft, edit, submit. Staff act only on notices of their org subtree (others answer 404). Every change is
// audited in its transaction, bumps the notice's version and the cache counter, and drops this instance's cache.
import type { z } from 'zod'
import { noticeAttachmentRules, type createNoticeBody, type updateNoticeBody, type NoticeStatus, type staffNoticeView } from '@bianmin/shared'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import type { Db } from '../../platform/db'
import { AppError, invalidState, notFound, validation } from '../../platform/errors'
import { assertOrgInScope, inSubtree } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'
import { autoSummary, buildSearchText, keywords, plainText, sanitizeBody } from './notice.text'
import { paginate } from '../../platform/paginate'
import { bumpNoticeVersion, noticeRuntime } from './notice.cache'
import { relatedOf } from './notice.query'
import { readingsOf } from './notice.links'
import { fullSelect, listSelect, staffListItem, staffView, type NoticeRow } from './notice.mapper'

type CreateInput = z.output<typeof createNoticeBody>
type UpdateInput = z.output<typeof updateNoticeBody>
export type StaffNotice = z.output<typeof staffNoticeView>

export const EDITABLE: NoticeStatus[] = ['DRAFT', 'REJECTED']
export const statusLabel: Record<NoticeStatus, string> = { DRAFT: '草稿', PENDING_REVIEW: '待审核', PUBLISHED: '已发布', REJECTED: '已退回', WITHDRAWN: '已撤回' }

/** A notice of the actor's subtree, or 404. */
export async function loadInScope (db: Db | Tx, actor: StaffActor, id: string): Promise<NoticeRow> {
  const n = await db.notice.findFirst({ where: { id, org: inSubtree(actor) }, select: fullSelect })
  if (!n) throw notFound('公告')
  return n
}

export async function staffNotice (deps: Pick<Deps, 'config'>, db: Db | Tx, n: NoticeRow): Promise<StaffNotice> {
  const [uploads, related] = await Promise.all([
    db.upload.findMany({ where: { refType: 'NOTICE', refId: n.id }, orderBy: { createdAt: 'asc' }, select: { id: true, originalName: true, mime: true, size: true } }),
    relatedOf({ db: db as Db, config: deps.config }, n, {}).then((rows) => rows.filter((r) => r.id === n.relatedNoticeId || r.status !== 'WITHDRAWN')),
  ])
  return staffView(n, await staffNames(db, [n.authorId, n.reviewerId]), uploads, related)
}

export async function staffNames (db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))]
  if (!wanted.length) return new Map()
  const rows = await db.staff.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })
  return new Map(rows.map((s) => [s.id, s.name]))
}

/** Runs a change in a transaction, then drops the cache; returns the notice as staff see it. */
export async function change (deps: Deps, fn: (tx: Tx) => Promise<{ id: string; touched: string[] }>, actor: StaffActor): Promise<StaffNotice> {
  const { id, touched } = await deps.db.$transaction(async (tx) => {
    const r = await fn(tx)
    await bumpNoticeVersion(tx)
    return r
  })
  noticeRuntime(deps).changed(touched)
  return staffNotice(deps, deps.db, await loadInScope(deps.db, actor, id))
}

function cleanBody (html: string): string {
  const body = sanitizeBody(html)
  if (!plainText(body) && !/<img\b/i.test(body)) throw validation('正文不能为空（不安全的内容已被去除）', [{ path: 'body', message: '请填写正文' }])
  return body
}

function checkPublishAt (deps: Deps, publishAt: string | null | undefined): Date | null | undefined {
  if (publishAt === undefined || publishAt === null) return publishAt
  const at = new Date(publishAt)
  if (at <= deps.clock.now()) throw validation('定时发布时间须晚于当前时间', [{ path: 'publishAt', message: '定时发布时间须晚于当前时间' }])
  return at
}

/** 三同步 links: only a 政策解读 links, to a 政策文件 of the same org that is not withdrawn. */
async function checkRelated (tx: Tx, actor: StaffActor, category: string, orgId: string, relatedId: string | null, selfId?: string): Promise<void> {
  if (!relatedId) return
  if (category !== '政策解读') throw validation('只有“政策解读”可以关联政策文件', [{ path: 'relatedNoticeId', message: '只有政策解读可以关联政策文件' }])
  if (relatedId === selfId) throw validation('不能关联自身', [{ path: 'relatedNoticeId', message: '不能关联自身' }])
  const target = await tx.notice.findFirst({ where: { id: relatedId, org: inSubtree(actor) }, select: { category: true, orgId: true, status: true } })
  if (!target) throw notFound('关联的政策文件')
  if (target.category !== '政策文件') throw validation('关联的公告必须是“政策文件”', [{ path: 'relatedNoticeId', message: '关联的公告必须是政策文件' }])
  if (target.orgId !== orgId) throw validation('按“谁起草、谁解读”，政策解读须与其政策文件属于同一机构', [{ path: 'relatedNoticeId', message: '须与政策文件属于同一机构' }])
  if (target.status === 'WITHDRAWN') throw invalidState('关联的政策文件已撤回，不能再关联')
}

/** Attachments: uploads by this staff member (or already on this notice), of an allowed type and size. */
async function attach (tx: Tx, actor: StaffActor, noticeId: string, ids: string[] | undefined): Promise<string[]> {
  if (ids === undefined) return (await tx.upload.findMany({ where: { refType: 'NOTICE', refId: noticeId }, select: { originalName: true } })).map((u) => u.originalName ?? '')
  const uploads = await tx.upload.findMany({ where: { id: { in: ids } } })
  const byId = new Map(uploads.map((u) => [u.id, u]))
  for (const [i, id] of ids.entries()) {
    const u = byId.get(id)
    const mine = u && ((u.refType === 'NOTICE' && u.refId === noticeId) || (u.refType === null && u.ownerType === 'STAFF' && u.ownerId === actor.id))
    if (!u || !mine) throw validation('附件不存在或已被使用，请重新上传', [{ path: `attachments.${i}`, message: '附件不存在' }])
    if (!(noticeAttachmentRules.mimes as readonly string[]).includes(u.mime)) throw validation(`附件“${u.originalName ?? u.id}”的类型不支持（仅 PDF、Word、Excel、图片）`, [{ path: `attachments.${i}`, message: '文件类型不支持' }])
    if (u.size > noticeAttachmentRules.maxBytes) throw validation(`附件“${u.originalName ?? u.id}”超过 20 MB`, [{ path: `attachments.${i}`, message: '文件过大' }])
  }
  await tx.upload.updateMany({ where: { refType: 'NOTICE', refId: noticeId, id: { notIn: ids } }, data: { refType: null, refId: null } })
  const claimed = await tx.upload.updateMany({ where: { id: { in: ids }, OR: [{ refId: null }, { refType: 'NOTICE', refId: noticeId }] }, data: { refType: 'NOTICE', refId: noticeId } })
  if (claimed.count !== ids.length) throw new AppError('CONFLICT', '附件已被其他内容使用，请重新上传')
  return ids.map((id) => byId.get(id)!.originalName ?? '')
}

export async function createNotice (deps: Deps, actor: StaffActor, input: CreateInput, meta: AuditMeta): Promise<StaffNotice> {
  const orgId = input.orgId ?? actor.orgId
  await assertOrgInScope(deps.db, actor, orgId)
  const body = cleanBody(input.body)
  const publishAt = checkPublishAt(deps, input.publishAt)
  const summary = input.summary || autoSummary(body)
  return change(deps, async (tx) => {
    await checkRelated(tx, actor, input.category, orgId, input.relatedNoticeId ?? null)
    const n = await tx.notice.create({
      data: {
        orgId, category: input.category, title: input.title, summary, body, searchText: buildSearchText(input.title, summary, body),
        pinned: input.pinned ?? false, authorId: actor.id, publishAt: publishAt ?? null, relatedNoticeId: input.relatedNoticeId ?? null,
        createdAt: deps.clock.now(),
      },
    })
    const names = await attach(tx, actor, n.id, input.attachments ?? [])
    if (names.length) await tx.notice.update({ where: { id: n.id }, data: { searchText: buildSearchText(n.title, summary, body, names) } })
    await audit(tx, actor, { action: 'notice.create', targetType: 'Notice', targetId: n.id, orgId, detail: { title: n.title, category: n.category, attachments: names.length } }, meta)
    return { id: n.id, touched: [n.id] }
  }, actor)
}

export async function updateNotice (deps: Deps, actor: StaffActor, id: string, input: UpdateInput, meta: AuditMeta): Promise<StaffNotice> {
  const n = await loadInScope(deps.db, actor, id)
  if (!EDITABLE.includes(n.status)) throw invalidState(`${statusLabel[n.status]}的公告不能修改${n.status === 'PUBLISHED' ? '，如需更正请先撤回' : ''}`)
  if (input.version !== undefined && input.version !== n.version) throw new AppError('CONFLICT', '该公告已被他人修改，请刷新后再编辑', { version: n.version })
  const body = input.body !== undefined ? cleanBody(input.body) : n.body
  const publishAt = checkPublishAt(deps, input.publishAt)
  const next = {
    title: input.title ?? n.title, category: input.category ?? n.category, body,
    summary: input.summary !== undefined ? (input.summary || autoSummary(body)) : (input.body !== undefined && n.summary === autoSummary(n.body) ? autoSummary(body) : n.summary),
    relatedNoticeId: input.relatedNoticeId !== undefined ? input.relatedNoticeId : n.relatedNoticeId,
  }
  const changed = Object.keys(input).filter((k) => k !== 'version')
  return change(deps, async (tx) => {
    if (next.category !== n.category && n.category === '政策文件' && await tx.notice.count({ where: { ...await readingsOf(tx, deps.config.provider, id), status: { not: 'WITHDRAWN' } } })) {
      throw invalidState('已有政策解读关联此文件，不能修改栏目')
    }
    await checkRelated(tx, actor, next.category, n.orgId, next.relatedNoticeId, id)
    const names = await attach(tx, actor, id, input.attachments)
    const r = await tx.notice.updateMany({
      where: { id, version: n.version, status: { in: EDITABLE } },
      data: {
        ...next, searchText: buildSearchText(next.title, next.summary, body, names), version: { increment: 1 },
        ...(input.pinned !== undefined ? { pinned: input.pinned } : {}), ...(publishAt !== undefined ? { publishAt } : {}),
      },
    })
    if (r.count !== 1) throw new AppError('CONFLICT', '该公告刚被他人修改或提交，请刷新后重试')
    await audit(tx, actor, { action: 'notice.update', targetType: 'Notice', targetId: id, orgId: n.orgId, detail: { fields: changed } }, meta)
    return { id, touched: [id] }
  }, actor)
}

export async function submitNotice (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta): Promise<StaffNotice> {
  const n = await loadInScope(deps.db, actor, id)
  if (!EDITABLE.includes(n.status)) throw invalidState(`${statusLabel[n.status]}的公告不能提交审核`)
  return change(deps, async (tx) => {
    await checkRelated(tx, actor, n.category, n.orgId, n.relatedNoticeId, id)
    const r = await tx.notice.updateMany({
      where: { id, version: n.version, status: { in: EDITABLE } },
      data: { status: 'PENDING_REVIEW', reviewerId: null, version: { increment: 1 } },
    })
    if (r.count !== 1) throw new AppError('CONFLICT', '该公告刚被他人修改或提交，请刷新后重试')
    await audit(tx, actor, { action: 'notice.submit', targetType: 'Notice', targetId: id, orgId: n.orgId, detail: { title: n.title } }, meta)
    return { id, touched: [id] }
  }, actor)
}

type StaffListQuery = { status?: NoticeStatus; category?: string; q?: string; mine?: boolean; cursor?: string; limit: number }

/** Staff list of the subtree, last changed first. */
export async function listStaffNotices (deps: Deps, actor: StaffActor, query: StaffListQuery) {
  const page = await paginate(query, { by: 'updatedAt', dir: 'desc' }, (p) => deps.db.notice.findMany({
    where: {
      org: inSubtree(actor),
      ...(query.status ? { status: query.status } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.mine ? { authorId: actor.id } : {}),
      AND: [...keywords(query.q).map((k) => ({ searchText: { contains: k } })), p.where],
    },
    orderBy: p.orderBy, take: p.take, select: listSelect,
  }))
  const names = await staffNames(deps.db, page.items.flatMap((n) => [n.authorId, n.reviewerId]))
  return {
    items: page.items.map((n) => staffListItem(n, names)),
    nextCursor: page.nextCursor,
  }
}
