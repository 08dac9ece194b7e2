// One 差评整改 case: the rating, the contact for the 回访 call (revealed on demand, audited), the steps so far, the
// next actions with a note, and the 申诉 (误评 / 恶意差评) for a higher org's reviewer. Its own page on a phone,
// beside the list on a desk.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { appealReasonLabels, type Contract, type RectificationAction, type ResponseOf } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Choices, Field, FormError, InfoRow, Loaded, Section, StatusTag, Tag, useResource, useSubmit } from '@/kit'
import { Face } from '@/components/rating/faces'
import { Timeline } from '@/components/rating/timeline'
import { formatDate, formatTime, rectStatusLabel } from '@/components/rating/format'
import { appealStatus } from '../appeals/appeal-card'

type Detail = ResponseOf<Contract['getRectification']>
const actionRoutes = {
  verify: { route: 'verifyRectification', label: '核实' },
  rectify: { route: 'rectifyRectification', label: '整改' },
  explain: { route: 'explainRectification', label: '解释说明' },
  revisit: { route: 'revisitRectification', label: '回访' },
  close: { route: 'closeRectification', label: '办结' },
} as const
const notePlaceholder: Record<RectificationAction, string> = {
  verify: '核实情况：是否属实、原因',
  rectify: '整改措施',
  explain: '解释说明的内容（如诉求无法律依据）',
  revisit: '回访情况：回访方式、群众意见',
  close: '整改结果（将告知评价人）',
}
const reasons = (['MISTAKEN', 'MALICIOUS'] as const).map((r) => ({ value: r, label: appealReasonLabels[r] }))

export function RectificationCase ({ id, onChange }: { id: string; onChange?: () => void }) {
  const r = useResource(() => staffApi('getRectification', { params: { id } }), [id])
  const changed = (d: Detail) => { r.setData(d); onChange?.() }
  return <Loaded resource={r}>{(d) => <CaseBody d={d} onChange={changed} reload={() => { void r.reload(); onChange?.() }} />}</Loaded>
}

function CaseBody ({ d, onChange, reload }: { d: Detail; onChange: (d: Detail) => void; reload: () => void }) {
  const [note, setNote] = useState('')
  const [phone, setPhone] = useState('')
  const act = useSubmit((a: RectificationAction) => staffApi(actionRoutes[a].route, { params: { id: d.id }, body: { note } }), {
    onSuccess: (next, a) => { onChange(next); setNote(''); void Taro.showToast({ title: `已${actionRoutes[a].label}`, icon: 'success' }) },
  })
  const reveal = useSubmit(() => staffApi('revealRectificationContact', { params: { id: d.id } }), { onSuccess: (c) => setPhone(c.phone) })
  return (
    <View className='staff-case'>
      <Section>
        <View className='staff-tags'>
          <Tag tone={d.status === 'CLOSED' ? 'success' : d.overdue ? 'danger' : 'warning'} testId='rect-status'>{`${rectStatusLabel(d.status)}${d.overdue ? '（已超期）' : ''}`}</Tag>
          {d.rating.excluded && <Tag tone='muted'>申诉成立，不计入统计</Tag>}
        </View>
        <Text className='staff-case__title'>{d.rating.subject?.title ?? '办件'}</Text>
        <Text className='staff-case__line staff-text--muted'>{`${[d.orgName, d.rating.subject?.hallName].filter(Boolean).join(' · ')} · 办结 ${formatTime(d.rating.subject?.doneAt)}`}</Text>
        <View className='staff-tags staff-case__line'>
          <Face level={d.rating.level} size='small' />
          <Text className='staff-case__title'>{d.rating.levelLabel}</Text>
          <Text className='staff-text--muted'>{formatTime(d.rating.createdAt)}</Text>
        </View>
        {d.rating.tags.length > 0 && <View className='staff-tags'>{d.rating.tags.map((t) => <Tag key={t} tone='muted'>{t}</Tag>)}</View>}
        {d.rating.comment && <View className='staff-case__body'><Text userSelect>{d.rating.comment}</Text></View>}
        <Text className='staff-case__line staff-text--muted'>{d.status === 'CLOSED' ? `办结于 ${formatTime(d.closedAt)}` : `须于 ${formatDate(d.dueAt)} 前办结`}</Text>
      </Section>

      {d.contact && (
        <Section title='评价人（实名）'>
          <InfoRow label={d.contact.name}><Text data-testid='contact-phone'>{phone || d.contact.phone}</Text></InfoRow>
          {!phone && <Action busy={reveal.busy} onClick={() => void reveal.run(undefined)} testId='reveal-phone'>查看完整号码以回访</Action>}
          <FormError error={reveal.error} />
          <Text className='staff-case__line staff-text--muted'>查看完整号码会记入审计日志。</Text>
        </Section>
      )}

      <Section title='办理过程'>
        <Timeline opened={d.createdAt} steps={d.steps} />
        {d.result && <Text className='staff-case__line staff-case__title' data-testid='rect-result'>{`整改结果：${d.result}`}</Text>}
        {d.residentSatisfied !== null && <Text className='staff-case__line staff-text--muted'>{`评价人反馈：${d.residentSatisfied ? '满意' : '不满意'}`}</Text>}
      </Section>

      {d.nextActions.length > 0 && (
        <Section title='下一步' testId='rect-actions'>
          <Field kind='textarea' label='办理说明' value={note} maxlength={1000} placeholder={notePlaceholder[d.nextActions[0]!]} testId='rect-note'
            onChange={(v) => { setNote(v); act.clear('note') }} error={act.errors.note} errorTestId='rect-error' />
          <FormError error={act.error} testId='rect-error' />
          <Actions>
            {d.nextActions.map((a) => <Action key={a} kind='primary' busy={act.busy} onClick={() => void act.run(a)} testId={`action-${a}`}>{actionRoutes[a].label}</Action>)}
          </Actions>
        </Section>
      )}

      <Section title='申诉复核'>
        {d.appeals.map((a) => (
          <View key={a.id} className='staff-case__line' data-testid='appeal'>
            <Text>{`${appealReasonLabels[a.reason]}：${a.note}`}</Text>
            <View className='staff-tags'>
              <StatusTag map={appealStatus} status={a.status} />
              <Text className='staff-text--muted'>{`${a.decisionNote ? `${a.decisionNote} · ` : ''}${formatTime(a.createdAt)}`}</Text>
            </View>
          </View>
        ))}
        {d.canAppeal ? <AppealForm id={d.id} onDone={reload} /> : d.appeals.length === 0 && <Text className='staff-text--muted' data-testid='appeal-closed'>该差评已核实整改并办结，不能再申诉。</Text>}
      </Section>
    </View>
  )
}

/** 提请申诉: 误评 or 恶意差评 with the grounds; a higher org's reviewer decides (申诉复核). */
function AppealForm ({ id, onDone }: { id: string; onDone: () => void }) {
  const [reason, setReason] = useState<'MISTAKEN' | 'MALICIOUS'>('MISTAKEN')
  const [note, setNote] = useState('')
  const appeal = useSubmit(() => staffApi('appealRating', { params: { id }, body: { reason, note } }), { onSuccess: () => { setNote(''); onDone() } })
  return (
    <>
      <Text className='staff-case__line staff-text--muted'>确属误评或恶意差评的，可提请上级机构复核；复核成立的评价不计入统计，但不会删除。</Text>
      <Choices label='申诉理由' options={reasons} value={reason} onChange={setReason} testId={(k) => `appeal-reason-${k}`} />
      <Field kind='textarea' label='申诉说明' value={note} maxlength={1000} placeholder='申诉理由和依据（不少于 5 个字）' testId='appeal-note'
        onChange={(v) => { setNote(v); appeal.clear('note') }} error={appeal.errors.note} />
      <FormError error={appeal.error} />
      <Action block busy={appeal.busy} onClick={() => void appeal.run(undefined)} testId='appeal-submit'>提交申诉</Action>
    </>
  )
}
