// 工作日历 (ADMIN): a month of working days, holidays and 调休 (?month=YYYY-MM); a day is changed to 上班 or 休息
// with a note, or back to the default; the 节假日安排 import is one tap away.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, Loaded, Section, go, useResource, useSubmit } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { dateTitle, dayKind, isoWeekday, monthRange, monthTitle, shiftMonth, sourceLabels, weekdayNames, type Day } from './month'
import './index.scss'

const thisMonth = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export default function CalendarPage () {
  const asked = useRouter().params.month ?? ''
  const [month, setMonth] = useState(/^\d{4}-\d{2}$/.test(asked) ? asked : thisMonth())
  const days = useResource(() => staffApi('listCalendar', { query: monthRange(month) }), [month], { on: 'mount' })
  const [selected, setSelected] = useState<Day | null>(null)
  const [note, setNote] = useState('')
  const change = useSubmit((action: 'work' | 'rest' | 'clear') => (action === 'clear'
    ? staffApi('clearCalendarDay', { params: { date: selected!.date } })
    : staffApi('setCalendarDay', { params: { date: selected!.date }, body: { isWorkday: action === 'work', ...(note.trim() ? { note: note.trim() } : {}) } })), {
    errorPrefix: '没有保存：',
    onSuccess: (d, action) => {
      days.setData((x) => x && { ...x, items: x.items.map((y) => (y.date === d.date ? d : y)) })
      setSelected(d)
      void Taro.showToast({ title: action === 'clear' ? '已恢复默认安排' : '已调整', icon: 'none' })
    },
  })
  const shift = (by: number) => { setMonth(shiftMonth(month, by)); setSelected(null) }
  const pick = (d: Day) => { setSelected(d); setNote(d.source === 'OVERRIDE' ? d.note ?? '' : ''); change.reset() }

  return (
    <StaffPage title='工作日历' actions={<Action kind='primary' onClick={() => go('staffCalendarImport')} testId='calendar-import'>导入国务院节假日安排</Action>}>
      <Section>
        <View className='wb-cal__nav'>
          <Action onClick={() => shift(-1)} testId='calendar-prev'>‹ 上个月</Action>
          <Text className='wb-cal__month' data-testid='calendar-month'>{monthTitle(month)}</Text>
          <Action onClick={() => shift(1)} testId='calendar-next'>下个月 ›</Action>
        </View>
        <Loaded resource={days}>
          {({ items }) => (
            <View className='wb-cal__grid'>
              {weekdayNames.map((w) => <Text key={w} className='wb-cal__head'>{w}</Text>)}
              {Array.from({ length: items.length ? isoWeekday(items[0]!.date) - 1 : 0 }, (_, i) => <View key={`b${i}`} className='wb-cal__blank' />)}
              {items.map((d) => {
                const k = dayKind(d)
                return (
                  <View key={d.date} className={`wb-cal__day wb-cal__day--${k.key}${selected?.date === d.date ? ' wb-cal__day--selected' : ''}`}
                    onClick={() => pick(d)} data-testid={`day-${d.date}`}>
                    <Text className='wb-cal__num'>{Number(d.date.slice(8))}</Text>
                    <Text className='wb-cal__kind'>{k.label}</Text>
                    {d.source === 'OVERRIDE' && <Text className='wb-cal__mark'>改</Text>}
                  </View>
                )
              })}
            </View>
          )}
        </Loaded>
        <View className='wb-cal__legend'>
          <Text className='wb-cal__key wb-cal__key--work'>上班</Text>
          <Text className='wb-cal__key wb-cal__key--rest'>休息</Text>
          <Text className='wb-cal__key wb-cal__key--holiday'>放假</Text>
          <Text className='wb-cal__key wb-cal__key--makeup'>调休上班</Text>
          <Text className='wb-cal__key'>“改”＝人工调整</Text>
        </View>
      </Section>

      {selected
        ? (
          <Section title={dateTitle(selected.date)} testId='calendar-day'>
            <Text className='staff-case__line'>{`现在：${dayKind(selected).label}`}</Text>
            <Text className='staff-case__line'>{`依据：${sourceLabels[selected.source]}${selected.notice ? `：${selected.notice}` : ''}${selected.note ? `（${selected.note}）` : ''}`}</Text>
            <Field label='调整说明（选填，例如“台风停止办公”）' name='调整说明' value={note} maxlength={100} onChange={setNote} error={change.errors.note} testId='calendar-note' />
            <Actions>
              <Action busy={change.busy} onClick={() => void change.run('work')} testId='calendar-set-work'>设为上班</Action>
              <Action busy={change.busy} onClick={() => void change.run('rest')} testId='calendar-set-rest'>设为休息</Action>
            </Actions>
            {selected.source === 'OVERRIDE' && <Action block busy={change.busy} onClick={() => void change.run('clear')} testId='calendar-clear'>取消人工调整，恢复默认安排</Action>}
            <FormError error={change.error} testId='calendar-error' />
          </Section>
          )
        : <Text className='staff-case__line'>点日历上的某一天，可以把它改为上班或休息。改动会影响预约时段和各项办理期限。</Text>}
    </StaffPage>
  )
}
