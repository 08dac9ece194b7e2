import { View, Text } from '@tarojs/components'
import { openEntry, type Entry } from '@/features'
import { aria } from './a11y'
import './entry-grid.scss'

/**
 * Big square buttons for the main services (three per row, two in 长辈模式): named by the visible title (WCAG 2.5.3),
 * the description read after it.
 */
export function EntryGrid ({ items }: { items: Entry[] }) {
  return (
    <View className='entry-grid'>
      {items.map((e) => (
        <View key={e.key} className='entry-grid__item' hoverClass='entry-grid__item--active' onClick={() => openEntry(e)} data-testid={`entry-${e.key}`}
          {...aria('button', { 'aria-description': e.description })}>
          <View className='entry-grid__badge' {...aria('presentation', { 'aria-hidden': true })}><Text>{e.badge}</Text></View>
          <Text className='entry-grid__title'>{e.title}</Text>
        </View>
      ))}
    </View>
  )
}
