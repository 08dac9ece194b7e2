import { Text, View } from '@tarojs/components'
import { aria } from '@/components/a11y'
import { dateText, type NoticeItem } from './notice.format'
import './notice.scss'
import { go } from '@/kit/nav'


/** One notice in a list: title (置顶 tag), then category, publisher, date and reads. */
export function NoticeListItem ({ item }: { item: NoticeItem }) {
  return (
    <View className='nt-item' hoverClass='nt-item--active' onClick={() => go('noticeDetail', { id: item.id })} data-testid='notice-item' {...aria('link')}>
      <View className='nt-item__title'>
        {item.pinned && <Text className='nt-tag nt-tag--pin'>置顶</Text>}
        <Text>{item.title}</Text>
      </View>
      <View className='nt-item__meta'>
        <Text className='nt-tag'>{item.category}</Text>
        <Text>{item.orgName}</Text>
        <Text>{dateText(item.publishedAt)}</Text>
        <Text>{`阅读 ${item.views}`}</Text>
        {item.attachmentCount > 0 && <Text>{`附件 ${item.attachmentCount}`}</Text>}
      </View>
    </View>
  )
}
