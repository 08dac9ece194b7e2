import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dateOf, outcomeText, statusTone, type DisclosureSummary } from '@/utils/disclosure'
import '@/components/disclosure.scss'
import { go } from '@/kit/nav'


/** A request in my list: what I asked, where it stands, and the deadline or the outcome. */
function RequestCard ({ d, onClick }: { d: DisclosureSummary; onClick: () => void }) {
  const outcome = outcomeText(d)
  return (
    <View className='bm-card dsc-card' hoverClass='cell--active' onClick={onClick} data-testid='disclosure-item'>
      <View className='dsc-card__head'>
        <Text className='dsc-card__title'>{d.description}</Text>
        <Text className={`dsc-badge dsc-badge--${statusTone(d)}`}>{d.overdue ? '已超期' : d.statusLabel}</Text>
      </View>
      <Text className='dsc-card__meta'>{d.orgName} · 收到日期 {dateOf(d.receivedAt)}</Text>
      {outcome
        ? <Text className='dsc-card__outcome' data-testid='disclosure-outcome'>答复结果：{outcome}</Text>
        : (
          <Text className='dsc-card__meta' data-testid='disclosure-due'>
            {d.status === 'CORRECTION_REQUESTED' ? `请于 ${dateOf(d.dueAt)} 前补正` : `答复期限 ${dateOf(d.dueAt)}`}
          </Text>
          )}
    </View>
  )
}

export default function DisclosuresPage () {
  const [items, setItems] = useState<DisclosureSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [more, setMore] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async (after?: string) => {
    if (after) setMore(true); else setLoading(true)
    setError('')
    try {
      const page = await api('listMyDisclosures', { query: { limit: 20, cursor: after } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      setMore(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  useDidShow(() => { void load() })
  usePullDownRefresh(() => { void load() })

  return (
    <PageRoot className='disclosures'>
      <View className='bm-card dsc-intro'>
        <Text className='dsc-intro__title'>申请公开政府信息</Text>
        <Text className='dsc-intro__text'>
          依据《中华人民共和国政府信息公开条例》，您可以向街道、社区申请获取所需的政府信息。我们将在收到申请之日起 20 个工作日内答复，需要延长的会告知您。
        </Text>
        <Button className='bm-button bm-button--primary bm-button--block' onClick={() => go('disclosureApply')} data-testid='disclosure-apply'>
          我要申请
        </Button>
      </View>

      <Text className='dsc-section-title'>我的申请</Text>
      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title='还没有提交过申请' />}
      {items.map((d) => <RequestCard key={d.id} d={d} onClick={() => go('disclosureDetail', { id: d.id })} />)}
      {cursor && !loading && (
        <View className='dsc-more'>
          <Button className={`bm-button bm-button--block${more ? ' bm-button--disabled' : ''}`} disabled={more} onClick={() => void load(cursor)}>
            {more ? '正在加载…' : '加载更多'}
          </Button>
        </View>
      )}
    </PageRoot>
  )
}
