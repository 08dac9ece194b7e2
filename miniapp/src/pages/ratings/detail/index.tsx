// One of my ratings: what I said, and for a 差评 the rectification progress, its result and my feedback on it.
import { useCallback, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { ratingDimensionLabels, type Contract, type RatingDimension, type ResponseOf } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { Face } from '@/components/rating/faces'
import { Timeline } from '@/components/rating/timeline'
import { formatDate, formatTime, rectStatusLabel } from '@/components/rating/format'
import '@/components/rating/rating.scss'
import './index.scss'

type Rating = ResponseOf<Contract['getRating']>

export default function RatingDetailPage () {
  const id = useRouter().params.id ?? ''
  const [rating, setRating] = useState<Rating | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [feedback, setFeedback] = useState('')
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState('')

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      setRating(await api('getRating', { params: { id } }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [id])

  useDidShow(() => { void load() })

  const answer = async (satisfied: boolean) => {
    setSending(true)
    setSendError('')
    try {
      setRating(await api('giveRectificationFeedback', { params: { id }, body: { satisfied, ...(feedback.trim() ? { comment: feedback.trim() } : {}) } }))
    } catch (e) {
      setSendError(errorMessage(e))
    } finally {
      setSending(false)
    }
  }

  const rect = rating?.rectification
  return (
    <PageRoot className='rating-detail'>
      {loading && !rating && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {rating && (
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
                  <Textarea className='rating-textarea' value={feedback} maxlength={300} placeholder='还有什么意见可以告诉我们（选填）' onInput={(e) => setFeedback(e.detail.value)} />
                  {sendError && <Text className='rating-field-error'>{sendError}</Text>}
                  <View className='rating-actions'>
                    <Button className='bm-button bm-button--primary' disabled={sending} onClick={() => void answer(true)} data-testid='feedback-satisfied'>满意</Button>
                    <Button className='bm-button bm-button--danger' disabled={sending} onClick={() => void answer(false)} data-testid='feedback-unsatisfied'>不满意</Button>
                  </View>
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
      )}
    </PageRoot>
  )
}
