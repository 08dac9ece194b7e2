import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { z } from 'zod'
import type { ConsultationKind, staffConsultationSummary } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dueText, kindLabel, statusLabel, timeText } from '@/pages/consultations/parts/consultation.format'
import { StatusTag } from '@/pages/consultations/parts/consultation-thread'
import '@/pages/consultations/parts/consultation.scss'
import { go } from '@/kit/nav'

type Item = z.infer<typeof staffConsultationSummary>
type Counts = { awaitingReply: number; dueSoon: number; overdue: number; unassigned: number; mine: number }
type Query = { awaiting?: 'true'; overdue?: 'true'; dueSoon?: 'true'; mine?: 'true'; status?: 'SUBMITTED' | 'REPLIED' | 'CLOSED' }

const tabs: { key: string; label: string; query: Query; count?: keyof Counts }[] = [
  { key: 'awaiting', label: '待答复', query: { awaiting: 'true' }, count: 'awaitingReply' },
  { key: 'overdue', label: '已超期', query: { overdue: 'true' }, count: 'overdue' },
  { key: 'dueSoon', label: '即将到期', query: { dueSoon: 'true' }, count: 'dueSoon' },
  { key: 'unassigned', label: '待分派', query: { status: 'SUBMITTED' }, count: 'unassigned' },
  { key: 'mine', label: '我的', query: { mine: 'true', awaiting: 'true' }, count: 'mine' },
  { key: 'replied', label: '已答复', query: { status: 'REPLIED' } },
  { key: 'closed', label: '已办结', query: { status: 'CLOSED' } },
]
const kinds: (ConsultationKind | '')[] = ['', 'CONSULT', 'COMPLAINT', 'SUGGESTION']

/** The handler's inbox: open cases by deadline with overdue badges, filters and counters. */
export default function StaffConsultationInbox () {
  const [tab, setTab] = useState('awaiting')
  const [kind, setKind] = useState<ConsultationKind | ''>('')
  const [items, setItems] = useState<Item[]>([])
  const [counts, setCounts] = useState<Counts | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async (tabKey: string, k: ConsultationKind | '', after?: string) => {
    setLoading(true)
    setError('')
    try {
      const query = { ...tabs.find((t) => t.key === tabKey)!.query, kind: k || undefined, cursor: after }
      const [page, summary] = await Promise.all([staffApi('listStaffConsultations', { query }), after ? Promise.resolve(null) : staffApi('staffConsultationSummary')])
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
      if (summary) setCounts(summary)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  useDidShow(() => { void load(tab, kind) })
  usePullDownRefresh(() => { void load(tab, kind) })

  return (
    <PageRoot className='cs-inbox'>
      <View className='cs-actions cs-tabs'>
        {tabs.map((t) => {
          const n = t.count && counts ? counts[t.count] : 0
          return (
            <Button key={t.key} className={`bm-button cs-chip${tab === t.key ? ' cs-chip--on' : ''}`} onClick={() => { setTab(t.key); void load(t.key, kind) }} data-testid={`cs-tab-${t.key}`}>
              {n ? `${t.label} ${n}` : t.label}
            </Button>
          )
        })}
      </View>
      <View className='cs-actions cs-tabs'>
        {kinds.map((k) => (
          <Button key={k || 'all'} className={`bm-button cs-chip${kind === k ? ' cs-chip--on' : ''}`} onClick={() => { setKind(k); void load(tab, k) }}>{k ? kindLabel(k) : '全部类型'}</Button>
        ))}
      </View>

      {items.map((c) => {
        const due = dueText(c)
        return (
          <View key={c.id} className='cs-item' hoverClass='cs-item--active' onClick={() => void go('staffConsultationDetail', { id: c.id })} data-testid='cs-inbox-item'>
            <View className='cs-meta'>
              {c.overdue && <Text className='cs-tag cs-tag--late' data-testid='cs-overdue'>已超期</Text>}
              {!c.overdue && due?.tone === 'soon' && <Text className='cs-tag cs-tag--soon'>即将到期</Text>}
              <StatusTag status={c.status} label={statusLabel(c.status)} />
              <Text className='cs-tag cs-tag--kind'>{kindLabel(c.kind)}</Text>
            </View>
            <Text className='cs-title'>{c.title}</Text>
            <View className='cs-meta'>
              <Text>{c.orgName}</Text>
              <Text>{`收到 ${timeText(c.createdAt)}`}</Text>
              <Text>{c.assignee ? `办理人：${c.assignee.name}` : '未分派'}</Text>
            </View>
            {due && <Text className={`cs-due cs-due--${due.tone}`}>{due.text}</Text>}
            {c.repliedOnTime === false && <Text className='cs-due cs-due--late'>超期答复</Text>}
          </View>
        )
      })}

      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(tab, kind)} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title='没有符合条件的留言' />}
      {!loading && cursor && (
        <View className='cs-more'>
          <Button className='bm-button bm-button--block' onClick={() => void load(tab, kind, cursor)}>加载更多</Button>
        </View>
      )}
    </PageRoot>
  )
}
