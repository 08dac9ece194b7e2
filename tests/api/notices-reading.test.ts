// 政务公开 for residents: Chinese search, keyset pagination under inserts, scheduled publishing, ETag/304, view counts
// and the in-process cache (including invalidation across two app instances on one database).
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, clientFor, expectError, type TestApp } from '../support/app'
import { noticeWorld, publish, type NoticeWorld } from '../support/notices'
import { createDb } from '../../server/src/platform/db'
import { createLogger } from '../../server/src/platform/logger'
import { buildDeps } from '../../server/src/deps'
import { createApp } from '../../server/src/app'
import { noticeRuntime, bumpNoticeVersion } from '../../server/src/modules/notices/notice.cache'

let t: TestApp
let w: NoticeWorld

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' })
  w = await noticeWorld(t, 'rd')
})
afterAll(async () => { await t.close() })

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id)

describe('keyword search (Chinese, on both databases)', () => {
  it('finds published notices by words of the title, summary or body; several words must all match', async () => {
    const report = await publish(w.editor.call, w.reviewer.call, {
      title: '湖里街道2019年度政务公开工作报告', category: '年度报告',
      body: '<p>目前，街道“一趟不用跑”占比由原先10.6%提升到71%，社区“一趟不用跑”占比78%。</p>',
    })
    const guide = await publish(w.editor.call, w.reviewer.call, {
      title: '关于推进“15分钟便民服务圈”工作的意见建议征集', category: '通知公告', body: '<p>欢迎居民通过网站提出意见建议。</p>',
    })
    const latin = await publish(w.editor.call, w.reviewer.call, { title: '政务新媒体 WeChat 小程序上线', category: '工作动态', body: '<p>APP 同步更新。</p>' })
    await w.editor.call('createNotice', { body: { title: '草稿里的一趟不用跑', category: '通知公告', body: '<p>草稿</p>' } })

    expect(ids(await t.anon('listNotices', { query: { q: '一趟不用跑' } }))).toEqual([report.id])
    expect(ids(await t.anon('listNotices', { query: { q: '便民服务圈' } }))).toEqual([guide.id])
    expect(ids(await t.anon('listNotices', { query: { q: '湖里 71%' } }))).toEqual([report.id])
    expect(ids(await t.anon('listNotices', { query: { q: '湖里 便民服务圈' } }))).toEqual([])
    expect(ids(await t.anon('listNotices', { query: { q: '政务', limit: 100 } }))).toEqual(expect.arrayContaining([report.id, latin.id]))
    // Latin letters match regardless of case and width (ＷｅＣｈａｔ is full-width).
    for (const q of ['wechat', 'WECHAT', 'ＷｅＣｈａｔ', 'app']) expect(ids(await t.anon('listNotices', { query: { q } })), q).toEqual([latin.id])
    // LIKE wildcards are literal characters, not "match anything".
    expect(ids(await t.anon('listNotices', { query: { q: '%' } }))).toEqual([report.id])
    expect(ids(await t.anon('listNotices', { query: { q: '_' } }))).toEqual([])
    // Category filter combines with the search; staff search their own list the same way.
    expect(ids(await t.anon('listNotices', { query: { q: '一趟不用跑', category: '通知公告' } }))).toEqual([])
    expect((await w.editor.call('listStaffNotices', { query: { q: '一趟不用跑' } })).items.map((n) => n.status).sort()).toEqual(['DRAFT', 'PUBLISHED'])
    await expectError(t.anon('listNotices', { query: { q: '长'.repeat(51) } }), 400, 'VALIDATION_FAILED')
  })
})

describe('cursor pagination', () => {
  it('pages 27 notices (pinned first, newest first) without duplicates or gaps while new ones are published between pages', async () => {
    const org = await createOrg(t.deps, '翻页社区', 'COMMUNITY', w.street)
    const published: { id: string; pinned: boolean; at: number }[] = []
    for (let i = 0; i < 27; i++) {
      if (i % 4 === 0) t.deps.clock.advance(60_000) // some share a publish time: the id breaks the tie
      const n = await publish(w.editor.call, w.reviewer.call, { title: `翻页测试第${i + 1}条`, category: '工作动态', body: `<p>第${i + 1}条</p>`, orgId: org.id, pinned: i % 9 === 0 })
      published.push({ id: n.id, pinned: n.pinned, at: Date.parse(n.publishedAt!) })
    }
    const expected = [...published].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.at - a.at || (b.id > a.id ? 1 : -1)).map((n) => n.id)

    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await t.anon('listNotices', { query: { orgId: org.id, limit: 6, cursor } })
      seen.push(...ids(page))
      cursor = page.nextCursor ?? undefined
      pages++
      // Insert newer notices (one pinned) before fetching the next page.
      t.deps.clock.advance(1_000)
      await publish(w.editor.call, w.reviewer.call, { title: `翻页期间新增${pages}`, category: '工作动态', body: '<p>新增</p>', orgId: org.id, pinned: pages === 2 })
    } while (cursor)
    expect(pages).toBe(5)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(expected)
    // A fresh first page shows the newcomers on top (the pinned one first).
    const first = await t.anon('listNotices', { query: { orgId: org.id, limit: 3 } })
    expect(first.items[0]!.title).toBe('翻页期间新增2')
  })
})

describe('scheduled publishing', () => {
  it('keeps an approved notice hidden until its publish time, by the server clock', async () => {
    const now = t.deps.clock.now()
    const at = new Date(now.getTime() + 2 * 3600_000)
    const n = await w.editor.call('createNotice', { body: { title: '定时发布：元旦假期便民服务中心安排', category: '通知公告', body: '<p>元旦放假安排。</p>', publishAt: at.toISOString() } })
    await w.editor.call('submitNotice', { params: { id: n.id } })
    const approved = await w.reviewer.call('approveNotice', { params: { id: n.id } })
    expect(approved.status).toBe('PUBLISHED')
    expect(Date.parse(approved.publishedAt!)).toBe(at.getTime())
    expect((await t.deps.db.auditLog.findFirstOrThrow({ where: { targetId: n.id, action: 'notice.approve' } })).detail).toMatchObject({ scheduled: true })

    expect(ids(await t.anon('listNotices', { query: { limit: 100 } }))).not.toContain(n.id) // also primes the cache
    await expectError(t.anon('getNotice', { params: { id: n.id } }), 404, 'NOT_FOUND')
    t.deps.clock.advance(2 * 3600_000 - 1_000)
    await expectError(t.anon('getNotice', { params: { id: n.id } }), 404, 'NOT_FOUND')
    t.deps.clock.advance(2_000)
    expect(ids(await t.anon('listNotices', { query: { limit: 100 } }))).toContain(n.id)
    expect((await t.anon('getNotice', { params: { id: n.id } })).publishedAt).toBe(approved.publishedAt)
    await w.relogin() // two hours passed: past the staff idle timeout
  })
})

describe('hot read path', () => {
  it('answers list and detail revalidations with 304 and changes the ETag when content changes', async () => {
    const get = (path: string, etag?: string) => t.fetch(path, { headers: etag ? { 'if-none-match': etag } : {} })
    const list1 = await get('/api/v1/notices?limit=5')
    const etag1 = list1.headers.get('etag')!
    expect(etag1).toMatch(/^W\/"/)
    expect(list1.headers.get('cache-control')).toBe('public, no-cache')
    const again = await get('/api/v1/notices?limit=5', etag1)
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')

    const n = await publish(w.editor.call, w.reviewer.call, { title: 'ETag 测试公告', category: '工作动态', body: '<p>内容</p>', pinned: true })
    const list2 = await get('/api/v1/notices?limit=5', etag1)
    expect(list2.status).toBe(200)
    expect((await list2.json() as { items: { id: string }[] }).items[0]!.id).toBe(n.id)

    // Detail: views are counted on every read but written in batches, so revalidations keep getting 304 in between.
    const d1 = await get(`/api/v1/notices/${n.id}`)
    const e1 = d1.headers.get('etag')!
    expect((await d1.json() as { views: number }).views).toBe(0)
    expect((await get(`/api/v1/notices/${n.id}`, e1)).status).toBe(304)
    expect((await get(`/api/v1/notices/${n.id}`, e1)).status).toBe(304)
    expect(await noticeRuntime(t.deps).flushViews()).toBeGreaterThanOrEqual(3)
    expect((await t.deps.db.notice.findUniqueOrThrow({ where: { id: n.id } })).views).toBe(3)
    const d2 = await get(`/api/v1/notices/${n.id}`, e1)
    expect(d2.status).toBe(200)
    expect((await d2.json() as { views: number }).views).toBe(3)
    expect((await get(`/api/v1/notices/${n.id}`, d2.headers.get('etag')!)).status).toBe(304)
    // A view is not an edit: the notice's updatedAt and version stay as they were.
    const row = await t.deps.db.notice.findUniqueOrThrow({ where: { id: n.id } })
    expect(row.updatedAt.getTime()).toBeLessThanOrEqual(Date.parse(n.updatedAt) + 1000)
    expect(row.version).toBe(n.version)
  })

  it('serves lists from the cache until a change, and another instance drops its cache within a second', async () => {
    const org = await createOrg(t.deps, '缓存社区', 'COMMUNITY', w.street)
    const first = await publish(w.editor.call, w.reviewer.call, { title: '缓存测试一', category: '工作动态', body: '<p>一</p>', orgId: org.id })
    const q = { orgId: org.id, limit: 20 }
    expect(ids(await t.anon('listNotices', { query: q }))).toEqual([first.id])

    // A row written behind the module's back is not seen: the page comes from the cache…
    const sneaky = await t.deps.db.notice.create({
      data: { orgId: org.id, category: '工作动态', title: '绕过服务写入', body: '<p>x</p>', status: 'PUBLISHED', publishedAt: t.deps.clock.now(), authorId: w.editor.id },
    })
    expect(ids(await t.anon('listNotices', { query: q }))).toEqual([first.id])
    // …until the change counter moves (what every write through the module does in its transaction).
    await bumpNoticeVersion(t.deps.db)
    await new Promise((r) => setTimeout(r, noticeRuntime(t.deps).opts.versionCheckMs + 100))
    expect(ids(await t.anon('listNotices', { query: q }))).toContain(sneaky.id)

    // A second instance on the same database, with its own cache.
    const db2 = await createDb(t.deps.config.databaseUrl)
    const deps2 = await buildDeps(t.deps.config, db2, createLogger('silent'))
    deps2.clock.freeze(t.deps.clock.now())
    const server: Server = await new Promise((resolve) => { const s = createApp(deps2).listen(0, '127.0.0.1', () => resolve(s)) })
    try {
      const other = clientFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      const before = ids(await other('listNotices', { query: q }))
      expect(before).toHaveLength(2)
      const added = await publish(w.editor.call, w.reviewer.call, { title: '缓存测试二', category: '工作动态', body: '<p>二</p>', orgId: org.id })
      expect(ids(await t.anon('listNotices', { query: q }))[0]).toBe(added.id) // this instance: at once
      await new Promise((r) => setTimeout(r, noticeRuntime(deps2).opts.versionCheckMs + 100))
      expect(ids(await other('listNotices', { query: q }))[0]).toBe(added.id) // the other: within the check interval
      await w.reviewer.call('withdrawNotice', { params: { id: added.id }, body: {} })
      await new Promise((r) => setTimeout(r, noticeRuntime(deps2).opts.versionCheckMs + 100))
      await expectError(other('getNotice', { params: { id: added.id } }), 404, 'NOT_FOUND')
      expect(ids(await other('listNotices', { query: q }))).not.toContain(added.id)
    } finally {
      noticeRuntime(deps2).stop()
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
      await db2.$disconnect()
    }
  })
})
