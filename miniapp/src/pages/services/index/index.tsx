import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { ServiceItemSummary } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { Cell, CellGroup } from '@/components/cell'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { labelled } from '@/components/a11y'
import { entries, openEntry, type Entry } from '@/features'
import '../../appointments/parts/appointment.scss'
import './index.scss'
import { go } from '@/kit/nav'

const groups: { title: string; items: Entry[] }[] = [
  { title: '问一问、评一评', items: [entries.consult, entries.rating] },
  { title: '政府信息', items: [entries.notices, entries.disclosure] },
]

/** 办事: search the 办事指南, filter by category, open a guide (and book from it). */
export default function ServicesPage () {
  const [q, setQ] = useState('')
  const [category, setCategory] = useState('')
  const [categories, setCategories] = useState<string[]>([])
  const [items, setItems] = useState<ServiceItemSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async (query: { q: string; category: string }, after?: string) => {
    setLoading(true)
    setError('')
    try {
      const page = await api('listServiceItems', { query: { q: query.q.trim() || undefined, category: query.category || undefined, cursor: after, limit: 20 } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
      if (!query.q && !query.category) setCategories(page.categories)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  useDidShow(() => { void load({ q, category }) })
  usePullDownRefresh(() => { void load({ q, category }) })

  const pick = (c: string) => { setCategory(c); void load({ q, category: c }) }

  return (
    <PageRoot className='services'>
      <View className='services__search'>
        <Input className='services__input' {...labelled('搜索办事事项')} value={q} placeholder='搜索事项，如“居住证”“低保”' confirmType='search'
          onInput={(e) => setQ(e.detail.value)} onConfirm={() => void load({ q, category })} data-testid='item-search' />
        <Button className='bm-button bm-button--primary' onClick={() => void load({ q, category })} data-testid='item-search-go'>搜索</Button>
      </View>
      <CellGroup>
        <Cell title='我的预约' description='查看签到码、取消或改约' onClick={() => go('appointments')} testId='my-bookings' />
      </CellGroup>
      <View className='ap-chips'>
        {['', ...categories].map((c) => (
          <Button key={c || 'all'} className={`bm-button ap-chip${category === c ? ' ap-chip--on' : ''}`} onClick={() => pick(c)} data-testid={`item-cat-${c || 'all'}`}>{c || '全部'}</Button>
        ))}
      </View>
      {items.map((i) => (
        <View key={i.id} className='ap-card' hoverClass='ap-card--active' onClick={() => go('serviceDetail', { id: i.id })} data-testid='item'>
          <Text className='ap-title'>{i.name}</Text>
          {i.description && <Text className='ap-line services__desc'>{i.description}</Text>}
          <View className='ap-meta'>
            <Text>{i.category}</Text>
            <Text>{`承诺 ${i.timeLimitDays} 个工作日`}</Text>
            {i.fullyOnline ? <Text className='services__badge'>一趟不用跑</Text> : i.maxOneVisit ? <Text className='services__badge'>最多跑一趟</Text> : null}
            {i.bookable && <Text className='services__badge services__badge--book'>可预约</Text>}
          </View>
        </View>
      ))}
      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load({ q, category })} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title='没有找到相关事项' description='换个关键词试试，或拨打服务中心电话咨询。' />}
      {!loading && cursor && (
        <View className='services__more'><Button className='bm-button bm-button--block' onClick={() => void load({ q, category }, cursor)}>加载更多</Button></View>
      )}
      {groups.map((g) => (
        <CellGroup key={g.title} title={g.title}>
          {g.items.map((e) => (
            <Cell key={e.key} title={e.title} description={e.description} onClick={() => openEntry(e)} testId={`service-${e.key}`} />
          ))}
        </CellGroup>
      ))}
    </PageRoot>
  )
}
