// Residents' reads: published notices whose publish time has come; pinned first, newest first, keyset cursor
// (pinned, publishedAt, id) so pages stay stable while notices are added. Served through the in-process cache.
import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import type { ParsedRequest } from '@bianmin/shared'
import { contract, type noticeListItem, type noticeView } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import { AppError, notFound } from '../../platform/errors'
import { decodeCursor, encodeCursor } from '../../platform/cursor'
import { Raw } from '../../platform/http'
import { keywords } from './notice.text'
import { noticeRuntime } from './notice.cache'
import { readingsOf } from './notice.links'
import { listSelect, fullSelect, publicListItem, publicView } from './notice.mapper'

type ListQuery = ParsedRequest<typeof contract.listNotices>['query']
type Page = { items: z.output<typeof noticeListItem>[]; nextCursor: string | null }
type View = z.output<typeof noticeView>

/** Where-clause of what residents may see right now. */
export const visibleWhere = (now: Date) => ({ status: 'PUBLISHED' as const, publishedAt: { lte: now } })

export async function listPublished (deps: Deps, query: ListQuery): Promise<Page> {
  const rt = noticeRuntime(deps)
  await rt.ensureFresh()
  const kws = keywords(query.q)
  const key = JSON.stringify([query.category ?? '', kws, query.orgId ?? '', query.cursor ?? '', query.limit])
  return rt.lists.get(key, () => loadPage(deps, query, kws)) as Promise<Page>
}

async function loadPage (deps: Deps, query: ListQuery, kws: string[]): Promise<Page> {
  const cur = decodeCursor(query.cursor)
  if (cur && typeof cur.p !== 'boolean') throw new AppError('VALIDATION_FAILED', '翻页参数无效，请从第一页重新加载', [{ path: 'query.cursor', message: '翻页参数无效' }])
  let orgPath: string | undefined
  if (query.orgId) {
    const org = await deps.db.org.findUnique({ where: { id: query.orgId }, select: { path: true } })
    if (!org) throw notFound('机构')
    orgPath = org.path
  }
  // Two index-ordered queries (pinned, then the rest), each on (status[, category], pinned, publishedAt, id):
  // no sort of the whole table, whatever its size.
  const where = {
    ...visibleWhere(deps.clock.now()),
    ...(query.category ? { category: query.category } : {}),
    ...(orgPath ? { org: { path: { startsWith: orgPath } } } : {}),
  }
  const after = cur ? [{ OR: [{ publishedAt: { lt: new Date(cur.t) } }, { publishedAt: new Date(cur.t), id: { lt: cur.id } }] }] : []
  const terms = kws.map((k) => ({ searchText: { contains: k } }))
  const find = (pinned: boolean, take: number, keyset: boolean) => deps.db.notice.findMany({
    where: { ...where, pinned, AND: [...terms, ...(keyset ? after : [])] },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take,
    select: listSelect,
  })
  const take = query.limit + 1
  const rows = !cur || cur.p ? await find(true, take, !!cur) : []
  if (rows.length < take) rows.push(...await find(false, take - rows.length, !!cur && !cur.p))
  const items = rows.slice(0, query.limit)
  const counts = await attachmentCounts(deps, items.map((n) => n.id))
  const last = items[items.length - 1]
  return {
    items: items.map((n) => publicListItem(n, counts.get(n.id) ?? 0)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.publishedAt!.toISOString(), id: last.id, p: last.pinned }) : null,
  }
}

async function attachmentCounts (deps: Deps, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const groups = await deps.db.upload.groupBy({ by: ['refId'], where: { refType: 'NOTICE', refId: { in: ids } }, _count: { _all: true } })
  return new Map(groups.map((g) => [g.refId!, g._count._all]))
}

/** A visible notice with its attachments and its linked 文件/解读; counts one view. 404 when not visible. */
export async function getPublished (deps: Deps, id: string): Promise<View> {
  const rt = noticeRuntime(deps)
  await rt.ensureFresh()
  const view = await (rt.details.get(id, () => loadDetail(deps, id)) as Promise<View>)
  rt.countView(id)
  return view
}

async function loadDetail (deps: Deps, id: string): Promise<View> {
  const now = deps.clock.now()
  const n = await deps.db.notice.findFirst({ where: { id, ...visibleWhere(now) }, select: fullSelect })
  if (!n) throw notFound('公告')
  const [uploads, related] = await Promise.all([
    deps.db.upload.findMany({ where: { refType: 'NOTICE', refId: id }, orderBy: { createdAt: 'asc' }, select: { id: true, originalName: true, mime: true, size: true } }),
    relatedOf(deps, n, visibleWhere(now)),
  ])
  return publicView(n, uploads, related)
}

const linkSelect = { id: true, title: true, category: true, status: true } as const

/** The 政策文件 a 解读 explains and the 解读 of a 文件: two indexed lookups (an OR of both makes SQLite scan). */
export async function relatedOf (deps: Pick<Deps, 'db' | 'config'>, n: { id: string; relatedNoticeId: string | null }, where: ReturnType<typeof visibleWhere> | Record<string, never>) {
  const [doc, readings] = await Promise.all([
    n.relatedNoticeId ? deps.db.notice.findFirst({ where: { id: n.relatedNoticeId, ...where }, select: linkSelect }) : null,
    readingsOf(deps.db, deps.config.provider, n.id)
      .then((of) => deps.db.notice.findMany({ where: { ...of, ...where }, orderBy: { createdAt: 'asc' }, select: linkSelect })),
  ])
  return [...(doc ? [doc] : []), ...readings]
}

/** Streams an attachment of a visible notice (404 otherwise). */
export async function attachmentFile (deps: Deps, noticeId: string, uploadId: string): Promise<{ raw: Raw; filename: string }> {
  const notice = await deps.db.notice.findFirst({ where: { id: noticeId, ...visibleWhere(deps.clock.now()) }, select: { id: true } })
  const upload = notice && await deps.db.upload.findFirst({ where: { id: uploadId, refType: 'NOTICE', refId: noticeId } })
  if (!upload) throw notFound('附件')
  const file = path.resolve(deps.config.uploadDir, upload.storageKey)
  if (!file.startsWith(path.resolve(deps.config.uploadDir) + path.sep) || !fs.existsSync(file)) throw notFound('附件')
  return { raw: new Raw(fs.createReadStream(file), upload.mime), filename: upload.originalName ?? `附件-${upload.id}` }
}
