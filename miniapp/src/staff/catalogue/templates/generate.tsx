// 生成时段: a date range → the preview table (what will be created, closed or left alone, nothing changed yet) →
// 确认生成. Past days are left out; only working days get slots (调休 days follow Monday's templates).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SlotPlan, SlotPlanRow } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, Section, Tag, useSubmit, type Tone } from '@/kit'
import { DataTable, type Column } from '../../shell/data-table'
import { WEEKDAYS, addDaysIso } from '../parts/catalogue'

const actionTag: Record<SlotPlanRow['action'], { label: string; tone: Tone }> = {
  CREATE: { label: '新增', tone: 'success' }, CLOSE: { label: '关闭', tone: 'danger' }, KEEP: { label: '不变', tone: 'muted' },
}
const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]
const columns: Column<SlotPlanRow>[] = [
  { key: 'date', title: '日期', width: '1.3fr', render: (r) => <Text>{`${r.date} ${weekdayOf(r.date)}`}</Text> },
  { key: 'time', title: '时段', width: '1fr', render: (r) => <Text>{`${r.start}–${r.end}`}</Text> },
  { key: 'window', title: '窗口', width: '1fr', render: (r) => <Text>{r.windowName ?? '全厅通用'}</Text> },
  { key: 'capacity', title: '已约/容量', width: '0.8fr', numeric: true, render: (r) => <Text>{`${r.booked}/${r.capacity}`}</Text> },
  { key: 'action', title: '结果', width: '1.8fr', render: (r) => <View className='cat-row'><Tag tone={actionTag[r.action].tone}>{actionTag[r.action].label}</Tag><Text className='cat-note'>{r.reason}</Text></View> },
]

/** Next Monday … next Sunday from a date. */
export function nextWeek (today: string): { from: string; to: string } {
  const wd = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7
  const from = addDaysIso(today, 7 - wd)
  return { from, to: addDaysIso(from, 6) }
}

export function GenerateSlots ({ hallId, today }: { hallId: string; today: string }) {
  const [range, setRange] = useState(() => nextWeek(today))
  const [plan, setPlan] = useState<SlotPlan | null>(null)
  const [done, setDone] = useState('')
  const preview = useSubmit((b: { hallId: string; from: string; to: string }) => staffApi('previewSlotGeneration', { body: b }), { errorPrefix: '预览未成功：', onSuccess: (p) => { setPlan(p); setDone('') } })
  const apply = useSubmit((b: { hallId: string; from: string; to: string }) => staffApi('generateSlots', { body: b }), {
    errorPrefix: '生成未成功：', onSuccess: (r) => { setPlan(null); setDone(`已生成 ${r.created} 个时段`) },
  })
  const change = (k: 'from' | 'to', v: string) => { setRange((x) => ({ ...x, [k]: v })); setPlan(null) }
  return (
    <Section title='生成时段' testId='generate'>
      <View className='cat-row'>
        <Field kind='date' label='开始日期' value={range.from} start={today} onChange={(v) => change('from', v)} testId='generate-from' />
        <Field kind='date' label='结束日期' value={range.to} start={range.from} onChange={(v) => change('to', v)} testId='generate-to' />
      </View>
      <FormError error={preview.error || apply.error} />
      {done && <Text className='cat-note' data-testid='generate-done'>{done}</Text>}
      {!plan && <Action kind='primary' busy={preview.busy} busyText='正在计算…' onClick={() => void preview.run({ hallId, ...range })} testId='generate-preview'>预览</Action>}
      {plan && (
        <View data-testid='generate-plan'>
          <Text data-testid='generate-summary'>{`${plan.from} 至 ${plan.to}：新增 ${plan.create} 个，关闭 ${plan.close} 个，不变 ${plan.keep} 个`}</Text>
          {plan.rows.length > 0 && <DataTable label='生成预览' columns={columns} rows={plan.rows} rowKey={(r) => `${r.date}-${r.start}-${r.windowId ?? ''}`} rowTestId='plan-row' />}
          <Actions>
            <Action kind='primary' disabled={plan.create + plan.close === 0} busy={apply.busy} busyText='正在生成…' onClick={() => void apply.run({ hallId, ...range })} testId='generate-apply'>确认生成</Action>
            <Action onClick={() => setPlan(null)}>重新选择</Action>
          </Actions>
        </View>
      )}
    </Section>
  )
}
