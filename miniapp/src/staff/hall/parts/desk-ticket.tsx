// 现场取号 at the desk: a walk-in's ticket by service item (name and phone optional), then a slip to print.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { deskTicketInput, type StaffTicket } from '@bianmin/shared'
import { publicApi } from '@/components/hall/public-api'
import { clockOf } from '@/components/hall/ticket-format'
import { staffApi } from '@/api/client'
import { aria, Action, Actions, Choices, Field, FormError, Loaded, Section, useResource, useSubmit } from '@/kit'

/** `preferred`: the items of this window, listed first. */
export function DeskTicket ({ hallId, preferred = [], onIssued }: { hallId: string; preferred?: string[]; onIssued?: (t: StaffTicket) => void }) {
  const options = useResource(() => publicApi('getHallTicketOptions', { params: { id: hallId } }), [hallId], { on: 'mount' })
  const [itemId, setItemId] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [slip, setSlip] = useState<StaffTicket | null>(null)
  const mineFirst = (id: string) => (preferred.includes(id) ? 0 : 1)
  const items = [...(options.data?.items ?? [])].sort((a, b) => mineFirst(a.serviceItemId) - mineFirst(b.serviceItemId))
  const submit = useSubmit(
    (body: { serviceItemId: string; contactName?: string; contactPhone?: string }) => staffApi('issueDeskTicket', { params: { id: hallId }, body }),
    {
      schema: deskTicketInput,
      validate: (b) => ({ serviceItemId: b.serviceItemId ? undefined : '请选择办理事项' }),
      onSuccess: (t) => { setSlip(t); setName(''); setPhone(''); onIssued?.(t) },
    },
  )
  const issue = () => void submit.run({
    serviceItemId: itemId,
    ...(name.trim() ? { contactName: name.trim() } : {}),
    ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
  })
  const print = () => { if (process.env.TARO_ENV === 'h5') window.print() }

  return (
    <Section title='现场取号' testId='desk-ticket'>
      <Loaded resource={options}>
        {() => (
          <View className='hc-desk'>
            <Field kind='custom' label='办理事项' error={submit.errors.serviceItemId} errorTestId='desk-item-error'>
              <Choices label='办理事项' value={itemId} onChange={(v) => { setItemId(v); submit.clear('serviceItemId') }} testId={(v) => `desk-item-${v}`}
                options={items.map((i) => ({ value: i.serviceItemId, label: `${i.line} ${i.name}${i.waiting ? ` · 等候 ${i.waiting}` : ''}` }))} />
            </Field>
            <Field label='姓名（选填）' name='姓名' value={name} maxlength={30} onChange={(v) => { setName(v); submit.clear('contactName') }} error={submit.errors.contactName} testId='desk-name' />
            <Field label='手机号（选填）' name='手机号' type='number' maxlength={11} value={phone} onChange={(v) => { setPhone(v); submit.clear('contactPhone') }} error={submit.errors.contactPhone} testId='desk-phone' />
            <FormError error={submit.error} testId='desk-error' />
            <Actions><Action kind='primary' busy={submit.busy} busyText='正在取号…' onClick={issue} testId='desk-issue'>取号</Action></Actions>
          </View>
        )}
      </Loaded>
      {slip && (
        <View className='hc-slip' {...aria('region', { 'aria-label': `排队号 ${slip.number}` })} data-testid='desk-slip'>
          <Text className='hc-slip__hall'>{slip.hallName}</Text>
          <Text className='hc-slip__number' data-testid='desk-slip-number'>{slip.number}</Text>
          <Text className='hc-slip__line'>{`${slip.lineName} · ${slip.serviceItemName}`}</Text>
          <Text className='hc-slip__line'>{`前面还有 ${slip.ahead} 位 · 取号时间 ${clockOf(slip.createdAt)}`}</Text>
          <Text className='hc-slip__hint'>请留意叫号屏和语音叫号；过号请到窗口出示本号</Text>
          {process.env.TARO_ENV === 'h5' && <View className='hc-slip__actions'><Action onClick={print} testId='desk-print'>打印号票</Action></View>}
        </View>
      )}
    </Section>
  )
}
