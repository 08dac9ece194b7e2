import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { workbenchCounter } from '@bianmin/shared'
import { Loaded, Tag, type Resource } from '@/kit'
import { openStaffPage } from './pages'

export type Counter = z.infer<typeof workbenchCounter>

const dateText = (d: string) => {
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

/** "What needs me now": one tile per counter, urgent ones marked red, each opening its list. */
export function Counters ({ work }: { work: Resource<{ today: string; counters: Counter[] }> }) {
  return (
    <View className='wb-counters' data-testid='workbench-counters'>
      <View className='wb-counters__head'>
        <Text className='wb-counters__title'>待我处理</Text>
        {work.data && <Text className='wb-counters__today' data-testid='workbench-today'>{`今天是 ${dateText(work.data.today)}`}</Text>}
      </View>
      <Loaded resource={work} loadingTitle='正在统计待办事项…' isEmpty={(w) => w.counters.length === 0} empty={{ title: '暂时没有需要您处理的事项' }}>
        {(w) => (
          <View className='wb-counters__grid'>
            {w.counters.map((c) => (
              <View key={c.key} className={`wb-counters__item${c.urgent ? ' wb-counters__item--urgent' : ''}`} hoverClass='wb-counters__item--active'
                onClick={() => openStaffPage(c.page)} data-testid={`counter-${c.key}`}>
                <Text className='wb-counters__count' data-testid={`counter-${c.key}-count`}>{c.count}</Text>
                <Text className='wb-counters__label'>{c.label}</Text>
                {c.urgent && <Tag tone='danger' solid>需尽快处理</Tag>}
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
