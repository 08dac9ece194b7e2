import { useCallback, useMemo, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { ApiError, bookingInput, type SlotView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { aria, labelled } from '@/components/a11y'
import { dayText, newIdempotencyKey, weekdayText } from '../parts/appointment.format'
import '../parts/appointment.scss'
import './index.scss'
import { redirect } from '@/kit/nav'

/** Pick a working day and a slot (remaining seats shown), fill in name and phone, book; or move a booking (改约). */
export default function BookPage () {
  const { itemId = '', reschedule = '' } = useRouter().params
  const [itemName, setItemName] = useState('')
  const [dates, setDates] = useState<string[]>([])
  const [slots, setSlots] = useState<SlotView[]>([])
  const [date, setDate] = useState('')
  const [slotId, setSlotId] = useState('')
  const [form, setForm] = useState({ contactName: '', contactPhone: '', note: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [loadError, setLoadError] = useState('')
  const [loading, setLoading] = useState(true)
  const [busy, setBusy] = useState(false)
  const [formError, setFormError] = useState('')
  // One key per distinct request: a retry of the same booking (e.g. after a network error) replays the first result.
  const attempt = useRef<{ body: string; key: string } | null>(null)

  const load = useCallback(async (keepDate?: string) => {
    setLoading(true)
    setLoadError('')
    try {
      const [item, r] = await Promise.all([api('getServiceItem', { params: { id: itemId } }), api('listServiceItemSlots', { params: { id: itemId } })])
      setItemName(item.name)
      setDates(r.dates)
      setSlots(r.items)
      const withSeats = r.dates.find((d) => r.items.some((s) => s.date === d && s.remaining > 0))
      setDate(keepDate && r.dates.includes(keepDate) ? keepDate : withSeats ?? r.dates[0] ?? '')
    } catch (e) {
      setLoadError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [itemId])
  useLoad(() => { void load() })

  const seatsOn = useMemo(() => {
    const m = new Map<string, number>()
    for (const s of slots) m.set(s.date, (m.get(s.date) ?? 0) + s.remaining)
    return m
  }, [slots])
  const daySlots = slots.filter((s) => s.date === date)
  const chosen = slots.find((s) => s.id === slotId)

  const failed = (e: unknown) => {
    if (e instanceof ApiError && (e.code === 'SLOT_FULL' || e.code === 'OUT_OF_WINDOW')) { setSlotId(''); void load(date) }
    setFormError(`预约未成功：${errorMessage(e)}`)
  }

  const submit = async () => {
    setFormError('')
    if (!chosen) { setErrors({ slotId: '请选择预约时段' }); return }
    if (reschedule) {
      setBusy(true)
      try {
        const moved = await api('rescheduleAppointment', { params: { id: reschedule }, body: { slotId: chosen.id } })
        redirect('appointmentDetail', { id: moved.id })
      } catch (e) { failed(e) } finally { setBusy(false) }
      return
    }
    const body = { slotId: chosen.id, serviceItemId: itemId, contactName: form.contactName, contactPhone: form.contactPhone, ...(form.note.trim() ? { note: form.note } : {}) }
    const check = bookingInput.safeParse(body)
    if (!check.success) {
      const found: Record<string, string> = {}
      for (const i of check.error.issues) { const k = String(i.path[0] ?? ''); if (!found[k]) found[k] = i.message }
      setErrors(found)
      return
    }
    setErrors({})
    const json = JSON.stringify(check.data)
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() }
    setBusy(true)
    try {
      const a = await api('createAppointment', { body: check.data, headers: { 'Idempotency-Key': attempt.current.key } })
      redirect('appointmentDetail', { id: a.id, booked: 1 })
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors()).length) setErrors(e.fieldErrors())
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  if (loadError) return <PageRoot><PageState status='error' title={loadError} onRetry={() => void load()} /></PageRoot>
  if (loading && !dates.length) return <PageRoot><PageState status='loading' /></PageRoot>

  const err = (k: string) => (errors[k] ? <Text className='ap-field__error' data-testid={`book-error-${k}`}>{errors[k]}</Text> : null)
  return (
    <PageRoot className='book' consent={reschedule ? undefined : 'required'}>
      <View className='bm-card'>
        <Text className='ap-title'>{itemName}</Text>
        <Text className='ap-line'>{reschedule ? '请选择新的时段，原预约将同时取消。' : '可预约今天起 7 个工作日内的时段，节假日不办理。'}</Text>
      </View>
      <View className='book__dates' data-testid='book-dates'>
        {dates.map((d) => {
          const left = seatsOn.get(d) ?? 0
          return (
            <View key={d} className={`book__date${d === date ? ' book__date--on' : ''}${left === 0 ? ' book__date--full' : ''}`}
              onClick={() => { setDate(d); setSlotId('') }} data-testid={`book-date-${d}`}
              {...aria('button', { 'aria-pressed': d === date })}>
              <Text className='book__date-week'>{weekdayText(d)}</Text>
              <Text className='book__date-day'>{dayText(d)}</Text>
              <Text className='book__date-left'>{left > 0 ? `余 ${left}` : '约满'}</Text>
            </View>
          )
        })}
      </View>
      {daySlots.length === 0 && <Text className='ap-empty-note'>这一天没有可预约的时段，请选择其他日期。</Text>}
      <View className='book__slots'>
        {daySlots.map((s) => (
          <View key={s.id} className={`book__slot${s.id === slotId ? ' book__slot--on' : ''}${s.remaining === 0 ? ' book__slot--full' : ''}`}
            onClick={() => { if (s.remaining > 0) { setSlotId(s.id); setErrors((e) => ({ ...e, slotId: '' })) } }} data-testid={`book-slot-${s.start}`}
            {...aria('button', { 'aria-pressed': s.id === slotId, 'aria-disabled': s.remaining === 0 })}>
            <Text className='book__slot-time'>{`${s.start}–${s.end}`}</Text>
            <Text className='book__slot-where'>{s.windowName ? `${s.hallName} · ${s.windowName}` : s.hallName}</Text>
            <Text className='book__slot-left'>{s.remaining > 0 ? `余 ${s.remaining} 个` : '已约满'}</Text>
          </View>
        ))}
      </View>
      {err('slotId')}

      {!reschedule && (
        <View className='bm-card'>
          <View className='ap-field'>
            <Text className='ap-field__label'>姓名</Text>
            <Input className='ap-field__input' {...labelled('姓名')} value={form.contactName} maxlength={30} placeholder='办事人姓名' onInput={(e) => { setForm((f) => ({ ...f, contactName: e.detail.value })); setErrors((x) => ({ ...x, contactName: '' })) }} data-testid='book-name' />
            {err('contactName')}
          </View>
          <View className='ap-field'>
            <Text className='ap-field__label'>手机号码</Text>
            <Input className='ap-field__input' {...labelled('手机号码')} type='number' value={form.contactPhone} maxlength={11} placeholder='用于接收预约提醒' onInput={(e) => { setForm((f) => ({ ...f, contactPhone: e.detail.value })); setErrors((x) => ({ ...x, contactPhone: '' })) }} data-testid='book-phone' />
            {err('contactPhone')}
          </View>
          <View className='ap-field'>
            <Text className='ap-field__label'>备注（选填）</Text>
            <Input className='ap-field__input' {...labelled('备注')} value={form.note} maxlength={200} placeholder='如需帮助请说明' onInput={(e) => { setForm((f) => ({ ...f, note: e.detail.value })); setErrors((x) => ({ ...x, note: '' })) }} data-testid='book-note' />
          </View>
          <Text className='ap-line book__privacy'>手机号码加密保存，仅用于本次预约的通知和核对。</Text>
        </View>
      )}
      <View className='book__submit'>
        {formError && <Text className='ap-field__error book__form-error' {...aria('alert')} data-testid='book-error'>{formError}</Text>}
        <Button className={`bm-button bm-button--primary bm-button--block${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void submit()} data-testid='book-submit'>
          {busy ? '正在提交…' : chosen ? `${reschedule ? '确认改约' : '确认预约'} ${dayText(chosen.date)} ${chosen.start}` : reschedule ? '确认改约' : '确认预约'}
        </Button>
      </View>
    </PageRoot>
  )
}
