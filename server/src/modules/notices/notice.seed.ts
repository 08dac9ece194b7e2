// Demo notices, published, quoting the corpus (notice.seed-data.ts) and the demo 办事指南 items; nothing invented.
import type { NoticeCategory } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { DemoContext } from '../../platform/seed'
import { demoItems, type DemoItem } from '../../seed/service-items'
import { autoSummary, buildSearchText, sanitizeBody } from './notice.text'
import { bumpNoticeVersion } from './notice.cache'
import { huliExcerpts as ex, huliReport2019, publicContentItems } from './notice.seed-data'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const p = (s: string) => `<p>${esc(s)}</p>`
const h = (s: string) => `<h3>${esc(s)}</h3>`
const list = (xs: string[], tag: 'ul' | 'ol' = 'ul') => `<${tag}>${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</${tag}>`
const source = p('来源：湖里街道2019年度政务公开工作报告')

/** The report as HTML: "一、" lines become headings, "（一）" lines sub-headings. */
const reportHtml = () => huliReport2019.map((line) =>
  /^[一二三四五六七八九十]+、.{1,20}$/.test(line) ? h(line) : /^（[一二三四五六七八九十]+）.{1,20}$/.test(line) ? `<h4>${esc(line)}</h4>` : p(line)).join('')

interface Hall { name: string; address: string; phone: string | null; openHours: string | null }

function guideHtml (it: DemoItem, hall: Hall | null): string {
  const ways = [it.fullyOnline ? '可全程网上办理（一趟不用跑）' : it.maxOneVisit !== false ? '最多跑一趟' : '窗口办理', ...(it.homeVisit ? ['行动不便的居民可申请上门服务'] : [])]
  return [
    ...(it.description ? [h('事项说明'), p(it.description)] : []),
    h('申请条件'), p(it.conditions),
    h('申请材料'), list(it.materials.map((m) => `${m.name}${m.copies ? `（${m.copies} 份）` : ''}${m.note ? `，${m.note}` : ''}`)),
    h('设定依据'), p(it.legalBasis),
    h('办理时限'), p(`承诺时限 ${it.timeLimitDays} 个工作日${it.legalLimitDays ? `（法定时限 ${it.legalLimitDays} 个工作日）` : ''}。`),
    h('办理方式'), p(`${ways.join('；')}。可在本小程序“办事”中预约到窗口办理。`),
    ...(hall ? [h('办理地点'), list([hall.name, `地址：${hall.address}`, ...(hall.openHours ? [`办公时间：${hall.openHours}`] : []), ...(hall.phone ? [`咨询电话：${hall.phone}`] : [])])] : []),
  ].join('')
}

interface SeedNotice {
  key: string; orgId: string; category: NoticeCategory; title: string; body: string; daysAgo: number; pinned?: boolean; related?: string
  /** A fixed publication instant (a 年度报告 is published by 31 January of the year after the one it reports on). */
  publishedAt?: string
}

export async function seedNotices (deps: Deps, ctx: DemoContext): Promise<void> {
  const { db, clock } = deps
  const [editor, reviewer] = await Promise.all([db.staff.findUnique({ where: { username: 'editor' } }), db.staff.findUnique({ where: { username: 'reviewer' } })])
  if (!editor || !reviewer) return
  const hall = ctx.hallIds[0] ? await db.hall.findUnique({ where: { id: ctx.hallIds[0] } }) : null
  const item = (code: string) => demoItems.find((i) => i.code === code)
  const medical = item('HL-YB-001')
  const guides = ['HL-YB-001', 'HL-HJ-001', 'HL-LN-001'].map(item).filter((i): i is DemoItem => !!i)
  const street = ctx.streetId

  const notices: SeedNotice[] = [
    { key: 'disclosure', orgId: street, category: '通知公告', title: '关于畅通政府信息依申请公开受理渠道的公告', body: p(ex.disclosure) + source, daysAgo: 2, pinned: true },
    { key: 'oneTrip', orgId: street, category: '工作动态', title: '湖里街道“一趟不用跑”事项占比由10.6%提升到71%', body: p(ex.oneTrip) + source, daysAgo: 5, pinned: true },
    { key: 'publicItems', orgId: ctx.communityIds[0] ?? street, category: '通知公告', title: '东荣社区居务公开内容公示', body: p('社区居务公开栏对外公开以下内容：') + list(publicContentItems, 'ol'), daysAgo: 3 },
    { key: 'medicalDoc', orgId: ctx.districtId, category: '政策文件', title: '湖里区城乡居民基本医疗保障参保政策', daysAgo: 8,
      body: [p('《湖里区城乡居民基本医疗保障参保政策》现予公开。'), ...(medical ? [h('适用对象'), p(`${medical.conditions}${medical.description ?? ''}`), h('依据'), p(medical.legalBasis)] : []),
        p('参保缴费标准和缴费时间以医疗保障部门公布的当年度标准为准。')].join('') },
    { key: 'medicalReading', orgId: ctx.districtId, category: '政策解读', title: '《湖里区城乡居民基本医疗保障参保政策》解读', daysAgo: 8, related: 'medicalDoc',
      body: [h('一、谁可以参保'), ...(medical ? [p(medical.conditions), h('二、怎么办理'), p(`需要准备：${medical.materials.map((m) => m.name).join('；')}。${medical.fullyOnline ? '可全程网上办理（一趟不用跑），' : ''}承诺 ${medical.timeLimitDays} 个工作日内办结。`)] : []),
        h('三、解读工作'), p(ex.interpretation), p(ex.threeSync), p(ex.interviews), source].join('') },
    { key: 'guidesUpdate', orgId: street, category: '工作动态', title: '湖里街道完成1286条网上办事指南信息更新', body: p(ex.guides) + source, daysAgo: 12 },
    ...guides.map((g, i) => ({ key: `guide-${g.code}`, orgId: street, category: '办事指南' as const, title: `${g.name}办事指南`, body: guideHtml(g, hall), daysAgo: 15 + i })),
    { key: 'interviews', orgId: street, category: '工作动态', title: '湖里街道开展领导在线访谈、民意征集和网上调查', body: p(ex.interviews) + p(ex.feedback) + source, daysAgo: 20 },
    { key: 'budget', orgId: street, category: '财政信息', title: '湖里街道预决算及“三公”经费公开情况', body: p(ex.budget) + p(ex.keyInfo) + source, daysAgo: 25 },
    { key: 'report', orgId: street, category: '年度报告', title: '湖里街道2019年度政务公开工作报告', body: reportHtml(), daysAgo: 40, publishedAt: '2020-01-20T10:00:00+08:00' },
  ]

  const ids = new Map<string, string>()
  const now = clock.now().getTime()
  for (const n of notices) {
    const body = sanitizeBody(n.body)
    const summary = autoSummary(body)
    const at = n.publishedAt ? new Date(n.publishedAt) : new Date(now - n.daysAgo * 86_400_000)
    const row = await db.notice.create({
      data: {
        orgId: n.orgId, category: n.category, title: n.title, summary, body, searchText: buildSearchText(n.title, summary, body),
        status: 'PUBLISHED', pinned: n.pinned ?? false, authorId: editor.id, reviewerId: reviewer.id, publishedAt: at,
        relatedNoticeId: n.related ? ids.get(n.related) ?? null : null, createdAt: new Date(at.getTime() - 3_600_000),
      },
    })
    ids.set(n.key, row.id)
  }
  await bumpNoticeVersion(db)
}
