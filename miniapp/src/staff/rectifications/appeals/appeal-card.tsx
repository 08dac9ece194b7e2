// One 申诉 for the reviewer: the rating, the reason, and (for a reviewer of a higher org) 申诉成立 / 驳回 with a note.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { appealReasonLabels, ratingLevelLabels, type Contract, type ResponseOf } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, InfoRow, Section, StatusTag, useSubmit, type StatusMap } from '@/kit'
import { formatTime } from '@/components/rating/format'

export type Appeal = ResponseOf<Contract['listAppeals']>['items'][number]
export const appealStatus: StatusMap<Appeal['status']> = {
  PENDING: { label: '待复核', tone: 'warning' }, UPHELD: { label: '申诉成立', tone: 'success' }, DISMISSED: { label: '申诉驳回', tone: 'muted' },
}

export function AppealCard ({ a, onDecided }: { a: Appeal; onDecided: (a: Appeal) => void }) {
  const [note, setNote] = useState('')
  const decide = useSubmit((uphold: boolean) => staffApi(uphold ? 'upholdAppeal' : 'dismissAppeal', { params: { id: a.id }, body: { note } }), {
    onSuccess: (next, uphold) => { onDecided(next); setNote(''); void Taro.showToast({ title: uphold ? '申诉成立' : '已驳回', icon: 'success' }) },
  })
  return (
    <Section testId={`appeal-${a.id}`}>
      <View className='staff-tags'>
        <StatusTag map={appealStatus} status={a.status} />
        <Text className='staff-case__title'>{a.rating.subjectTitle || '办件'}</Text>
      </View>
      <Text className='staff-case__line staff-text--muted'>{`${a.orgName} · ${ratingLevelLabels[a.rating.level]} · ${a.rating.tags.join('、')}`}</Text>
      {a.rating.comment && <InfoRow label='评价内容'>{a.rating.comment}</InfoRow>}
      <InfoRow label={appealReasonLabels[a.reason]}>{a.note}</InfoRow>
      <InfoRow label='提出'>{`${a.requestedByName ?? ''} ${formatTime(a.createdAt)}`}</InfoRow>
      {a.decisionNote && <InfoRow label='复核意见'>{`${a.decisionNote}（${a.decidedByName ?? ''}）`}</InfoRow>}
      {a.canDecide && (
        <>
          <Field kind='textarea' label='复核意见' value={note} maxlength={1000} testId='appeal-note' error={decide.errors.note}
            onChange={(v) => { setNote(v); decide.clear('note') }} />
          <FormError error={decide.error} />
          <Actions>
            <Action kind='primary' busy={decide.busy} onClick={() => void decide.run(true)} testId='appeal-uphold'>申诉成立</Action>
            <Action kind='danger' busy={decide.busy} onClick={() => void decide.run(false)} testId='appeal-dismiss'>驳回</Action>
          </Actions>
        </>
      )}
      {a.status === 'PENDING' && !a.canDecide && <Text className='staff-case__line staff-text--muted'>须由上级机构的审核人员复核</Text>}
    </Section>
  )
}
