// 好差评 公示 (after the 广东 monthly 好差评 report): one month or quarter of an org (and optionally a hall) — ratings by
// channel and level, 好评率, 差评, the most frequent 差评 tags, 整改率 / 按时整改率 and 实名差评回访率. Ratings of
// services finished in the period (the same counting as the rating statistics); excluded ratings left out.
import { ratingReportQuery, type ratingReport } from '@bianmin/shared'
import type { z } from 'zod'
import type { Deps } from '../../platform/types'
import { addDays } from '../../platform/clock'
import { notFound } from '../../platform/errors'
import { ratingScope, ratingStats, statsFilter } from '../ratings/rating.stats'
import { buildDocx, csvText } from './report.docx'

export type RatingReport = z.output<typeof ratingReport>
type Query = z.output<typeof ratingReportQuery>
const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null)
const pad = (n: number) => String(n).padStart(2, '0')

function periodOf (q: Query): { from: string; to: string; label: string } {
  const firstMonth = q.period === 'month' ? q.index : (q.index - 1) * 3 + 1
  const months = q.period === 'month' ? 1 : 3
  const from = `${q.year}-${pad(firstMonth)}-01`
  const endMonth = firstMonth + months
  const next = endMonth > 12 ? `${q.year + 1}-01-01` : `${q.year}-${pad(endMonth)}-01`
  return { from, to: addDays(next, -1), label: q.period === 'month' ? `${q.year}年${q.index}月` : `${q.year}年第${'一二三四'[q.index - 1]}季度` }
}

export async function ratingReportOf (deps: Deps, q: Query): Promise<RatingReport> {
  const orgId = q.orgId ?? (await deps.db.org.findFirst({ where: { parentId: null }, orderBy: { path: 'asc' }, select: { id: true } }))?.id
  if (!orgId) throw notFound('机构')
  const org = await deps.db.org.findUnique({ where: { id: orgId }, select: { id: true, name: true, path: true } })
  if (!org) throw notFound('机构')
  const hall = q.hallId ? await deps.db.hall.findFirst({ where: { id: q.hallId, org: { path: { startsWith: org.path } } }, select: { id: true, name: true } }) : null
  if (q.hallId && !hall) throw notFound('服务中心')
  const p = periodOf(q)
  const f = await statsFilter(deps, { orgId, hallId: q.hallId, from: p.from, to: p.to })
  const s = await ratingStats(deps, f)
  const bad = await deps.db.rating.findMany({
    where: { ...ratingScope(f), excluded: false, level: { lte: 2 }, serviceDoneAt: { gte: f.from, lt: f.to } },
    select: { tags: true, residentId: true, rectification: { select: { steps: { where: { action: 'REVISIT' }, select: { id: true }, take: 1 } } } },
  })
  const tagCount = new Map<string, number>()
  for (const r of bad) for (const t of (Array.isArray(r.tags) ? r.tags : []) as string[]) tagCount.set(t, (tagCount.get(t) ?? 0) + 1)
  const realName = bad.filter((r) => r.residentId)
  const revisited = realName.filter((r) => r.rectification?.steps.length).length
  return {
    title: `${org.name}${hall ? hall.name : ''}${p.label}政务服务“好差评”情况`, period: q.period, from: p.from, to: p.to,
    orgId: org.id, orgName: org.name, hallId: hall?.id ?? null, hallName: hall?.name ?? null,
    rated: s.rated, byChannel: s.byChannel, byLevel: s.byLevel, goodRate: s.goodRate, bad: s.bad,
    topBadTags: [...tagCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([tag, count]) => ({ tag, count })),
    rectificationRate: s.rectification.rate, onTimeRectificationRate: s.rectification.onTimeRate,
    realNameBad: realName.length, realNameRevisited: revisited, revisitRate: ratio(revisited, realName.length),
  }
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`)

/** Rows of the report, [指标, 数值] with section headings — one list for the CSV, the .docx and the page. */
export function ratingReportRows (r: RatingReport): string[][] {
  return [
    ['一、评价总体情况'], ['评价总数（条）', String(r.rated)], ['好评率', pct(r.goodRate)], ['差评数（条）', String(r.bad)],
    ['二、按评价渠道'], ...r.byChannel.map((c) => [c.label, String(c.count)]),
    ['三、按评价等级'], ...r.byLevel.map((l) => [l.label, String(l.count)]),
    ['四、差评主要问题'], ...(r.topBadTags.length ? r.topBadTags.map((t) => [t.tag, String(t.count)]) : [['无差评', '0']]),
    ['五、差评整改情况'], ['整改率', pct(r.rectificationRate)], ['按时整改率', pct(r.onTimeRectificationRate)],
    ['实名差评（条）', String(r.realNameBad)], ['已回访（条）', String(r.realNameRevisited)], ['实名差评回访率', pct(r.revisitRate)],
  ]
}

export const ratingReportCsv = (r: RatingReport) => csvText([[r.title], [`统计期间：${r.from} 至 ${r.to}`], [], ['指标', '数值'], ...ratingReportRows(r)])

export function ratingReportDocx (r: RatingReport): Promise<Buffer> {
  const rows = ratingReportRows(r)
  return buildDocx(r.title, [
    { kind: 'p', text: `统计期间：${r.from} 至 ${r.to}。` },
    { kind: 'table', grid: { title: r.title, rows: [[{ text: '指标', header: true }, { text: '数值', header: true }], ...rows.map((row) => (row.length === 1 ? [{ text: row[0]!, colSpan: 2, header: true }] : row.map((text) => ({ text }))))] } },
  ])
}
