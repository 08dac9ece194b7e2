import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { workbenchCounter } from '@bianmin/shared'
import { PageState } from '@/components/page-state'
import { openStaffPage } from './pages'

export type Counter = z.infer<typeof workbenchCounter>

interface Props {
  today: string
  counters: Counter[] | null
  loading: boolean
  error: string
  onRetry: () => void
}

const dateText = (d: string) => {
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

/** "What needs me now": one tile per counter, urgent ones marked red, each opening its list. */
export function Counters ({ today, counters, loading, error, onRetry }: Props) {
  return (
    <View className='wb-counters' data-testid='workbench-counters'>
      <View className='wb-counters__head'>
        <Text className='wb-counters__title'>待我处理</Text>
        {today && <Text className='wb-counters__today' data-testid='workbench-today'>今天是 {dateText(today)}</Text>}
      </View>
      {loading && !counters && <PageState status='loading' title='正在统计待办事项…' />}
      {!loading && error && <PageState status='error' title={error} onRetry={onRetry} />}
      {counters && counters.length === 0 && <PageState status='empty' title='暂时没有需要您处理的事项' />}
      {counters && counters.length > 0 && (
        <View className='wb-counters__grid'>
          {counters.map((c) => (
            <View
              key={c.key}
              className={`wb-counters__item${c.urgent ? ' wb-counters__item--urgent' : ''}`}
              hoverClass='wb-counters__item--active'
              onClick={() => openStaffPage(c.page)}
              data-testid={`counter-${c.key}`}
            >
              <Text className='wb-counters__count' data-testid={`counter-${c.key}-count`}>{c.count}</Text>
              <Text className='wb-counters__label'>{c.label}</Text>
              {c.urgent && <Text className='wb-counters__badge'>需尽快处理</Text>}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
