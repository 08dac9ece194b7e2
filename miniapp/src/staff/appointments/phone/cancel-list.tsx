// 为群众取消预约: the bookings of a day (any channel), each with its note; cancelling asks for the reason first
// (the resident is told when the booking belongs to an app account).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { contract, type StaffAppointment } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, PagedFooter, Section, usePagedList, useSubmit } from '@/kit'
import { dayText } from '@/pages/appointments/parts/appointment.format'
import { DataTable, type Column } from '../../shell/data-table'

const channelText: Record<string, string> = { APP: '小程序', PHONE: '电话预约', PROXY: '代办', HOME: '上门' }

export function CancelForResident ({ refreshKey }: { refreshKey: number }) {
  const [date, setDate] = useState('')
  const [open, setOpen] = useState<StaffAppointment | null>(null)
  const [reason, setReason] = useState('')
  const list = usePagedList((cursor) => staffApi('listStaffAppointments', { query: { date: date || undefined, status: 'BOOKED', cursor, limit: 50 } }), [date, refreshKey])
  const cancel = useSubmit(async (body: { reason: string }) => staffApi('cancelStaffAppointment', { params: { id: open!.id }, body }), {
    schema: contract.cancelStaffAppointment.body,
    onSuccess: () => { setOpen(null); setReason(''); void list.refresh() },
  })

  const columns: Column<StaffAppointment>[] = [
    { key: 'time', title: '时段', width: '1.1fr', sort: (a, b) => a.startsAt.localeCompare(b.startsAt), render: (a) => <Text>{`${dayText(a.date)} ${a.start}`}</Text> },
    { key: 'who', title: '群众', width: '1.3fr', render: (a) => <Text>{`${a.contactName} ${a.contactPhone}`}</Text> },
    { key: 'item', title: '事项', width: '1.5fr', render: (a) => <Text>{a.serviceItemName}</Text> },
    { key: 'channel', title: '渠道', width: '0.8fr', render: (a) => <Text>{channelText[a.channel] ?? a.channel}</Text> },
    { key: 'note', title: '备注', width: '1.5fr', render: (a) => <Text data-testid='pb-row-note'>{a.note ?? '—'}</Text> },
  ]

  return (
    <Section title='为群众取消预约' testId='pb-cancel'>
      <Field kind='date' label='预约日期' value={date} onChange={setDate} placeholder='今天' testId='pb-cancel-date' />
      {list.items.length > 0 && (
        <DataTable label='有效预约' columns={columns} rows={list.items} rowKey={(a) => a.id} selectedKey={open?.id}
          onRowClick={(a) => { setOpen(a); setReason(''); cancel.reset() }} rowTestId='pb-booking' rowLabel={(a) => `${a.contactName} ${a.start}`} />
      )}
      <PagedFooter list={list} empty={{ title: '这一天没有有效的预约' }} endText={null} />
      {open && (
        <View className='pb-cancel' data-testid='pb-cancel-panel'>
          <Text>{`取消 ${open.contactName} ${dayText(open.date)} ${open.start}–${open.end} 的“${open.serviceItemName}”预约${open.residentId ? '（将通知群众）' : ''}`}</Text>
          <Field kind='textarea' label='取消原因' value={reason} onChange={(v) => { setReason(v); cancel.clear('reason') }} maxlength={100}
            placeholder='如：群众来电取消、改约其他日期' error={cancel.errors.reason} testId='pb-cancel-reason' />
          <FormError error={cancel.error} testId='pb-cancel-error' />
          <Actions>
            <Action onClick={() => setOpen(null)} testId='pb-cancel-back'>不取消</Action>
            <Action kind='danger' busy={cancel.busy} busyText='正在取消…' onClick={() => void cancel.run({ reason })} testId='pb-cancel-confirm'>确认取消预约</Action>
          </Actions>
        </View>
      )}
    </Section>
  )
}
