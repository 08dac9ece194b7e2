import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { contract, type AppointmentDetail } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Choices, Field, FormError, InfoRow, Section, useResource, useSubmit } from '@/kit'
import { dayText, newIdempotencyKey, slotText, weekdayText } from '@/pages/appointments/parts/appointment.format'
import { StaffPage } from '../../shell/staff-page'
import { CancelForResident } from './cancel-list'
import './index.scss'

type Channel = 'PHONE' | 'PROXY'
const channels: { value: Channel; label: string }[] = [{ value: 'PHONE', label: '电话预约' }, { value: 'PROXY', label: '代办' }]
interface Form { contactName: string; contactPhone: string; channel: Channel; note: string }
const empty: Form = { contactName: '', contactPhone: '', channel: 'PHONE', note: '' }

/** 电话预约 / 代办: a clerk books for a resident who phones or comes on someone's behalf, and cancels for them. */
export default function StaffPhoneBookingPage () {
  const items = useResource(() => staffApi('listServiceItems', { query: { bookable: 'true', limit: 100 } }), [], { on: 'mount' })
  const [q, setQ] = useState('')
  const [itemId, setItemId] = useState('')
  const all = items.data?.items ?? []
  const item = all.find((i) => i.id === itemId)
  const shown = all.filter((i) => !q.trim() || i.name.includes(q.trim()) || i.code.includes(q.trim().toUpperCase())).slice(0, 12)
  const slots = useResource(() => staffApi('listServiceItemSlots', { params: { id: item!.id } }), [item?.id], { enabled: Boolean(item) })
  const [date, setDate] = useState('')
  const [slotId, setSlotId] = useState('')
  const [form, setForm] = useState<Form>(empty)
  const [done, setDone] = useState<AppointmentDetail | null>(null)
  const [stamp, setStamp] = useState(0)
  const [idem, setIdem] = useState(newIdempotencyKey)

  const dates = slots.data?.dates ?? []
  const day = dates.includes(date) ? date : dates[0] ?? ''
  const daySlots = useMemo(() => (slots.data?.items ?? []).filter((s) => s.date === day), [slots.data, day])
  const set = (k: keyof Form) => (v: string) => { setForm((f) => ({ ...f, [k]: v })); submit.clear(k) }

  const submit = useSubmit(async (body: Form & { slotId: string; serviceItemId: string }) =>
    staffApi('createStaffAppointment', { body: { ...body, note: body.note || undefined }, headers: { 'Idempotency-Key': idem } }), {
    schema: contract.createStaffAppointment.body as never,
    validate: (b) => ({ serviceItemId: b.serviceItemId ? undefined : '请选择事项', slotId: b.slotId ? undefined : '请选择时段' }),
    onSuccess: (a) => {
      setDone(a)
      setForm(empty); setSlotId(''); setIdem(newIdempotencyKey()); setStamp((n) => n + 1)
      void slots.reload()
    },
  })

  return (
    <StaffPage title='电话预约 / 代办' width='wide'>
      <View className='pb-desk'>
        <View className='pb-desk__col'>
          <Section title='为群众预约' testId='pb-form'>
            <Field label='查找事项' value={q} onChange={setQ} placeholder='输入事项名称或编码' maxlength={50} testId='pb-item-q' />
            <Field kind='custom' label='事项' error={submit.errors.serviceItemId || items.error}>
              {shown.length
                ? <Choices label='事项' options={shown.map((i) => ({ value: i.id, label: i.name }))} value={item?.id ?? ''}
                    onChange={(v) => { setItemId(v); setSlotId(''); submit.clear('serviceItemId') }} testId={(v) => `pb-item-${all.find((i) => i.id === v)?.code ?? v}`} />
                : <Text>{items.loading ? '正在加载事项…' : '没有找到可预约的事项'}</Text>}
            </Field>
            {item && (
              <Field kind='custom' label='日期' error={slots.error}>
                {dates.length
                  ? <Choices label='日期' options={dates.map((d) => ({ value: d, label: `${dayText(d)} ${weekdayText(d)}` }))} value={day}
                      onChange={(d) => { setDate(d); setSlotId('') }} testId={(d) => `pb-date-${d}`} />
                  : <Text>{slots.loading ? '正在加载可预约日期…' : '近期没有可预约的时段'}</Text>}
              </Field>
            )}
            {daySlots.length > 0 && (
              <Field kind='custom' label='时段' error={submit.errors.slotId}>
                <Choices label='时段' value={slotId} onChange={(v) => { setSlotId(v); submit.clear('slotId') }} testId={(v) => `pb-slot-${daySlots.find((s) => s.id === v)?.start ?? v}`}
                  options={daySlots.map((s) => ({ value: s.id, label: `${s.start}–${s.end} ${s.hallName}${s.windowName ? ` ${s.windowName}` : ''} · 余 ${s.remaining}` }))} />
              </Field>
            )}
            <Field label='群众姓名' value={form.contactName} onChange={set('contactName')} maxlength={30} error={submit.errors.contactName} testId='pb-name' />
            <Field label='手机号码' type='number' value={form.contactPhone} onChange={set('contactPhone')} maxlength={11} error={submit.errors.contactPhone} testId='pb-phone' />
            <Field kind='custom' label='渠道'>
              <Choices label='渠道' options={channels} value={form.channel} onChange={(v) => set('channel')(v)} testId={(v) => `pb-channel-${v}`} />
            </Field>
            <Field kind='textarea' label='备注（选填）' name='备注' value={form.note} onChange={set('note')} maxlength={200} counter
              placeholder='如：行动不便需要轮椅、由家属代办' error={submit.errors.note} testId='pb-note' />
            <FormError error={submit.error} testId='pb-error' />
            <Action kind='primary' block busy={submit.busy} busyText='正在预约…' testId='pb-submit'
              onClick={() => void submit.run({ ...form, slotId, serviceItemId: item?.id ?? '' })}>确认预约</Action>
            {done && (
              <View className='pb-done' data-testid='pb-done'>
                <Text>{`已为 ${done.contactName} 预约 ${slotText(done)}，请告知签到码：`}</Text>
                <InfoRow label='签到码' testId='pb-done-code'>{done.code}</InfoRow>
                <InfoRow label='办理地点'>{`${done.hallName}${done.windowName ? ` ${done.windowName}` : ''}`}</InfoRow>
              </View>
            )}
          </Section>
        </View>
        <View className='pb-desk__col'>
          <CancelForResident refreshKey={stamp} />
        </View>
      </View>
    </StaffPage>
  )
}
