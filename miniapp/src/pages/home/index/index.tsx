import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { api, errorMessage } from '@/api/client'
import { EntryGrid } from '@/components/entry-grid'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { homeEntries } from '@/features'
import { HomeNotices } from '@/pages/notices/parts/home-notices'
import { prefs } from '@/store/prefs'
import { findStreet } from '@/utils/org'
import './index.scss'
import { useUnreadBadge } from '@/pages/messages/parts/unread'

export default function HomePage () {
  useUnreadBadge()
  const [name, setName] = useState<string | null>(null)
  const [street, setStreet] = useState('')
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [round, setRound] = useState(0)

  const loadMe = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const me = await api('getMe')
      if (me.type === 'resident') {
        setName(me.resident.nickname || '居民')
        prefs.adoptElderMode(me.resident.elderMode)
      } else {
        setName(me.staff.name)
      }
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  const loadStreet = useCallback(async () => {
    try {
      const { items } = await api('listOrgs')
      setStreet(findStreet(items)?.name ?? '')
    } catch {
      // The street name is decoration; the greeting card reports connection problems.
    }
  }, [])

  useLoad(() => {
    void loadMe()
    void loadStreet()
  })
  // Pull down: greeting, street and the notices section (remounted) again.
  usePullDownRefresh(() => {
    void loadMe()
    void loadStreet()
    setRound((r) => r + 1)
  })

  return (
    <PageRoot className='home'>
      <View className='home__header'>
        <Text className='home__app-name'>便民服务</Text>
        {street && <Text className='home__street' data-testid='home-street'>{street}</Text>}
      </View>

      <View className='bm-card home__welcome'>
        {loading && <PageState status='loading' title='正在登录，请稍候…' />}
        {!loading && error && <PageState status='error' title={error} description='请点“重试”再试一次' onRetry={() => void loadMe()} />}
        {!loading && !error && name !== null && (
          <View className='home-greeting' data-testid='home-greeting'>
            <Text className='home-greeting__hello'>{`您好，${name}`}</Text>
            <Text className='home-greeting__tip'>请选择您要办理的事情</Text>
          </View>
        )}
      </View>

      <View className='home__section'>
        <Text className='home__section-title'>常用服务</Text>
        <EntryGrid items={homeEntries} />
      </View>

      <View className='home__section'>
        <HomeNotices key={round} />
      </View>
    </PageRoot>
  )
}
