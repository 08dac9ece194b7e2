import { Text, View } from '@tarojs/components'
import { api } from '@/api/client'
import { aria } from '@/components/a11y'
import { useResource } from '@/kit/hooks/use-resource'
import { NoticeListItem } from './notice-item'
import type { NoticeItem } from './notice.format'
import './notice.scss'
import { go } from '@/kit/nav'

/**
 * 首页 section: pinned notices first, then the latest (the list's own order), with a link to 政务公开. Read again
 * whenever 首页 shows, so a notice published meanwhile is there on coming back (the list's ETag makes that cheap).
 */
export function HomeNotices ({ limit = 5 }: { limit?: number }) {
  const r = useResource(() => api('listNotices', { query: { limit } }), [limit])
  const items: NoticeItem[] | null = r.data?.items ?? null
  const error = r.data ? '' : r.error
  const load = r.reload

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
