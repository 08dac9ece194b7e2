import { useCallback, useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StaffAppointment, StaffHall } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { PageState } from '@/components/page-state'
import { statusLabels, statusTone } from '@/pages/appointments/parts/appointment.format'
import { StaffPage } from '../../shell/staff-page'
import { requireStaff, staffError } from '../../shell/session'
import '@/pages/appointments/parts/appointment.scss'
import './index.scss'
import { go } from '@/kit/nav'

type Action = 'checkInAppointment' | 'callAppointment' | 'completeAppointment' | 'noShowAppointment'
const actionText: Record<Action, string> = { checkInAppointment: '签到', callAppointment: '叫号', completeAppointment: '办结', noShowAppointment: '未到' }

/** Today at my hall: check-in by code, call next, complete, no-show (manual), and the end-of-day unresolved list. */
export default function StaffTodayPage () {
  const [halls, setHalls] = useState<StaffHall[]>([])
  const [hallId, setHallId] = useState('')
  const [items, setItems] = useState<StaffAppointment[]>([])
  const [counts, setCounts] = useState<Record<string, number>>({})
  const [unresolved, setUnresolved] = useState(false)
  const [code, setCode] = useState('')
  const [called, setCalled] = useState('')
  const [loading, setLoading] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async (hall?: string, onlyUnresolved = unresolved) => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      let id = hall ?? hallId
      if (!id) {
        const [me, list] = await Promise.all([staffApi('getMe'), staffApi('listStaffHalls')])
        setHalls(list.items)
        const mine = me.type === 'staff' ? me.staff.hallId : null
        id = list.items.find((h) => h.id === mine)?.id ?? list.items[0]?.id ?? ''
        setHallId(id)
      }
      if (!id) { setItems([]); return }
      if (onlyUnresolved) {
        setItems((await staffApi('listUnresolvedAppointments', { query: { hallId: id } })).items)
      } else {
        const page = await staffApi('listStaffAppointments', { query: { hallId: id, limit: 100 } })
        setItems(page.items)
        setCounts(page.counts)
      }
    } catch (e) {
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [hallId, unresolved])
  useDidShow(() => { void load() })
  usePullDownRefresh(() => { void load() })

  const run = async (fn: () => Promise<string | null>) => {
    setBusy(true)
    try {
      const msg = await fn()
      if (msg) void Taro.showToast({ title: msg, icon: 'none' })
      await load()
    } catch (e) {
      const msg = staffError(e)
      if (msg) void Taro.showModal({ title: '操作未成功', content: msg, showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  const checkInByCode = (value: string) => run(async () => {
    const a = await staffApi('checkInByCode', { body: { hallId, code: value.trim() } })
    setCode('')
    return `${a.contactName} 签到成功，排队号 ${a.queueNumber}`
  })

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true })
      const m = /code=(\d{6})/.exec(r.result) ?? /^(\d{6})$/.exec(r.result.trim())
      if (m?.[1]) await checkInByCode(m[1])
      else void Taro.showToast({ title: '不是预约签到码', icon: 'none' })
    } catch { /* cancelled */ }
  }

  const act = (a: StaffAppointment, action: Action) => run(async () => {
    if (action === 'noShowAppointment') {
      const { confirm } = await Taro.showModal({ title: '标记未到', content: `确定 ${a.contactName}（${a.start}）未到场吗？多次未到将暂停其在线预约资格。`, confirmText: '标记未到' })
      if (!confirm) return null
    }
    const params = { id: a.id }
    const r = action === 'checkInAppointment' ? await staffApi('checkInAppointment', { params })
      : action === 'callAppointment' ? await staffApi('callAppointment', { params, body: {} })
        : action === 'completeAppointment' ? await staffApi('completeAppointment', { params })
          : await staffApi('noShowAppointment', { params })
    return action === 'checkInAppointment' ? `排队号 ${r.queueNumber}` : `已${actionText[action]}`
  })

  const callNext = () => run(async () => {
    const r = await staffApi('callNext', { params: { id: hallId }, body: {} })
    setCalled(r.item ? `请 ${r.item.queueNumber} 号 ${r.item.contactName} 到窗口办理` : '')
    return r.item ? null : '目前没有等候的群众'
  })

  const hallIndex = Math.max(0, halls.findIndex((h) => h.id === hallId))
  const actionsFor = (a: StaffAppointment): Action[] =>
    a.status === 'BOOKED' ? ['checkInAppointment', ...(Date.parse(a.startsAt) <= Date.now() ? ['noShowAppointment' as const] : [])]
      : a.status === 'CHECKED_IN' ? ['callAppointment', 'completeAppointment']
        : a.status === 'CALLED' ? ['completeAppointment', 'noShowAppointment'] : []

  if (error) return <StaffPage title='今日预约'><PageState status='error' title={error} onRetry={() => void load()} /></StaffPage>
  return (
    <StaffPage title='今日预约' className='st-today'>
      {halls.length > 1 && (
        <Picker mode='selector' range={halls.map((h) => h.name)} value={hallIndex} onChange={(e) => { const h = halls[Number(e.detail.value)]; if (h) { setHallId(h.id); void load(h.id) } }}>
          <View className='ap-card'>{`${halls[hallIndex]?.name ?? ''} ›`}</View>
        </Picker>
      )}
      <View className='ap-card'>
        <Text className='ap-field__label'>签到（输入或扫描签到码）</Text>
        <View className='st-today__checkin'>
          <Input className='ap-field__input' type='number' maxlength={6} value={code} placeholder='6 位签到码' onInput={(e) => setCode(e.detail.value)} onConfirm={() => void checkInByCode(code)} data-testid='st-code' />
          <Button className='bm-button bm-button--primary' disabled={busy || code.length !== 6} onClick={() => void checkInByCode(code)} data-testid='st-checkin'>签到</Button>
          {process.env.TARO_ENV === 'weapp' && <Button className='bm-button' onClick={() => void scan()}>扫码</Button>}
        </View>
        <View className='ap-actions'>
          <Button className='bm-button bm-button--primary' disabled={busy} onClick={() => void callNext()} data-testid='st-call-next'>叫下一位</Button>
          <Button className='bm-button' onClick={() => void go('staffSlots', { hallId })}>时段管理</Button>
        </View>
        {called && <Text className='st-today__called' data-testid='st-called'>{called}</Text>}
      </View>
      <View className='ap-chips'>
        <Button className={`bm-button ap-chip${!unresolved ? ' ap-chip--on' : ''}`} onClick={() => { setUnresolved(false); void load(undefined, false) }}>
          {`今日全部 ${Object.values(counts).reduce((n, c) => n + c, 0)}`}
        </Button>
        <Button className={`bm-button ap-chip${unresolved ? ' ap-chip--on' : ''}`} onClick={() => { setUnresolved(true); void load(undefined, true) }} data-testid='st-unresolved'>日终未处理</Button>
      </View>
      {!unresolved && <View className='ap-meta st-today__counts'>{(['BOOKED', 'CHECKED_IN', 'CALLED', 'DONE', 'NO_SHOW'] as const).map((s) => <Text key={s}>{`${statusLabels[s]} ${counts[s] ?? 0}`}</Text>)}</View>}
      {items.map((a) => (
        <View key={a.id} className='ap-card' data-testid='st-appointment'>
          <View className='ap-meta'>
            <Text className={`ap-tag ap-tag--${statusTone(a.status)}`}>{statusLabels[a.status]}</Text>
            <Text>{`${a.start}–${a.end}`}</Text>
            {a.queueNumber && <Text className='st-today__queue'>{a.queueNumber}</Text>}
            {a.channel !== 'APP' && <Text>{a.channel === 'PHONE' ? '电话预约' : '代办'}</Text>}
          </View>
          <Text className='ap-title'>{`${a.contactName} ${a.contactPhone}`}</Text>
          <Text className='ap-line'>{`${a.serviceItemName}${a.windowName ? ` · ${a.windowName}` : ''} · 签到码 ${a.code}`}</Text>
          {a.note && <Text className='ap-line' data-testid='st-note'>{`备注：${a.note}`}</Text>}
          {actionsFor(a).length > 0 && (
            <View className='ap-actions'>
              {actionsFor(a).map((x) => (
                <Button key={x} className={`bm-button${x === 'noShowAppointment' ? ' bm-button--danger' : x === 'completeAppointment' ? ' bm-button--primary' : ''}`} disabled={busy} onClick={() => void act(a, x)}>{actionText[x]}</Button>
              ))}
            </View>
          )}
        </View>
      ))}
      {loading && <PageState status='loading' />}
      {!loading && items.length === 0 && <PageState status='empty' title={unresolved ? '没有未处理的预约' : '今天还没有预约'} />}
    </StaffPage>
  )
}
