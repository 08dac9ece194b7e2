import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { z } from 'zod'
import type { messageView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import '../../appointments/parts/appointment.scss'
import './index.scss'

type Message = z.infer<typeof messageView>
const when = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

/** 消息: booking confirmations, reminders, replies … newest first; opening one marks it read and goes to its page. */
export default function MessagesPage () {
  const [items, setItems] = useState<Message[]>([])
  const [unread, setUnread] = useState(0)
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [barError, setBarError] = useState('')

  const load = useCallback(async (after?: string) => {
    setLoading(true)
    setError('')
    try {
      const page = await api('listMessages', { query: { cursor: after } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setUnread(page.unread)
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])
  useDidShow(() => { void load() })
  usePullDownRefresh(() => { void load() })

  const open = async (m: Message) => {
    if (!m.read) {
      setItems((prev) => prev.map((x) => (x.id === m.id ? { ...x, read: true } : x)))
      setUnread((n) => Math.max(0, n - 1))
      api('readMessage', { params: { id: m.id } }).catch(() => undefined)
    }
    if (m.page) void Taro.navigateTo({ url: m.page })
  }

  const readAll = async () => {
    setBarError('')
    try {
      await api('readAllMessages')
      setItems((prev) => prev.map((x) => ({ ...x, read: true })))
      setUnread(0)
    } catch (e) {
      setBarError(`没有标记成功：${errorMessage(e)}`)
    }
  }

  return (
    <PageRoot className='messages'>
      {unread > 0 && (
        <View className='messages__bar'>
          <Text data-testid='messages-unread'>{`${unread} 条未读`}</Text>
          <Button className='bm-button' onClick={() => void readAll()}>全部已读</Button>
        </View>
      )}
      {barError && <Text className='ap-field__error messages__error' data-testid='messages-error'>{barError}</Text>}
      {items.map((m) => (
        <View key={m.id} className={`ap-card messages__item${m.read ? '' : ' messages__item--unread'}`} hoverClass='ap-card--active' onClick={() => void open(m)} data-testid='message'>
          <View className='messages__head'>
            {!m.read && <View className='messages__dot' />}
            <Text className='messages__title'>{m.title}</Text>
            <Text className='messages__time'>{when(m.createdAt)}</Text>
          </View>
          <Text className='ap-line'>{m.body}</Text>
        </View>
      ))}
      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title='暂时没有消息' description='预约成功、办理提醒、咨询答复等消息都会显示在这里。' />}
      {!loading && cursor && <View className='ap-card'><Button className='bm-button bm-button--block' onClick={() => void load(cursor)}>加载更多</Button></View>}
    </PageRoot>
  )
}
