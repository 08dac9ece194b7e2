// The report's four tables as grids of cells with merged headers (the template's layout), one model for the .docx,
// the notice HTML and the CSV.
import {
  annualReportSections, disclosureLines, proactiveInfoLabel, proactiveTableLayout, reviewGroups, reviewOutcomeKeys, reviewOutcomeLabels,
} from '@bianmin/shared'
import type { AnnualReportView } from './report.service'

export interface Cell { text: string; colSpan?: number; rowSpan?: number; header?: boolean }
export interface Grid { title: string; note?: string; rows: Cell[][] }

const h = (text: string, colSpan = 1, rowSpan = 1): Cell => ({ text, colSpan, rowSpan, header: true })
const v = (n: number | string): Cell => ({ text: String(n) })

export function proactiveGrid (r: AnnualReportView): Grid {
  const rows: Cell[][] = []
  for (const g of proactiveTableLayout) {
    rows.push([h(g.group, g.columns.length + 1)])
    rows.push([h(proactiveInfoLabel), ...g.columns.map(([, label]) => h(label))])
    for (const [key, label] of g.rows) {
      const values = r.proactive[key] as Record<string, number>
      rows.push([h(label), ...g.columns.map(([c]) => v(c === 'amount' ? values[c]!.toFixed(2) : values[c]!))])
    }
  }
  return { title: annualReportSections.proactive, rows }
}

export function disclosureGrid (r: AnnualReportView): Grid {
  const cols = r.disclosures.columns
  const legal = cols.filter((c) => c.group)
  const rows: Cell[][] = [
    [h('申请人情况', 1, 2), h('自然人', 1, 2), h('法人或其他组织', legal.length), h('总计', 1, 2)],
    legal.map((c) => h(c.label)),
  ]
  for (const line of disclosureLines(r.disclosures)) {
    rows.push(line.values ? [h(line.label), ...line.values.map(v)] : [h(line.label, cols.length + 1)])
  }
  return { title: annualReportSections.disclosures, note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rows }
}

export function reviewsGrid (r: AnnualReportView): Grid {
  const labels = reviewOutcomeKeys.map((k) => reviewOutcomeLabels[k])
  const rows: Cell[][] = [
    [h('行政复议', 5), h('行政诉讼', 10)],
    [...labels.map((l) => h(l, 1, 2)), h(reviewGroups[1].label, 5), h(reviewGroups[2].label, 5)],
    [...labels.map((l) => h(l)), ...labels.map((l) => h(l))],
    reviewGroups.flatMap((g) => reviewOutcomeKeys.map((k) => v(r.reviews[g.key][k]))),
  ]
  return { title: annualReportSections.reviews, rows }
}

/** Expands merged cells: the text in the first position, blanks in the positions it covers. */
export function flatten (g: Grid): string[][] {
  const out: string[][] = []
  const taken = new Map<string, true>()
  g.rows.forEach((row, ri) => {
    const line: string[] = []
    let ci = 0
    for (const cell of row) {
      while (taken.has(`${ri}:${ci}`)) { line[ci] = ''; ci++ }
      line[ci] = cell.text
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) if (dr || dc) taken.set(`${ri + dr}:${ci + dc}`, true)
      ci += cell.colSpan ?? 1
    }
    while (taken.has(`${ri}:${ci}`)) { line[ci] = ''; ci++ }
    out.push(line.map((x) => x ?? ''))
  })
  return out
}
