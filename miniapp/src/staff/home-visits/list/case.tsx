// One home visit request and its next step: 安排上门 (day, time window, who visits), 不予受理 (reason), 办结.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { contract, type HomeVisitView } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Choices, ConfirmInline, Field, FormError, InfoRow, Section, useResource, useSubmit, type StatusMap } from '@/kit'
import { dayText, instantText, weekdayText } from '@/pages/appointments/parts/appointment.format'

export const visitStatus: StatusMap<HomeVisitView['status']> = {
  REQUESTED: { label: '待受理', tone: 'warning' }, SCHEDULED: { label: '已安排', tone: 'info' }, DONE: { label: '已办结', tone: 'success' },
  DECLINED: { label: '未受理', tone: 'danger' }, CANCELLED: { label: '已撤回', tone: 'muted' },
}

const hm = (iso: string | null) => (iso ? iso.slice(11, 16) : '')

export function HomeVisitCase ({ visit: h, onChanged }: { visit: HomeVisitView; onChanged: (h: HomeVisitView) => void }) {
  const [date, setDate] = useState(h.scheduledAt?.slice(0, 10) ?? h.preferredDays[0] ?? '')
  const [start, setStart] = useState(hm(h.scheduledAt) || '09:00')
  const [end, setEnd] = useState(hm(h.scheduledEnd) || '11:00')
  const [assignee, setAssignee] = useState(h.assigneeId ?? '')
  const [reason, setReason] = useState('')
  const [declining, setDeclining] = useState(false)
  const [completing, setCompleting] = useState(false)
  const people = useResource(() => staffApi('listHomeVisitAssignees'), [], { on: 'mount', enabled: h.status === 'REQUESTED' || h.status === 'SCHEDULED' })
  const staffList = people.data?.items ?? []
  const schedule = useSubmit(async (body: { scheduledAt: string; until?: string; assigneeId?: string }) => staffApi('scheduleHomeVisit', { params: { id: h.id }, body }), {
    schema: contract.scheduleHomeVisit.body, onSuccess: onChanged,
  })
  const decline = useSubmit(async (body: { reason: string }) => staffApi('declineHomeVisit', { params: { id: h.id }, body }), {
    schema: contract.declineHomeVisit.body, onSuccess: onChanged,
  })
  const complete = useSubmit(async () => staffApi('completeHomeVisit', { params: { id: h.id } }), { onSuccess: onChanged })
  const open = h.status === 'REQUESTED' || h.status === 'SCHEDULED'
  const timeOk = /^\d{2}:\d{2}$/.test(start)

  return (
    <View data-testid='hv-case'>
      <Section title={h.serviceItemName} extra={<Text data-testid='hv-status'>{visitStatus[h.status].label}</Text>}>
        <InfoRow label='申请人'>{`${h.contactName} ${h.contactPhone}`}</InfoRow>
        <InfoRow label='上门地址'>{h.address}</InfoRow>
        <InfoRow label='申请原因' testId='hv-reason'>{h.reason}</InfoRow>
        <InfoRow label='希望日期' testId='hv-days'>{h.preferredDays.map((d) => `${dayText(d)} ${weekdayText(d)}`).join('、')}</InfoRow>
        <InfoRow label='提交时间'>{instantText(h.createdAt)}</InfoRow>
        {h.scheduledAt && <InfoRow label='上门时间' testId='hv-scheduled'>{`${instantText(h.scheduledAt)}${h.scheduledEnd ? `–${hm(h.scheduledEnd)}` : ''}`}</InfoRow>}
        {h.assigneeName && <InfoRow label='上门人员'>{h.assigneeName}</InfoRow>}
        {h.declineReason && <InfoRow label='未受理原因'>{h.declineReason}</InfoRow>}
        {h.doneAt && <InfoRow label='办结时间'>{instantText(h.doneAt)}</InfoRow>}
      </Section>
      {open && (
        <Section title={h.status === 'SCHEDULED' ? '改约上门' : '受理并安排上门'} testId='hv-schedule'>
          <Field kind='custom' label='希望的日期'>
            <Choices label='上门日期' options={h.preferredDays.map((d) => ({ value: d, label: `${dayText(d)} ${weekdayText(d)}` }))} value={date} onChange={setDate} testId={(d) => `hv-day-${d}`} />
          </Field>
          <Field kind='date' label='上门日期' value={date} onChange={setDate} testId='hv-date' />
          <Field label='开始时间（HH:mm）' value={start} onChange={setStart} maxlength={5} error={schedule.errors.scheduledAt} testId='hv-start' />
          <Field label='结束时间（HH:mm）' value={end} onChange={setEnd} maxlength={5} error={schedule.errors.until} testId='hv-end' />
          <Field kind='picker' label='上门人员' options={staffList.map((s) => `${s.name}（${s.orgName}）`)} index={staffList.findIndex((s) => s.id === assignee)}
            onPick={(i) => setAssignee(staffList[i]?.id ?? '')} placeholder='我本人' error={schedule.errors.assigneeId || people.error} testId='hv-assignee' />
          <FormError error={schedule.error} testId='hv-schedule-error' />
          <Action kind='primary' block busy={schedule.busy} busyText='正在安排…' testId='hv-schedule-submit'
            onClick={() => void schedule.run({ scheduledAt: timeOk && date ? `${date}T${start}:00+08:00` : '', until: end || undefined, assigneeId: assignee || undefined })}>
            {h.status === 'SCHEDULED' ? '改约并通知群众' : '安排上门并通知群众'}
          </Action>
        </Section>
      )}
      {h.status === 'REQUESTED' && (
        <Section title='不予受理'>
          {declining
            ? (
              <>
                <Field kind='textarea' label='不予受理的原因' value={reason} onChange={(v) => { setReason(v); decline.clear('reason') }} maxlength={200}
                  placeholder='群众会看到这一原因' error={decline.errors.reason} testId='hv-decline-reason' />
                <FormError error={decline.error} />
                <Actions>
                  <Action onClick={() => setDeclining(false)}>返回</Action>
                  <Action kind='danger' busy={decline.busy} onClick={() => void decline.run({ reason })} testId='hv-decline-submit'>确认不予受理</Action>
                </Actions>
              </>
              )
            : <Action onClick={() => setDeclining(true)} testId='hv-decline'>不予受理…</Action>}
        </Section>
      )}
      {h.status === 'SCHEDULED' && (
        <Section title='办结'>
          {completing
            ? <ConfirmInline title='确认已上门办结？' content='办结后群众会收到评价邀请。' confirmText='确认办结'
                onAnswer={(ok) => { setCompleting(false); if (ok) void complete.run(undefined) }} />
            : <Action kind='primary' block busy={complete.busy} onClick={() => setCompleting(true)} testId='hv-complete'>上门服务已办结</Action>}
          <FormError error={complete.error} />
        </Section>
      )}
    </View>
  )
}
