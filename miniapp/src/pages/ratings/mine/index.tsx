// 好差评 for the resident: services waiting for a rating (待评价) and my ratings with their rectification progress.
import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Contract, ResponseOf } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { aria } from '@/components/a11y'
import { Cell, CellGroup } from '@/components/cell'
import { Face } from '@/components/rating/faces'
import { formatDate, formatTime, rectStatusLabel } from '@/components/rating/format'
import '@/components/rating/rating.scss'
import './index.scss'
import { go } from '@/kit/nav'

type Pending = ResponseOf<Contract['listPendingRatings']>['items']
type Mine = ResponseOf<Contract['listMyRatings']>['items']

export default function MyRatingsPage () {
  const [pending, setPending] = useState<Pending>([])
  const [items, setItems] = useState<Mine>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [more, setMore] = useState(false)
  const [error, setError] = useState('')
  const [moreError, setMoreError] = useState('')

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const [p, m] = await Promise.all([api('listPendingRatings'), api('listMyRatings', { query: { limit: 20 } })])
      setPending(p.items)
      setItems(m.items)
      setCursor(m.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  const loadMore = async () => {
    if (!cursor) return
    setMore(true)
    setMoreError('')
    try {
      const m = await api('listMyRatings', { query: { limit: 20, cursor } })
      setItems((x) => [...x, ...m.items])
      setCursor(m.nextCursor)
    } catch (e) {
      setMoreError(`${errorMessage(e)}，请再点一次“加载更多”`)
    } finally {
      setMore(false)
    }
  }

  useDidShow(() => { void load() })
  usePullDownRefresh(() => { void load() })

  return (
    <PageRoot className='my-ratings'>
      {loading && !items.length && !pending.length && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {!error && (
        <>
          <CellGroup title={`待评价（${pending.length}）`}>
            {pending.length === 0 && !loading && <Cell title='暂无待评价的办件' description='事项办结后会出现在这里，可在评价期限内评价' />}
            {pending.map((p) => (
              <Cell key={`${p.subjectType}:${p.subjectId}`} title={p.title} testId={`pending-${p.subjectId}`}
                description={`${formatTime(p.doneAt)} 办结 · ${formatDate(p.rateBefore)} 前可评价`}
                extra={<Text className='rating-badge'>去评价</Text>}
                onClick={() => go('ratingRate', { subjectType: p.subjectType, subjectId: p.subjectId })} />
            ))}
          </CellGroup>

          <CellGroup title='我的评价'>
            {items.length === 0 && !loading && <Cell title='您还没有评价过办件' />}
            {items.map((r) => (
              <View key={r.id} className='my-ratings__item' hoverClass='my-ratings__item--active' data-testid={`my-rating-${r.id}`}
                {...aria('link', { 'aria-label': `${r.subject?.title ?? '办件'}，${r.levelLabel}${r.rectification ? `，整改${rectStatusLabel(r.rectification.status)}` : ''}` })}
                onClick={() => go('ratingDetail', { id: r.id })}>
                <Face level={r.level} size='small' />
                <View className='my-ratings__main'>
                  <Text className='my-ratings__title'>{r.subject?.title ?? '办件'}</Text>
                  <Text className='rating-muted'>{r.levelLabel} · {formatTime(r.createdAt)}</Text>
                </View>
                {r.rectification && (
                  <Text className={`rating-badge${r.rectification.status === 'CLOSED' ? ' rating-badge--ok' : r.rectification.overdue ? ' rating-badge--danger' : ''}`}>
                    整改{rectStatusLabel(r.rectification.status)}
                  </Text>
                )}
              </View>
            ))}
          </CellGroup>
          {cursor && (
            <View className='my-ratings__more'>
              {moreError && <Text className='rating-field-error' data-testid='more-error'>{moreError}</Text>}
              <Button className='bm-button bm-button--block' disabled={more} onClick={() => void loadMore()}>{more ? '正在加载…' : '加载更多'}</Button>
            </View>
          )}
          <CellGroup>
            <Cell title='评价公示' description='各服务中心的好评率、差评整改情况' onClick={() => go('ratingStats')} testId='open-rating-stats' />
          </CellGroup>
        </>
      )}
    </PageRoot>
  )
}
