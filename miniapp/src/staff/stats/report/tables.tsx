// The report's tables as on paper (国办公开办函〔2021〕30号): 二、主动公开, 三、依申请公开 (with its check), and the figures.
import type { ReactNode } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import type { z } from 'zod'
import { disclosureCategoryLabels, type annualReport } from '@bianmin/shared'

export type Report = z.infer<typeof annualReport>
type Disclosures = Report['disclosures']
type Row = Disclosures['rows'][number]

/** Numeric column width in the wide table (px); a group heading spans several. */
const COL = 68

function Cell ({ children, head, label, span }: { children?: ReactNode; head?: boolean; label?: boolean; span?: number }) {
  const cls = ['wb-rt__cell', head ? 'wb-rt__cell--head' : '', label ? 'wb-rt__cell--label' : 'wb-rt__cell--num'].filter(Boolean).join(' ')
  const style = label ? undefined : span ? { flex: 'none', width: `${span * COL}px` } : { flex: '1' }
  return <View className={cls} style={style}><Text>{children}</Text></View>
}

export function ProactiveTable ({ r }: { r: Report }) {
  return (
    <View className='wb-rt wb-rt--narrow' data-testid='report-proactive'>
      <View className='wb-rt__row'><Cell head label>信息内容（栏目）</Cell><Cell head>本年发布数量（条）</Cell></View>
      {r.proactive.byCategory.map((c) => (
        <View key={c.category} className='wb-rt__row'><Cell label>{c.category}</Cell><Cell>{c.count}</Cell></View>
      ))}
      <View className='wb-rt__row wb-rt__row--total'><Cell label>合计</Cell><Cell>{r.proactive.total}</Cell></View>
      {r.proactive.byChannel.length > 0 && (
        <>
          <View className='wb-rt__row'><Cell head label>发布渠道</Cell><Cell head>本年发布数量（条）</Cell></View>
          {r.proactive.byChannel.map((c) => (
            <View key={c.channel} className='wb-rt__row'><Cell label>{c.channel}</Cell><Cell>{c.count}</Cell></View>
          ))}
        </>
      )}
    </View>
  )
}

/** Header cells: columns of the same group under one spanning cell. */
function groupHeads (d: Disclosures) {
  const out: { label: string; span: number; grouped: boolean }[] = []
  for (const c of d.columns) {
    const last = out[out.length - 1]
    if (c.group && last?.grouped && last.label === c.group) last.span++
    else out.push({ label: c.group ?? c.label, span: 1, grouped: Boolean(c.group) })
  }
  return out
}

/** Rows in paper order: a category with several outcomes gets a heading row, a single-outcome category is one row. */
function bodyRows (d: Disclosures): { key: string; label: string; row: Row | null; indent: boolean }[] {
  const out: { key: string; label: string; row: Row | null; indent: boolean }[] = []
  const counts = new Map<string, number>()
  for (const r of d.rows) if (r.category) counts.set(r.category, (counts.get(r.category) ?? 0) + 1)
  let resultsHeading = false
  const seen = new Set<string>()
  for (const r of d.rows) {
    if (r.category) {
      if (!resultsHeading) { out.push({ key: 'RESULTS', label: '三、本年度办理结果', row: null, indent: false }); resultsHeading = true }
      const heading = disclosureCategoryLabels[r.category]
      if ((counts.get(r.category) ?? 0) === 1) { out.push({ key: r.key, label: heading, row: r, indent: true }); continue }
      if (!seen.has(r.category)) { seen.add(r.category); out.push({ key: `H-${r.category}`, label: heading, row: null, indent: true }) }
      out.push({ key: r.key, label: r.label, row: r, indent: true })
    } else {
      out.push({ key: r.key, label: r.label, row: r, indent: r.key === 'HANDLED_TOTAL' })
    }
  }
  return out
}

export function DisclosureTable ({ r }: { r: Report }) {
  const d = r.disclosures
  const unbalanced = d.columns.filter((c) => (d.check.differences[c.key] ?? 0) !== 0)
  return (
    <View data-testid='report-disclosures'>
      <ScrollView scrollX className='wb-rt-scroll'>
        <View className='wb-rt wb-rt--wide'>
          <View className='wb-rt__row'>
            <Cell head label>项目 ＼ 申请人情况</Cell>
            {groupHeads(d).map((h) => <Cell key={h.label} head span={h.span}>{h.label}</Cell>)}
          </View>
          <View className='wb-rt__row'>
            <Cell head label> </Cell>
            {d.columns.map((c) => <Cell key={c.key} head span={1}>{c.group ? c.label : ''}</Cell>)}
          </View>
          {bodyRows(d).map((b) => (
            <View key={b.key} className={`wb-rt__row${b.key === 'HANDLED_TOTAL' ? ' wb-rt__row--total' : ''}${b.row ? '' : ' wb-rt__row--heading'}`} data-testid={`report-row-${b.key}`}>
              <View className={`wb-rt__cell wb-rt__cell--label${b.indent ? ' wb-rt__cell--indent' : ''}`}><Text>{b.label}</Text></View>
              {d.columns.map((c) => <Cell key={c.key} span={1}>{b.row ? b.row.values[c.key] ?? 0 : ''}</Cell>)}
            </View>
          ))}
        </View>
      </ScrollView>
      <Text className={`wb-report__check${d.check.balanced ? '' : ' wb-report__check--bad'}`} data-testid='report-check'>
        {d.check.balanced
          ? '核对：一（本年新收）＋ 二（上年结转）＝ 三（办理结果总计）＋ 四（结转下年），各列相符。'
          : `核对：一 ＋ 二 与 三 ＋ 四 不相符（${unbalanced.map((c) => `${c.label}相差 ${d.check.differences[c.key]}`).join('，')}），请核实未填写办理结果的申请。`}
      </Text>
    </View>
  )
}

export function Figures ({ r }: { r: Report }) {
  const sections = [...new Set(r.figures.map((f) => f.section))]
  return (
    <View data-testid='report-figures'>
      {sections.map((s) => (
        <View key={s} className='wb-figures'>
          <Text className='wb-figures__section'>{s}</Text>
          {r.figures.filter((f) => f.section === s).map((f) => (
            <View key={f.label} className='wb-figures__row'>
              <Text className='wb-figures__label'>{f.label}</Text>
              <Text className='wb-figures__value'>{f.value}{f.unit ? ` ${f.unit}` : ''}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
