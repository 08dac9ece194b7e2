// The staff notice list used by the editor's list and the reviewer's queue: status tabs, more on scrolling down.
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { noticeStatusLabels, type NoticeStatus } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import { requireStaff } from '../shell/session'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dateTimeText, type StaffNoticeItem } from '@/pages/notices/parts/notice.format'
import '@/pages/notices/parts/notice.scss'
import { pageUrl } from '@/kit/nav'

export const staffNoticeUrl = (id: string) => pageUrl('staffNoticeDetail', { id })
export interface Tab { key: string; label: string; status?: NoticeStatus; mine?: boolean }

export function StaffNoticeList ({ tabs, empty, header }: { tabs: Tab[]; empty: string; header?: ReactNode }) {
  const [tab, setTab] = useState(0)
  const [items, setItems] = useState<StaffNoticeItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const busy = useRef(false)

  const load = useCallback(async (which: number, after?: string) => {
    if (!requireStaff()) return
    if (busy.current && after) return
    busy.current = true
    setLoading(true)
    setError('')
    try {
      const t = tabs[which]!
      const page = await staffApi('listStaffNotices', { query: { status: t.status, mine: t.mine ? 'true' : undefined, cursor: after, limit: 20 } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      busy.current = false
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [tabs])

  useDidShow(() => { void load(tab) })
  usePullDownRefresh(() => { void load(tab) })
  useReachBottom(() => { if (cursor && !loading) void load(tab, cursor) })
  const choose = (i: number) => { setTab(i); setItems([]); void load(i) }

  return (
    <PageRoot className='nt-page'>
      {header}
      <ScrollView className='nt-tabs' scrollX>
        {tabs.map((t, i) => (
          <View key={t.key} className={`nt-tabs__tab${i === tab ? ' nt-tabs__tab--on' : ''}`} onClick={() => choose(i)} data-testid={`staff-notice-tab-${t.key}`}>{t.label}</View>
        ))}
      </ScrollView>
      <View className='nt-list'>
        {items.map((n) => (
          <View key={n.id} className='nt-item' hoverClass='nt-item--active' onClick={() => void Taro.navigateTo({ url: staffNoticeUrl(n.id) })} data-testid='staff-notice-item'>
            <View className='nt-item__title'>
              <Text className={`nt-tag nt-tag--${n.status}`}>{noticeStatusLabels[n.status]}</Text>
              <Text>{` ${n.title}`}</Text>
            </View>
            <View className='nt-item__meta'>
              <Text className='nt-tag'>{n.category}</Text>
              <Text>{n.orgName}</Text>
              <Text>{`起草：${n.authorName}`}</Text>
              <Text>{`更新 ${dateTimeText(n.updatedAt)}`}</Text>
              {n.publishAt && n.status !== 'WITHDRAWN' && <Text>{`定时 ${dateTimeText(n.publishAt)}`}</Text>}
            </View>
            {n.status === 'REJECTED' && n.rejectReason && <Text className='nt-detail__warn'>{`退回原因：${n.rejectReason}`}</Text>}
          </View>
        ))}
      </View>
      {loading && items.length === 0 && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(tab)} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title={empty} />}
      {items.length > 0 && <Text className='nt-more'>{loading ? '正在加载…' : cursor ? '上拉加载更多' : '没有更多了'}</Text>}
    </PageRoot>
  )
}
