import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { messageView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { Action, FormError, PageRoot, PagedFooter, openLink, usePagedList } from '@/kit'
import { showUnread } from '../parts/unread'
import '../../appointments/parts/appointment.scss'
import './index.scss'

type Message = z.infer<typeof messageView>
const when = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

/** 消息: booking confirmations, reminders, replies … newest first; opening one marks it read and goes to its page; the tab's badge shows the unread count. */
export default function MessagesPage () {
  const list = usePagedList((cursor) => api('listMessages', { query: { cursor } }), [])
  const [unread, setUnread] = useState(0)
  const [barError, setBarError] = useState('')
  useEffect(() => { if (list.last && !list.loadingMore) setUnread(list.last.unread) }, [list.last])
  // The 消息 tab's badge follows what the page shows (after a load, a read, 全部已读).
  useEffect(() => { if (list.last) showUnread(unread) }, [unread, list.last])
  const markRead = (all: boolean, id?: string) => list.setItems((prev) => prev.map((x) => (all || x.id === id ? { ...x, read: true } : x)))

  const open = (m: Message) => {
    if (!m.read) {
      markRead(false, m.id)
      setUnread((n) => Math.max(0, n - 1))
      api('readMessage', { params: { id: m.id } }).catch(() => undefined)
    }
    openLink(m.page)
  }

  const readAll = async () => {
    setBarError('')
    try {
      await api('readAllMessages')
      markRead(true)
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
          <Action onClick={() => void readAll()}>全部已读</Action>
        </View>
      )}
      <View className='messages__error'><FormError error={barError} testId='messages-error' /></View>
      {list.items.map((m) => (
        <View key={m.id} className={`bm-card messages__item${m.read ? '' : ' messages__item--unread'}`} hoverClass='bm-card--active' onClick={() => open(m)} data-testid='message'>
          <View className='messages__head'>
            {!m.read && <View className='messages__dot' />}
            <Text className='messages__title'>{m.title}</Text>
            <Text className='messages__time'>{when(m.createdAt)}</Text>
          </View>
          <Text className='ap-line'>{m.body}</Text>
        </View>
      ))}
      <PagedFooter list={list} endText={null} empty={{ title: '暂时没有消息', description: '预约成功、办理提醒、咨询答复等消息都会显示在这里。' }} />
    </PageRoot>
  )
}
