import { Button, Picker, Text, View } from '@tarojs/components'

export interface Range { from: string; to: string }
export interface Option { id: string; name: string }

interface Props {
  range: Range
  /** Today (the server's date): the end of 本月 / 本年 and the last pickable day. */
  today: string
  halls: Option[]
  items: Option[]
  hallId: string
  itemId: string
  onRange: (r: Range) => void
  onHall: (id: string) => void
  onItem: (id: string) => void
}

/** 本月 / 本年 / 上一年 relative to `today`. */
export function quickRanges (today: string): { key: string; label: string; range: Range }[] {
  const y = Number(today.slice(0, 4))
  return [
    { key: 'month', label: '本月', range: { from: `${today.slice(0, 7)}-01`, to: today } },
    { key: 'year', label: '本年', range: { from: `${y}-01-01`, to: today } },
    { key: 'last-year', label: '上一年', range: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` } },
  ]
}

function OptionPicker ({ label, all, options, value, onChange, testId }: {
  label: string; all: string; options: Option[]; value: string; onChange: (id: string) => void; testId: string
}) {
  const names = [all, ...options.map((o) => o.name)]
  const index = Math.max(0, options.findIndex((o) => o.id === value) + 1)
  return (
    <View className='wb-filters__row'>
      <Text className='wb-filters__label'>{label}</Text>
      <Picker mode='selector' range={names} value={index} onChange={(e) => onChange(options[Number(e.detail.value) - 1]?.id ?? '')}>
        <View className='wb-filters__value' data-testid={testId}>{names[index]}<Text className='wb-filters__arrow'> ▾</Text></View>
      </Picker>
    </View>
  )
}

/** Date range (two date pickers and quick buttons) and the drill-down by hall and service item. */
export function Filters ({ range, today, halls, items, hallId, itemId, onRange, onHall, onItem }: Props) {
  return (
    <View className='bm-card wb-filters'>
      <View className='wb-filters__row'>
        <Text className='wb-filters__label'>统计时间</Text>
        <View className='wb-filters__dates'>
          <Picker mode='date' value={range.from} start='2000-01-01' end={range.to} onChange={(e) => onRange({ ...range, from: e.detail.value })}>
            <View className='wb-filters__value' data-testid='dashboard-from'>{range.from}</View>
          </Picker>
          <Text className='wb-filters__to'>至</Text>
          <Picker mode='date' value={range.to} start={range.from} end={today || undefined} onChange={(e) => onRange({ ...range, to: e.detail.value })}>
            <View className='wb-filters__value' data-testid='dashboard-to'>{range.to}</View>
          </Picker>
        </View>
      </View>
      {today && (
        <View className='wb-filters__quick'>
          {quickRanges(today).map((q) => {
            const on = q.range.from === range.from && q.range.to === range.to
            return (
              <Button key={q.key} className={`bm-button wb-filters__quick-btn${on ? ' bm-button--primary' : ''}`} onClick={() => onRange(q.range)} data-testid={`dashboard-quick-${q.key}`}>
                {q.label}
              </Button>
            )
          })}
        </View>
      )}
      <OptionPicker label='服务中心' all='全部服务中心' options={halls} value={hallId} onChange={onHall} testId='dashboard-hall' />
      <OptionPicker label='办事事项' all='全部事项' options={items} value={itemId} onChange={onItem} testId='dashboard-item' />
    </View>
  )
}
