import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ApiError, bookingInput, contract, type SlotView } from '@bianmin/shared'
import { api, consent } from '@/api/client'
import { useConsentState } from '@/store/consent'
import { Action, Field, FormError, Loaded, PageRoot, Section, redirect, useResource, useSubmit } from '@/kit'
import { dayText, newIdempotencyKey, slotText } from '../parts/appointment.format'
import { SlotPicker } from '../parts/slot-picker'
import '../parts/appointment.scss'
import './index.scss'

type BookingBody = typeof bookingInput._input
type MoveBody = typeof contract.rescheduleAppointment.body._input
const slotGone = (e: unknown) => e instanceof ApiError && (e.code === 'SLOT_FULL' || e.code === 'OUT_OF_WINDOW')

/** Pick a working day and a slot (remaining seats shown), fill in name and phone, book; or move a booking (改约). */
export default function BookPage () {
  const { itemId = '', reschedule = '' } = useRouter().params
  const data = useResource(async () => {
    const [item, slots] = await Promise.all([api('getServiceItem', { params: { id: itemId } }), api('listServiceItemSlots', { params: { id: itemId } })])
    return { item, ...slots }
  }, [itemId], { on: 'mount' })
  // 改约: the booking being changed, shown above the new choice.
  const old = useResource(() => api('getAppointment', { params: { id: reschedule } }), [reschedule], { on: 'mount', enabled: Boolean(reschedule) })
  // Name and phone of the last booking, once the resident has agreed to the privacy notice.
  const c = useConsentState(consent)
  const last = useResource(() => api('getBookingContact'), [], { on: 'mount', enabled: !reschedule && c.status === 'accepted' })

  const [date, setDate] = useState('')
  const [slotId, setSlotId] = useState('')
  const [form, setForm] = useState({ contactName: '', contactPhone: '', note: '' })
  const [prefilled, setPrefilled] = useState(false)
  // One key per distinct request: a retry of the same booking (e.g. after a network error) replays the first result.
  const attempt = useRef<{ body: string; key: string } | null>(null)

  useEffect(() => {
    const d = data.data
    if (!d || d.dates.includes(date)) return
    setDate(d.dates.find((x) => d.items.some((s) => s.date === x && s.remaining > 0)) ?? d.dates[0] ?? '')
  }, [data.data])
  useEffect(() => {
    const ct = last.data?.contact
    if (!ct) return
    setForm((f) => ({ ...f, contactName: f.contactName || ct.contactName, contactPhone: f.contactPhone || ct.contactPhone }))
    setPrefilled(true)
  }, [last.data])

  const refreshSlots = (e: unknown) => { if (slotGone(e)) { setSlotId(''); void data.reload() } }
  const book = useSubmit(async (body: BookingBody) => {
    const json = JSON.stringify(body)
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() }
    try {
      return await api('createAppointment', { body, headers: { 'Idempotency-Key': attempt.current.key } })
    } catch (e) { refreshSlots(e); throw e }
  }, {
    schema: bookingInput,
    validate: (b) => ({ slotId: b.slotId ? undefined : '请选择预约时段' }),
    errorPrefix: '预约未成功：',
    onSuccess: (a) => redirect('appointmentDetail', { id: a.id, booked: 1 }),
  })
  const move = useSubmit(async (body: MoveBody) => {
    try {
      return await api('rescheduleAppointment', { params: { id: reschedule }, body })
    } catch (e) { refreshSlots(e); throw e }
  }, {
    validate: (b) => ({ slotId: b.slotId ? undefined : '请选择新的预约时段' }),
    errorPrefix: '改约未成功：',
    onSuccess: (moved) => redirect('appointmentDetail', { id: moved.id, rescheduled: 1 }),
  })
  const s = reschedule ? move : book

  const d = data.data
  if (!d) return <PageRoot><Loaded resource={data}>{() => null}</Loaded></PageRoot>
  const chosen = d.items.find((x) => x.id === slotId)
  const set = (k: keyof typeof form) => (v: string) => { setForm((f) => ({ ...f, [k]: v })); book.clear(k) }
  const submit = () => {
    if (reschedule) void move.run({ slotId })
    else void book.run({ slotId, serviceItemId: itemId, contactName: form.contactName, contactPhone: form.contactPhone, ...(form.note.trim() ? { note: form.note } : {}) })
  }
  const verb = reschedule ? '确认改约' : '确认预约'

  return (
    <PageRoot className='book' consent={reschedule ? undefined : 'required'}>
      <Section>
        <Text className='ap-title'>{d.item.name}</Text>
        {!reschedule && <Text className='ap-line' data-testid='book-window'>{`可预约今天起 ${d.workdays} 个工作日内的时段，节假日不办理。`}</Text>}
        {reschedule && old.data && (
          <View className='book__moving' data-testid='book-rescheduling'>
            <Text className='ap-line'>{`正在改约：原预约 ${slotText(old.data)}，${old.data.hallName}${old.data.windowName ? ` · ${old.data.windowName}` : ''}。`}</Text>
            <Text className='ap-line'>请选择新的时段；改约成功后原预约取消，原签到码作废。</Text>
          </View>
        )}
        {reschedule && !old.data && <Text className='ap-line'>请选择新的时段，原预约将同时取消。</Text>}
      </Section>
      <SlotPicker dates={d.dates} slots={d.items} date={date} slotId={slotId} error={s.errors.slotId}
        onDate={(x) => { setDate(x); setSlotId('') }} onSlot={(x: SlotView) => { setSlotId(x.id); s.clear('slotId') }} />

      {!reschedule && (
        <Section>
          {prefilled && <Text className='ap-line book__prefilled' data-testid='book-prefilled'>已填入您上次预约时的姓名和手机号码，如有变化请修改。</Text>}
          <Field label='姓名' value={form.contactName} maxlength={30} placeholder='办事人姓名' onChange={set('contactName')}
            testId='book-name' error={book.errors.contactName} errorTestId='book-error-contactName' />
          <Field label='手机号码' type='number' value={form.contactPhone} maxlength={11} placeholder='用于接收预约提醒' onChange={set('contactPhone')}
            testId='book-phone' error={book.errors.contactPhone} errorTestId='book-error-contactPhone' />
          <Field label='备注（选填）' name='备注' value={form.note} maxlength={200} placeholder='如需帮助请说明' onChange={set('note')}
            testId='book-note' error={book.errors.note} errorTestId='book-error-note' />
          <Text className='ap-line book__privacy'>手机号码加密保存，仅用于预约的通知和核对；下次预约时为您预先填好。</Text>
        </Section>
      )}
      <View className='book__submit'>
        <FormError error={s.error} testId='book-error' />
        <Action kind='primary' block busy={s.busy} busyText='正在提交…' onClick={submit} testId='book-submit'>
          {chosen ? `${verb} ${dayText(chosen.date)} ${chosen.start}` : verb}
        </Action>
      </View>
    </PageRoot>
  )
}
