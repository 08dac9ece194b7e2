import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { z } from 'zod'
import type { ConsultationStatus, consultationSummary } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dueText, kindLabel, statusLabel, timeText } from '../parts/consultation.format'
import { StatusTag } from '../parts/consultation-thread'
import '../parts/consultation.scss'
import { go } from '@/kit/nav'

type Item = z.infer<typeof consultationSummary>
const tabs: { key: string; label: string; status?: ConsultationStatus }[] = [
  { key: 'all', label: '全部' }, { key: 'SUBMITTED', label: '待受理', status: 'SUBMITTED' }, { key: 'ASSIGNED', label: '办理中', status: 'ASSIGNED' },
  { key: 'REPLIED', label: '已答复', status: 'REPLIED' }, { key: 'CLOSED', label: '已办结', status: 'CLOSED' },
]

/** 我的咨询: the resident's cases with status and the countdown to the reply deadline. */
export default function MyConsultationsPage () {
  const [tab, setTab] = useState('all')
  const [items, setItems] = useState<Item[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async (key: string, after?: string) => {
    setLoading(true)
    setError('')
    try {
      const status = tabs.find((t) => t.key === key)?.status
      const page = await api('listMyConsultations', { query: { status, cursor: after } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  useDidShow(() => { void load(tab) })
  usePullDownRefresh(() => { void load(tab) })

  return (
    <PageRoot className='cs-mine'>
      <View className='cs-actions'>
        <Button className='bm-button bm-button--primary' onClick={() => go('consultationNew')} data-testid='cs-new'>我要留言</Button>
        <Button className='bm-button' onClick={() => go('consultationsPublic')} data-testid='cs-public'>公开答复</Button>
      </View>
      <View className='cs-actions cs-tabs cs-tabs--5'>
        {tabs.map((t) => (
          <Button key={t.key} className={`bm-button cs-chip${tab === t.key ? ' cs-chip--on' : ''}`} onClick={() => { setTab(t.key); void load(t.key) }}>{t.label}</Button>
        ))}
      </View>

      {items.map((c) => {
        const due = dueText(c)
        return (
          <View key={c.id} className='cs-item' hoverClass='cs-item--active' onClick={() => go('consultationDetail', { id: c.id })} data-testid='cs-item'>
            <View className='cs-meta'>
              <StatusTag status={c.status} label={statusLabel(c.status)} />
              <Text className='cs-tag cs-tag--kind'>{kindLabel(c.kind)}</Text>
              <Text>{timeText(c.createdAt)}</Text>
            </View>
            <Text className='cs-title'>{c.title}</Text>
            <View className='cs-meta'>
              <Text>{c.orgName}</Text>
              {c.messageCount > 0 && <Text>{`${c.messageCount} 条回复`}</Text>}
            </View>
            {due && <Text className={`cs-due cs-due--${due.tone}`}>{due.text}</Text>}
          </View>
        )
      })}

      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(tab)} />}
      {!loading && !error && items.length === 0 && (
        <PageState status='empty' title='还没有留言' description='有问题想咨询、要投诉或有建议，点“我要留言”。咨询 3 个工作日内答复，投诉 5 个，建议 10 个。' />
      )}
      {!loading && cursor && (
        <View className='cs-more'>
          <Button className='bm-button bm-button--block' onClick={() => void load(tab, cursor)}>加载更多</Button>
        </View>
      )}
    </PageRoot>
  )
}
