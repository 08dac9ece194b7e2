import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { noticeCategories, type NoticeCategory } from '@bianmin/shared'
import { api } from '@/api/client'
import { PageRoot, PagedFooter, SearchBar, aria, usePagedList } from '@/kit'
import { NoticeListItem } from '../parts/notice-item'
import '../parts/notice.scss'

const tabs: { key: string; label: string; category?: NoticeCategory }[] = [
  { key: 'all', label: '全部' }, ...noticeCategories.map((c) => ({ key: c, label: c, category: c })),
]

/** 政务公开: category tabs, keyword search, pull to refresh, more on scrolling to the bottom. */
export default function NoticeListPage () {
  const router = useRouter()
  const [input, setInput] = useState('')
  const [filter, setFilter] = useState<{ tab: string; q: string } | null>(null)
  const list = usePagedList((cursor) => api('listNotices', {
    query: { category: tabs.find((t) => t.key === filter?.tab)?.category, q: filter?.q || undefined, cursor, limit: 20 },
  }), [filter], { on: 'mount', enabled: filter !== null })
  useLoad(() => {
    setFilter({ tab: tabs.find((t) => t.key === decodeURIComponent(router.params.category ?? ''))?.key ?? 'all', q: '' })
  })
  const tab = filter?.tab ?? 'all'
  const q = filter?.q ?? ''

  return (
    <PageRoot className='nt-page'>
      <SearchBar className='nt-search' label='搜索政务公开' value={input} onChange={setInput} onSearch={() => setFilter({ tab, q: input.trim() })}
        placeholder='搜索标题或正文，如“医保”' maxlength={50} testId='notice-search' buttonTestId='notice-search-submit' />
      <ScrollView className='nt-tabs' scrollX {...aria('tablist', { 'aria-label': '栏目' })}>
        {tabs.map((t) => (
          <View key={t.key} className={`nt-tabs__tab${tab === t.key ? ' nt-tabs__tab--on' : ''}`} onClick={() => setFilter({ tab: t.key, q })} data-testid={`notice-tab-${t.key}`} {...aria('tab', { 'aria-selected': tab === t.key })}>{t.label}</View>
        ))}
      </ScrollView>
      {q && <Text className='nt-more'>{`“${q}”的搜索结果`}</Text>}

      <View className='nt-list'>
        {list.items.map((n) => <NoticeListItem key={n.id} item={n} />)}
      </View>
      <PagedFooter list={list} empty={{ title: q ? '没有找到相关信息' : '该栏目暂无信息', description: q ? '换个关键词试试，或切换到“全部”栏目' : undefined }} />
    </PageRoot>
  )
}
