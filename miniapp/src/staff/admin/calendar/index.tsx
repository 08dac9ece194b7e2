import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { staffApi } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { go as goPage } from '@/kit/nav'
import { requireStaff, staffError } from '../../shell/session'
import { dateTitle, dayKind, isoWeekday, monthRange, monthTitle, shiftMonth, sourceLabels, weekdayNames, type Day } from './month'
import '../admin.scss'
import './index.scss'

const thisMonth = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export default function CalendarPage () {
  const [month, setMonth] = useState('')
  const [days, setDays] = useState<Day[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [selected, setSelected] = useState<Day | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async (m: string) => {
    setLoading(true)
    setError('')
    try {
      const { from, to } = monthRange(m)
      setDays((await staffApi('listCalendar', { query: { from, to } })).items)
    } catch (e) {
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad((params: Record<string, string | undefined>) => {
    if (!requireStaff()) return
    const m = /^\d{4}-\d{2}$/.test(params.month ?? '') ? params.month! : thisMonth()
    setMonth(m)
    void load(m)
  })

  const go = (by: number) => {
    const m = shiftMonth(month, by)
    setMonth(m)
    setSelected(null)
    setDays([])
    void load(m)
  }

  const pick = (d: Day) => { setSelected(d); setNote(d.source === 'OVERRIDE' ? d.note ?? '' : '') }

  const change = async (action: 'work' | 'rest' | 'clear') => {
    if (!selected || busy) return
    setBusy(true)
    try {
      const date = selected.date
      const d = action === 'clear'
        ? await staffApi('clearCalendarDay', { params: { date } })
        : await staffApi('setCalendarDay', { params: { date }, body: { isWorkday: action === 'work', ...(note.trim() ? { note: note.trim() } : {}) } })
      setDays((xs) => xs.map((x) => (x.date === d.date ? d : x)))
      setSelected(d)
      void Taro.showToast({ title: action === 'clear' ? '已恢复默认安排' : '已调整', icon: 'none' })
    } catch (e) {
      const msg = staffError(e)
      if (msg) void Taro.showModal({ title: '没有保存', content: msg, showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  const lead = days.length > 0 ? isoWeekday(days[0]!.date) - 1 : 0
  return (
    <PageRoot className='wb-admin'>
      <Button className='bm-button bm-button--primary bm-button--block' onClick={() => goPage('staffCalendarImport')} data-testid='calendar-import'>导入国务院节假日安排</Button>
      <View className='bm-card wb-cal'>
        <View className='wb-cal__nav'>
          <Button className='bm-button' onClick={() => go(-1)} data-testid='calendar-prev'>‹ 上个月</Button>
          <Text className='wb-cal__month' data-testid='calendar-month'>{month && monthTitle(month)}</Text>
          <Button className='bm-button' onClick={() => go(1)} data-testid='calendar-next'>下个月 ›</Button>
        </View>
        <View className='wb-cal__grid'>
          {weekdayNames.map((w) => <Text key={w} className='wb-cal__head'>{w}</Text>)}
          {Array.from({ length: lead }, (_, i) => <View key={`b${i}`} className='wb-cal__blank' />)}
          {days.map((d) => {
            const k = dayKind(d)
            return (
              <View
                key={d.date}
                className={`wb-cal__day wb-cal__day--${k.key}${selected?.date === d.date ? ' wb-cal__day--selected' : ''}`}
                onClick={() => pick(d)}
                data-testid={`day-${d.date}`}
              >
                <Text className='wb-cal__num'>{Number(d.date.slice(8))}</Text>
                <Text className='wb-cal__kind'>{k.label}</Text>
                {d.source === 'OVERRIDE' && <Text className='wb-cal__mark'>改</Text>}
              </View>
            )
          })}
        </View>
        {loading && days.length === 0 && <PageState status='loading' />}
        {!loading && error && <PageState status='error' title={error} onRetry={() => void load(month)} />}
        <View className='wb-cal__legend'>
          <Text className='wb-cal__key wb-cal__key--work'>上班</Text>
          <Text className='wb-cal__key wb-cal__key--rest'>休息</Text>
          <Text className='wb-cal__key wb-cal__key--holiday'>放假</Text>
          <Text className='wb-cal__key wb-cal__key--makeup'>调休上班</Text>
          <Text className='wb-cal__key'>“改”＝人工调整</Text>
        </View>
      </View>

      {selected ? (
        <View className='bm-card' data-testid='calendar-day'>
          <Text className='wb-admin-group__title'>{dateTitle(selected.date)}</Text>
          <Text className='wb-cal__line'>现在：{dayKind(selected).label}</Text>
          <Text className='wb-cal__line'>依据：{sourceLabels[selected.source]}{selected.notice ? `：${selected.notice}` : ''}{selected.note ? `（${selected.note}）` : ''}</Text>
          <View className='wb-field'>
            <Text className='wb-field__label'>调整说明（选填，例如“台风停止办公”）</Text>
            <Input className='wb-field__input' value={note} maxlength={100} onInput={(e) => setNote(e.detail.value)} data-testid='calendar-note' />
          </View>
          <View className='wb-dialog__actions'>
            <Button className='bm-button' disabled={busy} onClick={() => void change('work')} data-testid='calendar-set-work'>设为上班</Button>
            <Button className='bm-button' disabled={busy} onClick={() => void change('rest')} data-testid='calendar-set-rest'>设为休息</Button>
          </View>
          {selected.source === 'OVERRIDE' && (
            <Button className='bm-button bm-button--block wb-cal__clear' disabled={busy} onClick={() => void change('clear')} data-testid='calendar-clear'>
              取消人工调整，恢复默认安排
            </Button>
          )}
        </View>
      ) : (
        <Text className='wb-admin__intro'>点日历上的某一天，可以把它改为上班或休息。改动会影响预约时段和各项办理期限。</Text>
      )}
    </PageRoot>
  )
}
