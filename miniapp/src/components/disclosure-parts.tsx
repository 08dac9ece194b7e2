// Pieces of a 依申请公开 case shared by the resident and staff detail pages.
import { Text, View } from '@tarojs/components'
import { dateTimeOf, type DisclosureView } from '@/utils/disclosure'
import './disclosure.scss'

export function Row ({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='dsc-row'>
      <Text className='dsc-row__label'>{label}</Text>
      <Text className='dsc-row__value' data-testid={testId}>{value}</Text>
    </View>
  )
}

/** 办理过程: the case's events, oldest first. */
export function DisclosureTimeline ({ events }: { events: DisclosureView['events'] }) {
  return (
    <View className='bm-card'>
      <Text className='dsc-intro__title'>办理过程</Text>
      <View className='dsc-timeline'>
        {events.map((e, i) => (
          <View key={i} className='dsc-timeline__item'>
            <Text className='dsc-timeline__label'>{e.label}</Text>
            <Text className='dsc-timeline__time'>{dateTimeOf(e.createdAt)}</Text>
            {e.note && <Text className='dsc-timeline__note'>{e.note}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
