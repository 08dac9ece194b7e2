// 今日预约 (CLERK): today at my hall — check-in by code, call next, complete, no-show (manual), each booking's note,
// and the end-of-day unresolved list; a table on a desk, cards on a phone.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffAppointment } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Choices, Field, FormError, Loaded, Section, StatusTag, go, useConfirm, useResource, useSubmit } from '@/kit'
import { appointmentStatus, statusLabels } from '@/pages/appointments/parts/appointment.format'
import { DataTable, type Column } from '../../shell/data-table'
import { useStaffMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'

type Step = 'checkInAppointment' | 'callAppointment' | 'completeAppointment' | 'noShowAppointment'
const stepText: Record<Step, string> = { checkInAppointment: '签到', callAppointment: '叫号', completeAppointment: '办结', noShowAppointment: '未到' }
const views = [{ value: 'all', label: '今日全部' }, { value: 'unresolved', label: '日终未处理' }] as const

const stepsOf = (a: StaffAppointment): Step[] =>
  a.status === 'BOOKED' ? ['checkInAppointment', ...(Date.parse(a.startsAt) <= Date.now() ? ['noShowAppointment' as const] : [])]
    : a.status === 'CHECKED_IN' ? ['callAppointment', 'completeAppointment']
      : a.status === 'CALLED' ? ['completeAppointment', 'noShowAppointment'] : []

export default function StaffTodayPage () {
  const { staff } = useStaffMe()
  const halls = useResource(() => staffApi('listStaffHalls'), [])
  const [chosen, setChosen] = useState('')
  const hallItems = halls.data?.items ?? []
  const hallId = chosen || (hallItems.find((h) => h.id === staff?.hallId) ?? hallItems[0])?.id || ''
  const [view, setView] = useState<'all' | 'unresolved'>('all')
  const list = useResource(async () => (view === 'unresolved'
    ? { ...(await staffApi('listUnresolvedAppointments', { query: { hallId } })), counts: null }
    : staffApi('listStaffAppointments', { query: { hallId, limit: 100 } })), [hallId, view], { enabled: Boolean(hallId) })
  const [code, setCode] = useState('')
  const [called, setCalled] = useState('')
  const { ask, panel } = useConfirm()

  const run = useSubmit(async (fn: () => Promise<string | null>) => {
    const msg = await fn()
    if (msg) void Taro.showToast({ title: msg, icon: 'none' })
    void list.reload()
  })
  const checkIn = () => run.run(async () => {
    const a = await staffApi('checkInByCode', { body: { hallId, code: code.trim() } })
    setCode('')
    return `${a.contactName} 签到成功，排队号 ${a.queueNumber}`
  })
  const callNext = () => run.run(async () => {
    const r = await staffApi('callNext', { params: { id: hallId }, body: {} })
    setCalled(r.item ? `请 ${r.item.queueNumber} 号 ${r.item.contactName} 到窗口办理` : '')
    return r.item ? null : '目前没有等候的群众'
  })
  const step = (a: StaffAppointment, s: Step) => run.run(async () => {
    if (s === 'noShowAppointment' && !await ask({ key: a.id, title: '标记未到', content: `确定 ${a.contactName}（${a.start}）未到场吗？多次未到将暂停其在线预约资格。`, confirmText: '标记未到', danger: true })) return null
    const params = { id: a.id }
    const r = s === 'checkInAppointment' ? await staffApi('checkInAppointment', { params })
      : s === 'callAppointment' ? await staffApi('callAppointment', { params, body: {} })
        : s === 'completeAppointment' ? await staffApi('completeAppointment', { params })
          : await staffApi('noShowAppointment', { params })
    return s === 'checkInAppointment' ? `排队号 ${r.queueNumber}` : `已${stepText[s]}`
  })
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true })
      const m = /code=(\d{6})/.exec(r.result) ?? /^(\d{6})$/.exec(r.result.trim())
      if (m?.[1]) { setCode(m[1]); await run.run(() => staffApi('checkInByCode', { body: { hallId, code: m[1]! } }).then((a) => `${a.contactName} 签到成功，排队号 ${a.queueNumber}`)) }
      else void Taro.showToast({ title: '不是预约签到码', icon: 'none' })
    } catch { /* cancelled */ }
  }

  const columns: Column<StaffAppointment>[] = [
    { key: 'time', title: '时段', width: '1fr', sort: (x, y) => x.startsAt.localeCompare(y.startsAt), render: (a) => <Text>{`${a.start}–${a.end}`}</Text> },
    {
      key: 'status', title: '状态', width: '1.3fr', render: (a) => (
        <View className='staff-tags'>
          <StatusTag map={appointmentStatus} status={a.status} />
          {a.queueNumber && <Text className='staff-tags__text'>{a.queueNumber}</Text>}
          {a.channel !== 'APP' && <Text>{a.channel === 'PHONE' ? '电话预约' : '代办'}</Text>}
        </View>
      ),
    },
    { key: 'who', title: '群众', width: '1.4fr', render: (a) => <Text>{`${a.contactName} ${a.contactPhone}`}</Text> },
    { key: 'item', title: '事项', width: '2.2fr', render: (a) => <Text>{`${a.serviceItemName}${a.windowName ? ` · ${a.windowName}` : ''} · 签到码 ${a.code}`}</Text> },
    { key: 'note', title: '备注', width: '1.6fr', render: (a) => <Text data-testid={a.note ? 'st-note' : undefined}>{a.note ? `备注：${a.note}` : '—'}</Text> },
    {
      key: 'ops', title: '操作', width: '1.8fr', render: (a) => panel(a.id) ?? (
        <View className='staff-tags'>
          {stepsOf(a).map((s) => (
            <Action key={s} kind={s === 'noShowAppointment' ? 'danger' : s === 'completeAppointment' ? 'primary' : 'default'} busy={run.busy} onClick={() => void step(a, s)}>{stepText[s]}</Action>
          ))}
        </View>
      ),
    },
  ]
  const counts = list.data?.counts
  const total = counts ? Object.values(counts).reduce((n, c) => n + c, 0) : 0

  return (
    <StaffPage title='今日预约' width='wide' actions={<Action onClick={() => go('staffSlots', { hallId })}>时段管理</Action>}>
      <Loaded resource={halls} isEmpty={(d) => d.items.length === 0} empty={{ title: '还没有服务中心' }}>
        {(d) => (
          <>
            {d.items.length > 1 && (
              <Field kind='picker' label='服务中心' options={d.items.map((h) => h.name)} index={Math.max(0, d.items.findIndex((h) => h.id === hallId))}
                onPick={(i) => setChosen(d.items[i]!.id)} testId='st-hall' />
            )}
            <Section title='签到与叫号'>
              <Field label='签到码（输入或扫描）' name='签到码' type='number' maxlength={6} value={code} placeholder='6 位签到码' onChange={setCode} onConfirm={() => void checkIn()} testId='st-code' />
              <Actions>
                <Action kind='primary' busy={run.busy} disabled={code.length !== 6} onClick={() => void checkIn()} testId='st-checkin'>签到</Action>
                {process.env.TARO_ENV === 'weapp' && <Action onClick={() => void scan()}>扫码</Action>}
                <Action kind='primary' busy={run.busy} onClick={() => void callNext()} testId='st-call-next'>叫下一位</Action>
              </Actions>
              <FormError error={run.error} testId='st-error' />
              {called && <Text className='staff-case__title staff-text--info' data-testid='st-called'>{called}</Text>}
            </Section>
          </>
        )}
      </Loaded>
      <View className='staff-filters'>
        <Choices label='显示' options={views.map((v) => ({ ...v, label: v.value === 'all' && counts ? `${v.label} ${total}` : v.label }))} value={view} onChange={setView} testId={(k) => `st-${k}`} />
        {counts && <View className='staff-tags'>{(['BOOKED', 'CHECKED_IN', 'CALLED', 'DONE', 'NO_SHOW'] as const).map((s) => <Text key={s}>{`${statusLabels[s]} ${counts[s] ?? 0}`}</Text>)}</View>}
      </View>
      <Loaded resource={list} isEmpty={(l) => l.items.length === 0} empty={{ title: view === 'unresolved' ? '没有未处理的预约' : '今天还没有预约' }}>
        {(l) => <DataTable label='今日预约' columns={columns} rows={l.items} rowKey={(a) => a.id} rowTestId='st-appointment' rowLabel={(a) => `${a.start} ${a.contactName}`} />}
      </Loaded>
    </StaffPage>
  )
}
