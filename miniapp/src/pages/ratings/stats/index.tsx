// 评价公示: public 好差评 figures per service hall (or all), for a period, with the per-window breakdown.
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Contract, ResponseOf } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { go } from '@/kit'
import { PageState } from '@/components/page-state'
import { aria } from '@/components/a11y'
import { percent } from '@/components/rating/format'
import '@/components/rating/rating.scss'
import './index.scss'

type Stats = ResponseOf<Contract['getRatingStats']>
type Hall = ResponseOf<Contract['listHalls']>['items'][number]
type Row = ResponseOf<Contract['getRatingBreakdown']>['items'][number]

const periods = [
  { key: '30', label: '近 30 天', days: 30 },
  { key: '365', label: '近一年', days: 365 },
  { key: 'all', label: '全部', days: 0 },
] as const

/** YYYY-MM-DD in Asia/Shanghai, `days` ago. */
const shanghaiDaysAgo = (days: number) => new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10)

export default function RatingStatsPage () {
  const [halls, setHalls] = useState<Hall[]>([])
  const router = useRouter()
  const [hallId, setHallId] = useState(router.params.hallId ?? '')
  const [period, setPeriod] = useState<(typeof periods)[number]['key']>('365')
  const [stats, setStats] = useState<Stats | null>(null)
  const [rows, setRows] = useState<Row[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const days = periods.find((p) => p.key === period)!.days
      const range = days ? { from: shanghaiDaysAgo(days) } : {}
      const [h, s, b] = await Promise.all([
        halls.length ? Promise.resolve({ items: halls }) : api('listHalls'),
        api('getRatingStats', { query: { ...range, ...(hallId ? { hallId } : {}) } }),
        api('getRatingBreakdown', { query: { ...range, ...(hallId ? { by: 'window' as const, hallId } : { by: 'hall' as const }) } }),
      ])
      setHalls(h.items)
      setStats(s)
      setRows(b.items)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [hallId, period, halls])

  useEffect(() => { void load() }, [hallId, period]) // eslint-disable-line react-hooks/exhaustive-deps

  const maxLevel = Math.max(1, ...(stats?.byLevel.map((l) => l.count) ?? [1]))
  return (
    <PageRoot className='rating-stats'>
      <View className='bm-card' onClick={() => go('ratingReport', hallId ? { hallId } : {})} data-testid='open-rating-report' {...aria('link')}>
        <Text className='rating-section-title'>好差评月报、季报 ›</Text>
      </View>
      <View className='bm-card'>
        <View className='rating-stats__chips'>
          <Text className={`rating-chip${hallId === '' ? ' rating-chip--on' : ''}`} onClick={() => setHallId('')} data-testid='hall-all' {...aria('radio', { 'aria-checked': hallId === '' })}>全部</Text>
          {halls.map((h) => (
            <Text key={h.id} className={`rating-chip${hallId === h.id ? ' rating-chip--on' : ''}`} onClick={() => setHallId(h.id)} data-testid={`hall-${h.id}`} {...aria('radio', { 'aria-checked': hallId === h.id })}>{h.name}</Text>
          ))}
        </View>
        <View className='rating-stats__chips'>
          {periods.map((p) => (
            <Text key={p.key} className={`rating-chip${period === p.key ? ' rating-chip--on' : ''}`} onClick={() => setPeriod(p.key)} {...aria('radio', { 'aria-checked': period === p.key })}>{p.label}</Text>
          ))}
        </View>
      </View>

      {loading && !stats && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {stats && !error && (
        <>
          <View className='bm-card rating-stats__grid' data-testid='rating-stats'>
            <Figure label='评价数' value={String(stats.rated)} testId='stat-rated' />
            <Figure label='好评率' value={percent(stats.goodRate)} testId='stat-good-rate' />
            <Figure label='差评数' value={String(stats.bad)} testId='stat-bad' />
            <Figure label='整改率' value={percent(stats.rectification.rate)} testId='stat-rect-rate' />
            <Figure label='按期整改率' value={percent(stats.rectification.onTimeRate)} testId='stat-ontime' />
            <Figure label='未评价率' value={percent(stats.services.unratedRate)} testId='stat-unrated' />
          </View>

          <View className='bm-card'>
            <Text className='rating-section-title'>各等级评价</Text>
            {stats.byLevel.map((l) => (
              <View key={l.level} className='rating-stats__bar-row'>
                <Text className='rating-stats__bar-label'>{l.label}</Text>
                <View className='rating-stats__bar'><View className={`rating-stats__bar-fill rating-stats__bar-fill--${l.level}`} style={{ width: `${(l.count / maxLevel) * 100}%` }} /></View>
                <Text className='rating-stats__bar-count'>{l.count}</Text>
              </View>
            ))}
            <Text className='rating-muted rating-stats__note'>
              办结 {stats.services.done} 件，已评价 {stats.services.rated} 件；整改办结后群众满意 {stats.rectification.satisfied} 件、不满意 {stats.rectification.unsatisfied} 件。
              {stats.excluded > 0 ? `经申诉复核不计入统计的评价 ${stats.excluded} 条。` : ''}
            </Text>
          </View>

          <View className='bm-card'>
            <Text className='rating-section-title'>{hallId ? '各窗口' : '各服务中心'}</Text>
            {rows.length === 0 && <Text className='rating-muted'>暂无评价</Text>}
            {rows.map((r) => (
              <View key={r.key} className='rating-stats__row'>
                <Text className='rating-stats__row-name'>{r.name}</Text>
                <Text className='rating-stats__row-figure'>{r.rated} 条</Text>
                <Text className='rating-stats__row-figure'>好评率 {percent(r.goodRate)}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </PageRoot>
  )
}

function Figure ({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <View className='rating-stats__figure'>
      <Text className='rating-stats__value' data-testid={testId}>{value}</Text>
      <Text className='rating-muted'>{label}</Text>
    </View>
  )
}
