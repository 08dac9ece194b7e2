// The demo seed's notices: published, several categories, pinned first, a 政策文件 with its 解读, searchable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00', demo: true }) })
afterAll(async () => { await t.close() })

describe('demo notices', () => {
  it('are published in several categories, pinned first, newest first', async () => {
    const page = await t.anon('listNotices', { query: { limit: 100 } })
    const categories = new Set(page.items.map((n) => n.category))
    for (const c of ['通知公告', '政策文件', '政策解读', '办事指南', '工作动态', '财政信息', '年度报告']) expect(categories, c).toContain(c)
    const pinned = page.items.filter((n) => n.pinned)
    expect(pinned.length).toBeGreaterThanOrEqual(2)
    expect(page.items.slice(0, pinned.length).every((n) => n.pinned)).toBe(true)
    const rest = page.items.slice(pinned.length).map((n) => Date.parse(n.publishedAt))
    expect(rest).toEqual([...rest].sort((a, b) => b - a))
    expect(await t.deps.db.notice.count({ where: { status: { not: 'PUBLISHED' } } })).toBe(0)
  })

  it('link the 城乡居民医保 政策文件 and its 解读 both ways, and quote the 湖里街道 report', async () => {
    const [reading] = (await t.anon('listNotices', { query: { category: '政策解读' } })).items
    const detail = await t.anon('getNotice', { params: { id: reading!.id } })
    expect(detail.title).toContain('城乡居民基本医疗保障')
    expect(detail.body).toContain('“三同步”')
    const doc = await t.anon('getNotice', { params: { id: detail.relatedNoticeId! } })
    expect(doc).toMatchObject({ category: '政策文件', publishedAt: detail.publishedAt, related: [{ id: detail.id, category: '政策解读' }] })

    const found = await t.anon('listNotices', { query: { q: '一趟不用跑' } })
    expect(found.items.map((n) => n.category)).toEqual(expect.arrayContaining(['工作动态', '年度报告']))
    const [report] = (await t.anon('listNotices', { query: { category: '年度报告' } })).items
    const full = await t.anon('getNotice', { params: { id: report!.id } })
    expect(full.body).toContain('<h3>一、以政务公开助力改革</h3>')
    expect(full.body).toContain('街道“一趟不用跑”占比由原先10.6%提升到71%')
  })

  it('show the demo street and its community; the demo editor sees them in the staff list', async () => {
    const editor = await t.staff('editor')
    const staffList = await editor.call('listStaffNotices', { query: { limit: 100 } })
    expect(staffList.items.some((n) => n.orgName === '东荣社区居民委员会')).toBe(true)
    expect(staffList.items.every((n) => n.authorName === '陈晓燕' && n.reviewerName === '黄志明')).toBe(true)
  })
})
