import { Text, View } from '@tarojs/components'
import { formatTime, stepLabel } from './format'
import './timeline.scss'

export interface TimelineStep { id: string; action: string; note: string; createdAt: string; staffName?: string | null }

/** Steps of a rectification case, oldest first, each with its time and note. */
export function Timeline ({ opened, steps }: { opened: string; steps: TimelineStep[] }) {
  return (
    <View className='timeline' data-testid='timeline'>
      <View className='timeline__item'>
        <View className='timeline__dot' />
        <View className='timeline__body'>
          <Text className='timeline__title'>受理差评</Text>
          <Text className='timeline__time'>{formatTime(opened)}</Text>
        </View>
      </View>
      {steps.map((s) => (
        <View key={s.id} className='timeline__item' data-testid={`step-${s.action}`}>
          <View className='timeline__dot timeline__dot--done' />
          <View className='timeline__body'>
            <Text className='timeline__title'>{stepLabel(s.action)}{s.staffName ? ` · ${s.staffName}` : ''}</Text>
            <Text className='timeline__time'>{formatTime(s.createdAt)}</Text>
            <Text className='timeline__note'>{s.note}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
