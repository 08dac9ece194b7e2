import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { disclosureApplicantTypeLabels, disclosureChannelLabels } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import { requireStaff } from '../../shell/session'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dateOf, outcomeText, statusTone, type DisclosureSummary } from '@/utils/disclosure'
import '@/components/disclosure.scss'
import { go } from '@/kit/nav'

const tabs = [
  { key: 'open', title: '办理中', query: { status: 'OPEN' as const } },
  { key: 'overdue', title: '已超期', query: { overdue: 'true' } },
  { key: 'replied', title: '已答复', query: { status: 'REPLIED' as const } },
  { key: 'closed', title: '已办结', query: { status: 'CLOSED' as const } },
]

export default function StaffDisclosureListPage () {
  const [tab, setTab] = useState(0)
  const [items, setItems] = useState<DisclosureSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async (which: number, after?: string) => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      const page = await staffApi('listStaffDisclosures', { query: { ...tabs[which]!.query, limit: 20, cursor: after } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => { void load(tab) })
  const choose = (i: number) => { setTab(i); setItems([]); void load(i) }

  return (
    <PageRoot className='staff-disclosures'>
      <View className='dsc-tabs'>
        {tabs.map((t, i) => (
          <View key={t.key} className={`dsc-tabs__tab${i === tab ? ' dsc-tabs__tab--on' : ''}`} onClick={() => choose(i)} data-testid={`tab-${t.key}`}>{t.title}</View>
        ))}
      </View>
      {loading && items.length === 0 && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(tab)} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title='没有需要办理的申请' />}
      {items.map((d) => (
        <View key={d.id} className='bm-card dsc-card' hoverClass='cell--active' onClick={() => void go('staffDisclosureDetail', { id: d.id })} data-testid='staff-disclosure-item'>
          <View className='dsc-card__head'>
            <Text className='dsc-card__title'>{d.description}</Text>
            <Text className={`dsc-badge dsc-badge--${statusTone(d)}`} data-testid='staff-disclosure-badge'>{d.overdue ? '已超期' : d.statusLabel}</Text>
          </View>
          <Text className='dsc-card__meta'>
            {d.applicantName ?? d.contactName} · {disclosureApplicantTypeLabels[d.applicantType]} · {disclosureChannelLabels[d.channel]}
          </Text>
          <Text className='dsc-card__meta'>{d.orgName} · 收到 {dateOf(d.receivedAt)}</Text>
          {outcomeText(d)
            ? <Text className='dsc-card__outcome'>{outcomeText(d)}</Text>
            : <Text className='dsc-card__meta'>{d.status === 'CORRECTION_REQUESTED' ? '补正期限' : '答复期限'} {dateOf(d.dueAt)}</Text>}
        </View>
      ))}
      {cursor && (
        <View className='dsc-more'>
          <Button className={`bm-button bm-button--block${loading ? ' bm-button--disabled' : ''}`} disabled={loading} onClick={() => void load(tab, cursor)}>加载更多</Button>
        </View>
      )}
    </PageRoot>
  )
}
