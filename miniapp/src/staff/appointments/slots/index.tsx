import { useCallback, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { StaffSlot } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dayText, weekdayText } from '@/pages/appointments/parts/appointment.format'
import { requireStaff, staffError } from '../../shell/session'
import '@/pages/appointments/parts/appointment.scss'
import './index.scss'

/** A hall's slots for a day: change capacity (never below what is booked) or close a slot (bookings cancelled, residents told). */
export default function StaffSlotsPage () {
  const hallId = useRouter().params.hallId ?? ''
  const [date, setDate] = useState('')
  const [slots, setSlots] = useState<StaffSlot[]>([])
  const [loading, setLoading] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async (day?: string) => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      const r = await staffApi('listStaffSlots', { query: { hallId, date: day || undefined } })
      setSlots(r.items)
      if (!day && r.items[0]) setDate(r.items[0].date)
    } catch (e) {
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      setLoading(false)
    }
  }, [hallId])
  useDidShow(() => { void load(date) })

  const update = async (s: StaffSlot, body: { capacity?: number; closed?: boolean; reason?: string }) => {
    if (body.closed) {
      const { confirm } = await Taro.showModal({
        title: '关闭时段',
        content: s.booked ? `关闭后该时段已有的 ${s.booked} 个预约将被取消，并通知群众重新预约。确定关闭吗？` : '关闭后群众不能再预约该时段。确定关闭吗？',
        confirmText: '关闭时段',
      })
      if (!confirm) return
    }
    setBusy(true)
    try {
      const r = await staffApi('updateSlot', { params: { id: s.id }, body: body.closed ? { ...body, reason: '服务中心临时调整' } : body })
      if (body.closed && r.cancelled) void Taro.showToast({ title: `已关闭，取消 ${r.cancelled} 个预约`, icon: 'none' })
      await load(date)
    } catch (e) {
      const msg = staffError(e)
      if (msg) void Taro.showModal({ title: '操作未成功', content: msg, showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  if (error) return <PageRoot><PageState status='error' title={error} onRetry={() => void load(date)} /></PageRoot>
  return (
    <PageRoot className='st-slots'>
      <Picker mode='date' value={date} onChange={(e) => { setDate(e.detail.value); void load(e.detail.value) }}>
        <View className='ap-card st-slots__date' data-testid='st-slots-date'>{date ? `${dayText(date)} ${weekdayText(date)} ›` : '选择日期 ›'}</View>
      </Picker>
      {slots.map((s) => (
        <View key={s.id} className={`ap-card${s.closed ? ' st-slots__closed' : ''}`} data-testid='st-slot'>
          <View className='ap-meta'>
            <Text className='ap-title'>{`${s.start}–${s.end}`}</Text>
            {s.windowName && <Text>{s.windowName}</Text>}
            {s.closed && <Text className='ap-tag ap-tag--off'>{`已关闭${s.closedReason ? `：${s.closedReason}` : ''}`}</Text>}
          </View>
          <Text className='ap-line'>{`已约 ${s.booked} / 容量 ${s.capacity}，剩余 ${s.remaining}`}</Text>
          <View className='ap-actions'>
            <Button className='bm-button' disabled={busy || s.capacity <= s.booked} onClick={() => void update(s, { capacity: s.capacity - 1 })}>减 1 个号</Button>
            <Button className='bm-button' disabled={busy} onClick={() => void update(s, { capacity: s.capacity + 1 })}>加 1 个号</Button>
            {s.closed
              ? <Button className='bm-button' disabled={busy} onClick={() => void update(s, { closed: false })}>重新开放</Button>
              : <Button className='bm-button bm-button--danger' disabled={busy} onClick={() => void update(s, { closed: true })}>关闭</Button>}
          </View>
        </View>
      ))}
      {loading && <PageState status='loading' />}
      {!loading && slots.length === 0 && <PageState status='empty' title='这一天没有时段' description='节假日不办理；工作日的时段由每周模板自动生成。' />}
    </PageRoot>
  )
}
