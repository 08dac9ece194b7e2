// Outputs of the annual report: the .docx (laid out like the published reports), the CSV of the tables (every
// heading kept; UTF-8 with BOM for Excel/WPS) and the HTML body of the 年度报告 notice.
import { annualReportSections } from '@bianmin/shared'
import type { AnnualReportView } from './report.service'
import { disclosureGrid, flatten, proactiveGrid, reviewsGrid, type Grid } from './report.tables'
import { buildDocx, csvText, type Block } from './report.docx'

const textBlocks = (t: string): Block[] => (t.trim() ? t.split(/\n+/).map((p) => ({ kind: 'p' as const, text: p.trim() })) : [{ kind: 'p', text: '无。' }])

export function reportBlocks (r: AnnualReportView): Block[] {
  return [
    { kind: 'p', text: `本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。` },
    { kind: 'h', text: annualReportSections.overview }, ...textBlocks(r.texts.overview),
    { kind: 'h', text: annualReportSections.proactive }, { kind: 'table', grid: proactiveGrid(r) },
    { kind: 'h', text: annualReportSections.disclosures }, { kind: 'table', grid: disclosureGrid(r) },
    { kind: 'p', text: r.disclosures.check.balanced ? '核对：第一项加第二项之和等于第三项加第四项之和（平衡）。' : '核对：第一项加第二项之和不等于第三项加第四项之和（不平衡），请核查。' },
    { kind: 'h', text: annualReportSections.reviews }, { kind: 'table', grid: reviewsGrid(r) },
    { kind: 'h', text: annualReportSections.problems }, ...textBlocks(r.texts.problems),
    { kind: 'h', text: annualReportSections.other }, ...textBlocks(r.texts.other),
  ]
}

export const reportDocx = (r: AnnualReportView): Promise<Buffer> => buildDocx(r.title, reportBlocks(r))

export function reportCsv (r: AnnualReportView): string {
  const grids: Grid[] = [proactiveGrid(r), disclosureGrid(r), reviewsGrid(r)]
  const lines: string[][] = [[r.title], []]
  for (const g of grids) {
    lines.push([g.title])
    if (g.note) lines.push([g.note])
    lines.push(...flatten(g), [])
  }
  lines.push(['核对（一+二=三+四）', r.disclosures.check.balanced ? '平衡' : '不平衡'])
  return csvText(lines)
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function gridHtml (g: Grid): string {
  const rows = g.rows.map((row) => `<tr>${row.map((c) => {
    const tag = c.header ? 'th' : 'td'
    return `<${tag}${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}>${esc(c.text)}</${tag}>`
  }).join('')}</tr>`).join('')
  return `<table><tbody>${rows}</tbody></table>`
}

export function reportHtml (r: AnnualReportView, documentUrl: string): string {
  const parts = reportBlocks(r).map((b) => (b.kind === 'h' ? `<h3>${esc(b.text)}</h3>` : b.kind === 'p' ? `<p>${esc(b.text)}</p>` : gridHtml(b.grid)))
  return `${parts.join('')}<p><a href="${esc(documentUrl)}">下载年度报告 Word 文档</a></p>`
}
