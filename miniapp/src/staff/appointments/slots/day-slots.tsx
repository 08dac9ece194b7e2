// One day of a hall: close the whole day (a reason; bookings cancelled, residents told) or reopen it, and each slot's
// capacity (never below what is booked) and closing.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { StaffSlot } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, Loaded, Section, Tag, useConfirm, useResource, useSubmit } from '@/kit'

function SlotRow ({ s, onChange }: { s: StaffSlot; onChange: () => void }) {
  const [capacity, setCapacity] = useState(String(s.capacity))
  const { ask, panel } = useConfirm()
  const update = useSubmit((body: { capacity?: number; closed?: boolean; reason?: string }) => staffApi('updateSlot', { params: { id: s.id }, body }), { errorPrefix: '未成功：', onSuccess: onChange })
  const close = async () => {
    const ok = await ask({ key: s.id, title: '关闭时段', content: s.booked ? `关闭后该时段已有的 ${s.booked} 个预约将被取消，并通知群众重新预约。确定关闭吗？` : '关闭后群众不能再预约该时段。确定关闭吗？', confirmText: '关闭时段' })
    if (ok) await update.run({ closed: true, reason: '服务中心临时调整' })
  }
  return (
    <View className='cat-slot' data-testid='st-slot'>
      <View className='cat-row'>
        <Text>{`${s.start}–${s.end}`}</Text>
        {s.windowName && <Text className='cat-note'>{s.windowName}</Text>}
        {s.closed && <Tag tone='muted'>{`已关闭${s.closedReason ? `：${s.closedReason}` : ''}`}</Tag>}
        <Text className='cat-note'>{`已约 ${s.booked} / 容量 ${s.capacity}，剩余 ${s.remaining}`}</Text>
      </View>
      {panel(s.id) ?? (
        <View className='cat-row'>
          <Field label='容量' type='number' value={capacity} onChange={setCapacity} maxlength={3} testId='st-slot-capacity' />
          <Actions>
            <Action disabled={Number(capacity) === s.capacity} busy={update.busy} onClick={() => void update.run({ capacity: Number(capacity) })} testId='st-slot-save'>改容量</Action>
            {s.closed
              ? <Action onClick={() => void update.run({ closed: false })} testId='st-slot-reopen'>重新开放</Action>
              : <Action kind='danger' onClick={() => void close()} testId='st-slot-close'>关闭</Action>}
          </Actions>
        </View>
      )}
      <FormError error={update.error} />
    </View>
  )
}

export function DaySlots ({ hallId, date, isWorkday, onChange }: { hallId: string; date: string; isWorkday: boolean; onChange: () => void }) {
  const slots = useResource(() => staffApi('listStaffSlots', { query: { hallId, date } }), [hallId, date], { on: 'mount' })
  const [reason, setReason] = useState('')
  const [result, setResult] = useState('')
  const { ask, panel } = useConfirm()
  const changed = () => { void slots.reload(); onChange() }
  const closeDay = useSubmit((b: { hallId: string; date: string; reason: string }) => staffApi('closeSlotDay', { body: b }), {
    errorPrefix: '未成功：', onSuccess: (r) => { setResult(`已关闭 ${r.closed} 个时段，取消 ${r.cancelled} 个预约并通知群众`); changed() },
  })
  const reopen = useSubmit((b: { hallId: string; date: string }) => staffApi('reopenSlotDay', { body: b }), {
    errorPrefix: '未成功：', onSuccess: (r) => { setResult(`已恢复 ${r.reopened} 个时段`); changed() },
  })
  const items = slots.data?.items ?? []
  const booked = items.reduce((n, s) => n + (s.closed ? 0 : s.booked), 0)
  const askClose = async () => {
    if (!reason.trim()) { closeDay.setErrors({ reason: '请填写停办原因' }); return }
    const ok = await ask({ key: 'day', title: '整天停止办理', content: `${date} 的全部时段将关闭${booked ? `，已有的 ${booked} 个预约将被取消并通知群众` : ''}。确定吗？`, confirmText: '停止办理' })
    if (ok) await closeDay.run({ hallId, date, reason: reason.trim() })
  }
  return (
    <View className='cat-form' data-testid='st-day'>
      <Section title={`${date}${isWorkday ? '' : '（节假日）'}`}>
        {result && <Text className='cat-note' data-testid='st-day-result'>{result}</Text>}
        <Field label='停办原因' value={reason} onChange={(v) => { setReason(v); closeDay.clear('reason') }} maxlength={100} placeholder='如 停电检修' error={closeDay.errors.reason} testId='st-day-reason' />
        <FormError error={closeDay.error || reopen.error} />
        {panel('day') ?? (
          <Actions>
            <Action kind='danger' busy={closeDay.busy} onClick={() => void askClose()} testId='st-day-close'>整天停止办理</Action>
            <Action busy={reopen.busy} disabled={!isWorkday} onClick={() => void reopen.run({ hallId, date })} testId='st-day-reopen'>整天恢复办理</Action>
          </Actions>
        )}
      </Section>
      <Loaded resource={slots} isEmpty={(d) => d.items.length === 0} empty={{ title: '这一天没有时段', description: '节假日不办理；工作日的时段由每周模板生成。' }}>
        {(d) => <>{d.items.map((s) => <SlotRow key={`${s.id}-${s.capacity}-${s.closed}`} s={s} onChange={changed} />)}</>}
      </Loaded>
    </View>
  )
}
