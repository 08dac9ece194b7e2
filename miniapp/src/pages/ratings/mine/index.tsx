// 好差评 for the resident: services waiting for a rating (待评价) and my ratings with their rectification progress.
import { Text, View } from '@tarojs/components'
import type { Contract, ResponseOf } from '@bianmin/shared'
import { api } from '@/api/client'
import { List as CellGroup, ListItem as Cell, PageRoot, PageState, PagedFooter, aria, go, usePagedList, useResource } from '@/kit'
import { Face } from '@/components/rating/faces'
import { doneWord, formatDate, formatTime, rectStatusLabel } from '@/components/rating/format'
import '@/components/rating/rating.scss'
import './index.scss'

type Pending = ResponseOf<Contract['listPendingRatings']>['items']
type Mine = ResponseOf<Contract['listMyRatings']>['items']

export default function MyRatingsPage () {
  const pendingR = useResource(() => api('listPendingRatings'), [])
  const list = usePagedList((cursor) => api('listMyRatings', { query: { limit: 20, cursor } }), [])
  const pending: Pending = pendingR.data?.items ?? []
  const loading = list.loading || pendingR.loading
  const error = list.error || pendingR.error
  const retry = () => { void list.refresh(); void pendingR.reload() }
  const items: Mine = list.items

  return (
    <PageRoot className='my-ratings'>
      {loading && !items.length && !pending.length && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={retry} />}
      {!error && (
        <>
          <CellGroup title={`待评价（${pending.length}）`}>
            {pending.length === 0 && !loading && <Cell title='暂无待评价的办件' description='事项办结、咨询答复后会出现在这里，可在评价期限内评价' />}
            {pending.map((p) => (
              <Cell key={`${p.subjectType}:${p.subjectId}`} title={p.title} testId={`pending-${p.subjectId}`}
                description={`${formatTime(p.doneAt)} ${doneWord(p.subjectType)} · ${formatDate(p.rateBefore)} 前可评价`}
                extra={<Text className='rating-badge'>去评价</Text>}
                onClick={() => go('ratingRate', { subjectType: p.subjectType, subjectId: p.subjectId })} />
            ))}
          </CellGroup>

          <CellGroup title='我的评价'>
            {items.length === 0 && !loading && <Cell title='您还没有评价过办件' />}
            {items.map((r) => (
              <View key={r.id} className='my-ratings__item' hoverClass='my-ratings__item--active' data-testid={`my-rating-${r.id}`}
                {...aria('link')}
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
          {items.length > 0 && <PagedFooter list={list} endText={null} />}
          <CellGroup>
            <Cell title='评价公示' description='各服务中心的好评率、差评整改情况' onClick={() => go('ratingStats')} testId='open-rating-stats' />
          </CellGroup>
        </>
      )}
    </PageRoot>
  )
}
