// The tables of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) that our data fills: 二、主动公开 by category and
// channel, 三、依申请公开 (the disclosure table with its check), and the figures real reports quote in their text
// (在线咨询/投诉/建议, 好差评, 预约). CSV: UTF-8 with BOM and Chinese headers, so Excel and WPS open it correctly.
import { noticeCategories } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { statsOverview } from './stats.service'
import { disclosureAnnualTable } from '../disclosures/disclosure.annual'
import { statsFilter } from '../ratings/rating.stats'
import { hallYear } from '../hall/hall.stats'

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`)

export async function annualReport (deps: Deps, actor: StaffActor, year: number, orgId?: string) {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const o = await statsOverview(deps, actor, { from, to, orgId })
  const filter = await statsFilter(deps, { orgId }, actor)
  const disclosures = await disclosureAnnualTable(deps, filter.orgIds ?? [], year)
  const hall = await hallYear(deps.db, filter.orgIds, from, to)
  const c = o.consultations
  const a = o.appointments
  const r = o.ratings
  const kind = (k: string) => c.byKind.find((x) => x.kind === k)?.count ?? 0
  const figures = [
    { section: '政务公开', label: '主动公开信息', value: o.notices.published, unit: '条' },
    { section: '互动交流', label: '受理在线咨询', value: kind('CONSULT'), unit: '件' },
    { section: '互动交流', label: '受理网上投诉', value: kind('COMPLAINT'), unit: '件' },
    { section: '互动交流', label: '受理意见建议', value: kind('SUGGESTION'), unit: '件' },
    { section: '互动交流', label: '已答复', value: c.replied, unit: '件' },
    { section: '互动交流', label: '按时答复', value: c.repliedOnTime, unit: '件' },
    { section: '互动交流', label: '按时答复率', value: pct(c.onTimeRate), unit: '', note: c.onTimeDefinition },
    { section: '互动交流', label: '平均答复用时', value: c.avgReplyWorkHours ?? '—', unit: '工作小时' },
    { section: '政务服务', label: '预约办理', value: a.booked, unit: '件', note: a.definition },
    { section: '政务服务', label: '办结', value: a.done, unit: '件' },
    { section: '政务服务', label: '服务大厅取号', value: hall.tickets, unit: '张' },
    { section: '政务服务', label: '平均等候时间', value: hall.avgWaitMinutes ?? '—', unit: '分钟' },
    { section: '政务服务', label: '“一趟不用跑”事项占比', value: pct(a.items.fullyOnlineShare), unit: '' },
    { section: '政务服务', label: '“最多跑一趟”事项占比', value: pct(a.items.maxOneVisitShare), unit: '' },
    { section: '好差评', label: '收到评价', value: r.rated, unit: '条' },
    { section: '好差评', label: '好评（含基本满意）', value: r.good, unit: '条' },
    { section: '好差评', label: '满意率', value: pct(r.goodRate), unit: '' },
    { section: '好差评', label: '差评', value: r.bad, unit: '条' },
    { section: '好差评', label: '差评整改率', value: pct(r.rectification.rate), unit: '' },
    { section: '好差评', label: '未评价率', value: pct(r.services.unratedRate), unit: '' },
  ]
  return {
    year, orgId: o.orgId, orgName: o.orgName,
    proactive: { byCategory: o.notices.byCategory, byChannel: o.notices.byChannel, total: o.notices.published },
    disclosures,
    figures,
  }
}

type Report = Awaited<ReturnType<typeof annualReport>>

const cell = (v: unknown) => {
  const s = String(v ?? '')
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s
}
const line = (cells: unknown[]) => cells.map(cell).join(',')

export function annualCsv (r: Report): string {
  const out: string[] = []
  out.push(line([`${r.orgName} ${r.year} 年政府信息公开工作年度报告数据`]))
  out.push('')
  out.push(line(['二、主动公开政府信息情况']))
  out.push(line(['栏目', '本年发布数量（条）']))
  for (const c of noticeCategories) out.push(line([c, r.proactive.byCategory.find((x) => x.category === c)?.count ?? 0]))
  out.push(line(['合计', r.proactive.total]))
  out.push(line(['发布渠道', '本年发布数量（条）']))
  for (const ch of r.proactive.byChannel) out.push(line([ch.channel, ch.count]))
  out.push('')
  out.push(line(['三、收到和处理政府信息公开申请情况']))
  const d = r.disclosures
  out.push(line(['项目', ...d.columns.map((c) => (c.group ? `${c.group}-${c.label}` : c.label))]))
  for (const row of d.rows) out.push(line([row.label, ...d.columns.map((c) => (row.values as Record<string, number>)[c.key] ?? 0)]))
  out.push(line(['核对（一+二=三+四）', d.check.balanced ? '平衡' : '不平衡']))
  out.push('')
  out.push(line(['互动交流与政务服务情况']))
  out.push(line(['类别', '指标', '数值', '单位', '口径']))
  for (const f of r.figures) out.push(line([f.section, f.label, f.value, f.unit, f.note ?? '']))
  return '\uFEFF' + out.join('\r\n') + '\r\n'
}
