// 差评整改 inbox (本机构及下级): most urgent first, overdue cases flagged, filters by state.
import { useCallback, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { ratingLevelLabels, type Contract, type RequestOf, type ResponseOf } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { formatDate, rectStatusLabel } from '@/components/rating/format'
import { requireStaff, staffError } from '../../shell/session'
import '@/components/rating/rating.scss'
import './index.scss'
import { go } from '@/kit/nav'

type List = ResponseOf<Contract['listRectifications']>
type Query = NonNullable<RequestOf<Contract['listRectifications']>['query']>

const filters: { key: string; label: string; query: Query }[] = [
  { key: 'all', label: '全部', query: {} },
  { key: 'overdue', label: '已超期', query: { overdue: 'true' } },
  { key: 'open', label: '待核实', query: { status: 'OPEN' } },
  { key: 'revisit', label: '待回访', query: { status: 'RECTIFIED' } },
  { key: 'closed', label: '已办结', query: { status: 'CLOSED' } },
]

const queryOf = (key: string): Query => filters.find((f) => f.key === key)!.query

export default function RectificationsPage () {
  const [filter, setFilter] = useState('all')
  const current = useRef('all')
  const [data, setData] = useState<List | null>(null)
  const [loading, setLoading] = useState(true)
  const [more, setMore] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      setData(await staffApi('listRectifications', { query: { ...queryOf(current.current), limit: 20 } }))
    } catch (e) {
      const m = staffError(e)
      if (m) setError(m)
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => { void load() })
  const choose = (key: string) => { current.current = key; setFilter(key); setData(null); void load() }

  const loadMore = async () => {
    if (!data?.nextCursor) return
    setMore(true)
    try {
      const next = await staffApi('listRectifications', { query: { ...queryOf(filter), limit: 20, cursor: data.nextCursor } })
      setData({ ...next, items: [...data.items, ...next.items] })
    } catch (e) {
      const m = staffError(e)
      if (m) void Taro.showToast({ title: m, icon: 'none' })
    } finally {
      setMore(false)
    }
  }

  return (
    <PageRoot className='rects'>
      {data && (
        <View className='rects__summary'>
          <Text>办理中 <Text className='rects__count' data-testid='open-count'>{data.openCount}</Text> 件</Text>
          <Text>已超期 <Text className='rects__count rects__count--danger' data-testid='overdue-count'>{data.overdueCount}</Text> 件</Text>
        </View>
      )}
      <View className='rects__filters'>
        {filters.map((f) => (
          <Text key={f.key} className={`rating-chip${filter === f.key ? ' rating-chip--on' : ''}`} onClick={() => choose(f.key)} data-testid={`filter-${f.key}`}>{f.label}</Text>
        ))}
      </View>
      {loading && !data && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {!error && data && data.items.length === 0 && <PageState status='empty' title='没有符合条件的整改事项' />}
      {!error && data?.items.map((r) => (
        <View key={r.id} className='bm-card rects__item' hoverClass='rects__item--active' data-testid={`rect-${r.id}`}
          onClick={() => void go('staffRectificationDetail', { id: r.id })}>
          <View className='rects__head'>
            <Text className='rects__title'>{r.subjectTitle || '办件'}</Text>
            <Text className={`rating-badge${r.status === 'CLOSED' ? ' rating-badge--ok' : ''}`}>{rectStatusLabel(r.status)}</Text>
          </View>
          <Text className='rating-muted'>{ratingLevelLabels[r.level]} · {r.tags.join('、') || '有书面理由'} · {r.orgName}</Text>
          <View className='rects__due'>
            <Text className='rating-muted'>{r.status === 'CLOSED' ? `已办结` : `${formatDate(r.dueAt)} 前办结`}</Text>
            {r.overdue && <Text className='rating-badge rating-badge--danger' data-testid='overdue-badge'>已超期</Text>}
            {r.appealStatus === 'PENDING' && <Text className='rating-badge rating-badge--muted'>申诉中</Text>}
            {r.excluded && <Text className='rating-badge rating-badge--muted'>不计入统计</Text>}
          </View>
        </View>
      ))}
      {data?.nextCursor && (
        <View className='rects__more'>
          <Button className='bm-button bm-button--block' disabled={more} onClick={() => void loadMore()}>{more ? '正在加载…' : '加载更多'}</Button>
        </View>
      )}
    </PageRoot>
  )
}
