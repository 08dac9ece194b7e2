// The booking page's day strip (the bookable working days, seats left per day) and the chosen day's slots.
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import type { SlotView } from '@bianmin/shared'
import { aria } from '@/kit'
import { dayText, weekdayText } from './appointment.format'

interface Props {
  dates: string[]
  slots: SlotView[]
  date: string
  slotId: string
  onDate: (date: string) => void
  onSlot: (slot: SlotView) => void
  error?: string
}

export function SlotPicker ({ dates, slots, date, slotId, onDate, onSlot, error }: Props) {
  const seatsOn = useMemo(() => {
    const m = new Map<string, number>()
    for (const s of slots) m.set(s.date, (m.get(s.date) ?? 0) + s.remaining)
    return m
  }, [slots])
  const daySlots = slots.filter((s) => s.date === date)
  return (
    <>
      <View className='book__dates' data-testid='book-dates'>
        {dates.map((d) => {
          const left = seatsOn.get(d) ?? 0
          return (
            <View key={d} className={`book__date${d === date ? ' book__date--on' : ''}${left === 0 ? ' book__date--full' : ''}`}
              onClick={() => onDate(d)} data-testid={`book-date-${d}`} {...aria('button', { 'aria-pressed': d === date })}>
              <Text className='book__date-week'>{weekdayText(d)}</Text>
              <Text className='book__date-day'>{dayText(d)}</Text>
              <Text className='book__date-left'>{left > 0 ? `余 ${left}` : '约满'}</Text>
            </View>
          )
        })}
      </View>
      {daySlots.length === 0 && <Text className='ap-empty-note'>这一天没有可预约的时段，请选择其他日期。</Text>}
      <View className='book__slots'>
        {daySlots.map((s) => (
          <View key={s.id} className={`book__slot${s.id === slotId ? ' book__slot--on' : ''}${s.remaining === 0 ? ' book__slot--full' : ''}`}
            onClick={() => { if (s.remaining > 0) onSlot(s) }} data-testid={`book-slot-${s.start}`}
            {...aria('button', { 'aria-pressed': s.id === slotId, 'aria-disabled': s.remaining === 0 })}>
            <Text className='book__slot-time'>{`${s.start}–${s.end}`}</Text>
            <Text className='book__slot-where'>{s.windowName ? `${s.hallName} · ${s.windowName}` : s.hallName}</Text>
            <Text className='book__slot-left'>{s.remaining > 0 ? `余 ${s.remaining} 个` : '已约满'}</Text>
          </View>
        ))}
      </View>
      {error && <Text className='bm-field__error book__slot-error' data-testid='book-error-slotId'>{error}</Text>}
    </>
  )
}
