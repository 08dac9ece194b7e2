import { useCallback, useRef, useState } from 'react'
import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useLoad, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { noticeCategories, type NoticeCategory } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { aria, labelled } from '@/components/a11y'
import { PageState } from '@/components/page-state'
import { NoticeListItem } from '../parts/notice-item'
import type { NoticeItem } from '../parts/notice.format'
import '../parts/notice.scss'

const tabs: { key: string; label: string; category?: NoticeCategory }[] = [
  { key: 'all', label: '全部' }, ...noticeCategories.map((c) => ({ key: c, label: c, category: c })),
]

/** 政务公开: category tabs, keyword search, pull to refresh, more on scrolling to the bottom. */
export default function NoticeListPage () {
  const router = useRouter()
  const [tab, setTab] = useState('all')
  const [input, setInput] = useState('')
  const [q, setQ] = useState('')
  const [items, setItems] = useState<NoticeItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const busy = useRef(false)

  const load = useCallback(async (key: string, keyword: string, after?: string) => {
    if (busy.current && after) return
    busy.current = true
    setLoading(true)
    setError('')
    try {
      const category = tabs.find((t) => t.key === key)?.category
      const page = await api('listNotices', { query: { category, q: keyword || undefined, cursor: after, limit: 20 } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      busy.current = false
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  useLoad(() => {
    const start = tabs.find((t) => t.key === decodeURIComponent(router.params.category ?? ''))?.key ?? 'all'
    setTab(start)
    void load(start, '')
  })
  usePullDownRefresh(() => { void load(tab, q) })
  useReachBottom(() => { if (cursor && !loading) void load(tab, q, cursor) })

  const choose = (key: string) => { setTab(key); setItems([]); void load(key, q) }
  const search = () => { const k = input.trim(); setQ(k); setItems([]); void load(tab, k) }

  return (
    <PageRoot className='nt-page'>
      <View className='nt-search'>
        <Input className='nt-search__input' {...labelled('搜索政务公开')} value={input} placeholder='搜索标题或正文，如“医保”' maxlength={50} confirmType='search'
          onInput={(e) => setInput(e.detail.value)} onConfirm={search} data-testid='notice-search' />
        <Button className='bm-button bm-button--primary' onClick={search} data-testid='notice-search-submit'>搜索</Button>
      </View>
      <ScrollView className='nt-tabs' scrollX {...aria('tablist', { 'aria-label': '栏目' })}>
        {tabs.map((t) => (
          <View key={t.key} className={`nt-tabs__tab${tab === t.key ? ' nt-tabs__tab--on' : ''}`} onClick={() => choose(t.key)} data-testid={`notice-tab-${t.key}`} {...aria('tab', { 'aria-selected': tab === t.key })}>{t.label}</View>
        ))}
      </ScrollView>
      {q && <Text className='nt-more'>{`“${q}”的搜索结果`}</Text>}

      <View className='nt-list'>
        {items.map((n) => <NoticeListItem key={n.id} item={n} />)}
      </View>
      {loading && items.length === 0 && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(tab, q, items.length ? cursor ?? undefined : undefined)} />}
      {!loading && !error && items.length === 0 && (
        <PageState status='empty' title={q ? '没有找到相关信息' : '该栏目暂无信息'} description={q ? '换个关键词试试，或切换到“全部”栏目' : undefined} />
      )}
      {items.length > 0 && <Text className='nt-more'>{loading ? '正在加载…' : cursor ? '上拉加载更多' : '没有更多了'}</Text>}
    </PageRoot>
  )
}
