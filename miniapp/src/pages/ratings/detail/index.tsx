// One of my ratings: what I said, and for a 差评 the rectification progress, its result and my feedback on it.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ratingDimensionLabels, type Contract, type RatingDimension } from '@bianmin/shared'
import { api } from '@/api/client'
import { Action, Actions, Field, FormError, Loaded, PageRoot, useResource, useSubmit } from '@/kit'
import { Face } from '@/components/rating/faces'
import { Timeline } from '@/components/rating/timeline'
import { formatDate, formatTime, rectStatusLabel } from '@/components/rating/format'
import '@/components/rating/rating.scss'
import './index.scss'

type FeedbackBody = Contract['giveRectificationFeedback']['body']['_input']

export default function RatingDetailPage () {
  const id = useRouter().params.id ?? ''
  const r = useResource(() => api('getRating', { params: { id } }), [id])
  const [feedback, setFeedback] = useState('')
  const send = useSubmit((body: FeedbackBody) => api('giveRectificationFeedback', { params: { id }, body }), {
    onSuccess: (next) => r.setData(next),
  })
  const answer = (satisfied: boolean) => void send.run({ satisfied, ...(feedback.trim() ? { comment: feedback.trim() } : {}) })
  const rating = r.data
  if (!rating) return <PageRoot className='rating-detail'><Loaded resource={r} notFoundDescription='该评价不存在，或不是您的评价。'>{() => null}</Loaded></PageRoot>

  const rect = rating.rectification
  return (
    <PageRoot className='rating-detail'>
      <>
          <View className='bm-card'>
            <Text className='rating-section-title'>{rating.subject?.title ?? '办件'}</Text>
            {rating.subject && <Text className='rating-muted'>{[rating.subject.orgName, rating.subject.hallName].filter(Boolean).join(' · ')}</Text>}
            <View className='rating-detail__level'>
              <Face level={rating.level} size='small' />
              <Text className='rating-detail__level-label' data-testid='rating-level'>{rating.levelLabel}</Text>
              <Text className='rating-muted'>{formatTime(rating.createdAt)}</Text>
            </View>
            {rating.tags.length > 0 && (
              <View className='rating-detail__tags'>{rating.tags.map((t) => <Text key={t} className='rating-chip'>{t}</Text>)}</View>
            )}
            {rating.dimensions && (
              <View className='rating-detail__dims'>
                {Object.entries(rating.dimensions).map(([k, v]) => (
                  <Text key={k} className='rating-muted'>{ratingDimensionLabels[k as RatingDimension]} {'★'.repeat(v ?? 0)}</Text>
                ))}
              </View>
            )}
            {rating.comment && <Text className='rating-detail__comment'>{rating.comment}</Text>}
          </View>

          {rect && (
            <View className='bm-card' data-testid='rectification'>
              <View className='rating-detail__rect-head'>
                <Text className='rating-section-title'>差评整改</Text>
                <Text className={`rating-badge${rect.status === 'CLOSED' ? ' rating-badge--ok' : rect.overdue ? ' rating-badge--danger' : ''}`} data-testid='rect-status'>
                  {rectStatusLabel(rect.status)}{rect.overdue ? '（已超期）' : ''}
                </Text>
              </View>
              <Text className='rating-muted'>{rect.status === 'CLOSED' ? `办结于 ${formatTime(rect.closedAt)}` : `承诺 ${formatDate(rect.dueAt)} 前办结`}</Text>
              <Timeline opened={rect.createdAt} steps={rect.steps} />
              {rect.result && (
                <View className='rating-detail__result'>
                  <Text className='rating-detail__result-title'>整改结果</Text>
                  <Text data-testid='rect-result'>{rect.result}</Text>
                </View>
              )}
              {rect.status === 'CLOSED' && rect.residentSatisfied === null && (
                <View className='rating-detail__feedback' data-testid='feedback-form'>
                  <Text className='rating-detail__result-title'>您对整改结果满意吗？</Text>
                  <Field kind='textarea' label='意见（选填）' name='意见' value={feedback} maxlength={300} placeholder='还有什么意见可以告诉我们'
                    onChange={(v) => setFeedback(v)} error={send.errors.comment} />
                  <FormError error={send.error} testId='feedback-error' />
                  <Actions>
                    <Action kind='primary' busy={send.busy} onClick={() => answer(true)} testId='feedback-satisfied'>满意</Action>
                    <Action kind='danger' busy={send.busy} onClick={() => answer(false)} testId='feedback-unsatisfied'>不满意</Action>
                  </Actions>
                </View>
              )}
              {rect.residentSatisfied !== null && (
                <Text className='rating-detail__answered' data-testid='feedback-given'>
                  您的反馈：{rect.residentSatisfied ? '满意' : '不满意'}{rect.residentFeedback ? `（${rect.residentFeedback}）` : ''}
                </Text>
              )}
            </View>
          )}
      </>
    </PageRoot>
  )
}
