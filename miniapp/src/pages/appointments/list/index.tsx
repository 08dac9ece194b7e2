import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { AppointmentView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { useConfirm } from '@/components/confirm'
import { slotText, statusLabels, statusTone } from '../parts/appointment.format'
import { confirmCancel, reschedule } from '../parts/appointment-actions'
import '../parts/appointment.scss'
import { go } from '@/kit/nav'

/** 我的预约: status, check-in code, cancel (with confirmation) and reschedule. */
export default function MyAppointmentsPage () {
  const [items, setItems] = useState<AppointmentView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const { ask, panel } = useConfirm()

  const load = useCallback(async (after?: string) => {
    setLoading(true)
    setError('')
    try {
      const page = await api('listAppointments', { query: { cursor: after } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
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

  return (
    <PageRoot className='ap-list'>
      {items.map((a) => (
        <View key={a.id} className='ap-card' data-testid='appointment'>
          <View role='link' aria-label={`查看预约详情：${a.serviceItemName}`} onClick={() => go('appointmentDetail', { id: a.id })}>
            <View className='ap-meta'>
              <Text className={`ap-tag ap-tag--${statusTone(a.status)}`} data-testid='appointment-status'>{statusLabels[a.status]}</Text>
              {a.queueNumber && <Text>{`排队号 ${a.queueNumber}`}</Text>}
            </View>
            <Text className='ap-title'>{a.serviceItemName}</Text>
            <Text className='ap-line'>{slotText(a)}</Text>
            <Text className='ap-line'>{a.windowName ? `${a.hallName} · ${a.windowName}` : a.hallName}</Text>
            {a.status === 'BOOKED' && <Text className='ap-line'>签到码 <Text className='ap-list__code' data-testid='appointment-code'>{a.code}</Text></Text>}
          </View>
          {a.canCancel && (panel(a.id) ?? (
            <View className='ap-actions'>
              <Button className='bm-button' onClick={() => reschedule(a)} data-testid='appointment-reschedule'>改约</Button>
              <Button className='bm-button bm-button--danger' onClick={async () => { if (await confirmCancel(a, ask)) void load() }} data-testid='appointment-cancel'>取消预约</Button>
            </View>
          ))}
        </View>
      ))}
      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {!loading && !error && items.length === 0 && (
        <View>
          <PageState status='empty' title='还没有预约' description='在“办事”里找到要办的事项，就可以预约到窗口办理。' />
          <View className='ap-card'><Button className='bm-button bm-button--primary bm-button--block' onClick={() => go('services')}>去预约</Button></View>
        </View>
      )}
      {!loading && cursor && <View className='ap-card'><Button className='bm-button bm-button--block' onClick={() => void load(cursor)}>加载更多</Button></View>}
    </PageRoot>
  )
}
