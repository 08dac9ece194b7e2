import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { api } from '@/api/client'
import { Card, Chips, List, ListItem, PageRoot, PagedFooter, SearchBar, go, usePagedList } from '@/kit'
import { entries, openEntry, type Entry } from '@/features'
import '../../appointments/parts/appointment.scss'
import './index.scss'
import { useUnreadBadge } from '@/pages/messages/parts/unread'

const groups: { title: string; items: Entry[] }[] = [
  { title: '问一问、评一评', items: [entries.consult, entries.rating] },
  { title: '政府信息', items: [entries.notices, entries.disclosure] },
]

/** 办事: search the 办事指南, filter by category, open a guide (and book from it). */
export default function ServicesPage () {
  useUnreadBadge()
  const [q, setQ] = useState('')
  const [filter, setFilter] = useState({ q: '', category: '' })
  const [categories, setCategories] = useState<string[]>([])
  const list = usePagedList(async (cursor) => {
    const page = await api('listServiceItems', { query: { q: filter.q.trim() || undefined, category: filter.category || undefined, cursor, limit: 20 } })
    if (!filter.q && !filter.category && !cursor) setCategories(page.categories)
    return page
  }, [filter])

  return (
    <PageRoot className='services'>
      <SearchBar label='搜索办事事项' value={q} onChange={setQ} onSearch={() => setFilter((f) => ({ ...f, q }))} placeholder='搜索事项，如“居住证”“低保”'
        testId='item-search' buttonTestId='item-search-go' />
      <List>
        <ListItem title='我的预约' description='查看签到码、取消或改约' onClick={() => go('appointments')} testId='my-bookings' />
      </List>
      <Chips options={['', ...categories].map((c) => ({ key: c, label: c || '全部' }))} value={filter.category}
        onChange={(c) => setFilter({ q, category: c })} testId={(c) => `item-cat-${c || 'all'}`} />
      {list.items.map((i) => (
        <Card key={i.id} onClick={() => go('serviceDetail', { id: i.id })} testId='item'>
          <Text className='ap-title'>{i.name}</Text>
          {i.description && <Text className='ap-line services__desc'>{i.description}</Text>}
          <View className='ap-meta'>
            <Text>{i.category}</Text>
            <Text>{`承诺 ${i.timeLimitDays} 个工作日`}</Text>
            {i.fullyOnline ? <Text className='services__badge'>一趟不用跑</Text> : i.maxOneVisit ? <Text className='services__badge'>最多跑一趟</Text> : null}
            {i.bookable && <Text className='services__badge services__badge--book'>可预约</Text>}
          </View>
        </Card>
      ))}
      <PagedFooter list={list} endText={null} empty={{ title: '没有找到相关事项', description: '换个关键词试试，或拨打服务中心电话咨询。' }} />
      {groups.map((g) => (
        <List key={g.title} title={g.title}>
          {g.items.map((e) => (
            <ListItem key={e.key} title={e.title} description={e.description} onClick={() => openEntry(e)} testId={`service-${e.key}`} />
          ))}
        </List>
      ))}
    </PageRoot>
  )
}
