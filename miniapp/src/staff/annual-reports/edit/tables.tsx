// The report's tables on the page: 二 and 四 as number inputs (checked on the server, messages beside the table),
// 三 read-only with every heading and the balance check.
import { Input, Text, View } from '@tarojs/components'
import {
  disclosureLines, proactiveInfoLabel, proactiveTableLayout, reviewGroups, reviewOutcomeKeys, reviewOutcomeLabels,
  type Contract, type ProactiveTable, type ResponseOf, type ReviewsTable,
} from '@bianmin/shared'
import { labelled } from '@/kit'

type Report = ResponseOf<Contract['getAnnualReportDraft']>
const num = (s: string) => (s.trim() === '' ? 0 : Number(s))

function Cell ({ label, value, readOnly, onChange }: { label: string; value: number; readOnly: boolean; onChange: (v: number) => void }) {
  if (readOnly) return <Text className='ar-cell'>{String(value)}</Text>
  return <Input className='ar-cell ar-cell--input' type='digit' {...labelled(label)} value={String(value)} onInput={(e) => onChange(num(e.detail.value))} data-testid={`cell-${label}`} />
}

export function ProactiveTableView ({ value, readOnly, onChange }: { value: ProactiveTable; readOnly: boolean; onChange: (v: ProactiveTable) => void }) {
  return (
    <View className='ar-table' role='table'>
      {proactiveTableLayout.map((g) => (
        <View key={g.group} className='ar-group'>
          <Text className='ar-th ar-th--wide'>{g.group}</Text>
          <View className='ar-tr' role='row'><Text className='ar-th'>{proactiveInfoLabel}</Text>{g.columns.map(([, l]) => <Text key={l} className='ar-th'>{l}</Text>)}</View>
          {g.rows.map(([key, label]) => (
            <View key={key} className='ar-tr' role='row'>
              <Text className='ar-th'>{label}</Text>
              {g.columns.map(([c, cl]) => (
                <Cell key={c} label={`${label}${cl}`} readOnly={readOnly} value={(value[key] as Record<string, number>)[c]!}
                  onChange={(v) => onChange({ ...value, [key]: { ...value[key], [c]: v } })} />
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

export function DisclosureTableView ({ table }: { table: Report['disclosures'] }) {
  return (
    <View className='ar-table' role='table'>
      <Text className='ar-note'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</Text>
      <View className='ar-tr' role='row'><Text className='ar-th'>申请人情况</Text>{table.columns.map((c) => <Text key={c.key} className='ar-th'>{c.group ? `${c.group}·${c.label}` : c.label}</Text>)}</View>
      {disclosureLines(table).map((l, i) => (
        <View key={i} className='ar-tr' role='row'>
          <Text className={l.heading ? 'ar-th ar-th--wide' : 'ar-th'}>{l.label}</Text>
          {l.values?.map((v, j) => <Text key={j} className='ar-cell'>{String(v)}</Text>)}
        </View>
      ))}
      <Text className={table.check.balanced ? 'ar-check' : 'ar-check ar-check--bad'} data-testid='balance-check'>
        {table.check.balanced ? '核对：一 + 二 = 三 + 四，平衡' : '核对：一 + 二 ≠ 三 + 四，不平衡，请核查依申请公开办理记录'}
      </Text>
    </View>
  )
}

export function ReviewsTableView ({ value, readOnly, onChange }: { value: ReviewsTable; readOnly: boolean; onChange: (v: ReviewsTable) => void }) {
  return (
    <View className='ar-table' role='table'>
      {reviewGroups.map((g) => (
        <View key={g.key} className='ar-group'>
          <Text className='ar-th ar-th--wide'>{g.parent ? `${g.parent}·${g.label}` : g.label}</Text>
          <View className='ar-tr' role='row'>
            {reviewOutcomeKeys.map((k) => (
              <View key={k} className='ar-col'>
                <Text className='ar-th'>{reviewOutcomeLabels[k]}</Text>
                <Cell label={`${g.label}${reviewOutcomeLabels[k]}`} readOnly={readOnly} value={value[g.key][k]}
                  onChange={(v) => onChange({ ...value, [g.key]: { ...value[g.key], [k]: v } })} />
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
