import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { api, errorMessage } from '@/api/client'
import { aria } from '@/components/a11y'
import { NoticeListItem } from './notice-item'
import type { NoticeItem } from './notice.format'
import './notice.scss'
import { go } from '@/kit/nav'

/** 首页 section: pinned notices first, then the latest (the list's own order), with a link to 政务公开. */
export function HomeNotices ({ limit = 5 }: { limit?: number }) {
  const [items, setItems] = useState<NoticeItem[] | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      setItems((await api('listNotices', { query: { limit } })).items)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [limit])

  useEffect(() => { void load() }, [load])

  return (
    <View className='nt-home' data-testid='home-notices'>
      <View className='nt-home__head'>
        <Text className='nt-home__title'>政务公开</Text>
        <Text className='nt-home__more' onClick={() => go('notices')} data-testid='home-notices-more' {...aria('link', { 'aria-label': '查看更多政务公开信息' })}>更多 ›</Text>
      </View>
      <View className='nt-list'>
        {/* Compact states of its own: the page's PageState stays the only one on 首页. */}
        {items === null && !error && <Text className='nt-more' data-testid='home-notices-loading'>正在加载…</Text>}
        {error && <Text className='nt-more' onClick={() => void load()} data-testid='home-notices-error' {...aria('button')}>{`${error}，点此重试`}</Text>}
        {items && items.length === 0 && <Text className='nt-more'>暂无公开信息</Text>}
        {items?.map((n) => <NoticeListItem key={n.id} item={n} />)}
      </View>
    </View>
  )
}
