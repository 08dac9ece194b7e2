// 评价: one rating for a finished service (rate/index?subjectType=APPOINTMENT&subjectId=…), with field errors from the server.
import { useCallback, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { isBadLevel, type RatingSubjectType, type ResponseOf, type Contract } from '@bianmin/shared'
import { api, ApiError, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { RatingFaces, StarRow } from '@/components/rating/faces'
import { doneWord, formatTime } from '@/components/rating/format'
import '@/components/rating/rating.scss'
import './index.scss'
import { redirect } from '@/kit/nav'

type Meta = ResponseOf<Contract['getRatingTags']>
type Subject = ResponseOf<Contract['getRatingSubject']>
type Dims = Partial<Record<'attitude' | 'efficiency' | 'guideAccuracy' | 'convenience', number>>

export default function RatePage () {
  const { params } = useRouter()
  const subjectType = (params.subjectType ?? '') as RatingSubjectType
  const subjectId = params.subjectId ?? ''
  const [meta, setMeta] = useState<Meta | null>(null)
  const [subject, setSubject] = useState<Subject | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState('')
  const [level, setLevel] = useState<number | null>(null)
  const [dims, setDims] = useState<Dims>({})
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)

  const load = useCallback(async () => {
    setLoading(true)
    setLoadError('')
    try {
      const [m, s] = await Promise.all([api('getRatingTags'), api('getRatingSubject', { params: { subjectType, subjectId } })])
      setMeta(m)
      setSubject(s)
    } catch (e) {
      setLoadError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [subjectType, subjectId])

  useLoad(() => { void load() })

  const chooseLevel = (l: number) => {
    // Tags belong to a level group: switching between good and bad clears them.
    if (level === null || isBadLevel(l) !== isBadLevel(level)) setTags([])
    setLevel(l)
    setErrors({})
  }
  const toggleTag = (tag: string) => { setTags((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag])); setErrors({}); setFormError('') }

  const submit = async () => {
    if (level === null) { setErrors({ level: '请选择满意程度' }); return }
    setSubmitting(true)
    setErrors({})
    setFormError('')
    try {
      const r = await api('createRating', {
        body: { subjectType, subjectId, level, tags, ...(Object.keys(dims).length ? { dimensions: dims } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) },
      })
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' })
      redirect('ratingDetail', { id: r.id })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') setErrors(e.fieldErrors())
      setFormError(errorMessage(e))
    } finally {
      setSubmitting(false)
    }
  }

  const fieldError = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1]
  const bad = level !== null && isBadLevel(level)

  return (
    <PageRoot className='rate' consent='required'>
      {loading && <PageState status='loading' />}
      {!loading && loadError && <PageState status='error' title={loadError} onRetry={() => void load()} />}
      {!loading && subject && meta && (
        <>
          <View className='bm-card'>
            <Text className='rating-section-title' data-testid='rate-subject'>{subject.title}</Text>
            <Text className='rating-muted'>{[subject.orgName, subject.hallName].filter(Boolean).join(' · ')}</Text>
            {subject.doneAt && <Text className='rate__line rating-muted' data-testid='rate-done-at'>{doneWord(subjectType)}时间：{formatTime(subject.doneAt)}</Text>}
            {subject.rateBefore && subject.canRate && <Text className='rate__line rating-muted'>请在 {formatTime(subject.rateBefore)} 前评价</Text>}
          </View>

          {!subject.canRate && (
            <View className='bm-card'>
              <Text className='rate__reason' data-testid='rate-closed'>{subject.reason}</Text>
              {subject.ratingId && (
                <Button className='bm-button bm-button--primary bm-button--block rate__gap' onClick={() => redirect('ratingDetail', { id: subject.ratingId })}>
                  查看我的评价
                </Button>
              )}
            </View>
          )}

          {subject.canRate && (
            <>
              <View className='bm-card'>
                <Text className='rating-section-title'>总体满意程度</Text>
                <RatingFaces value={level} onChange={chooseLevel} />
                {errors.level && <Text className='rating-field-error'>{errors.level}</Text>}
              </View>

              {level !== null && (
                <View className='bm-card'>
                  <Text className='rating-section-title'>{bad ? '不满意的原因（至少选一项或写明理由）' : '满意的地方（可多选）'}</Text>
                  <View className='rate__tags' data-testid='rate-tags'>
                    {(bad ? meta.bad : meta.good).map((tag) => (
                      <Text key={tag} className={`rating-chip${tags.includes(tag) ? ' rating-chip--on' : ''}`} onClick={() => toggleTag(tag)} data-testid={`tag-${tag}`}>{tag}</Text>
                    ))}
                  </View>
                  {fieldError('tags') && <Text className='rating-field-error' data-testid='error-tags'>{fieldError('tags')}</Text>}
                </View>
              )}

              <View className='bm-card'>
                <Text className='rating-section-title'>分项评价（选填）</Text>
                {meta.dimensions.map((d) => (
                  <StarRow key={d.key} label={d.label} value={dims[d.key as keyof Dims]} testId={`dim-${d.key}`}
                    onChange={(v) => setDims((x) => { const n = { ...x }; if (v === undefined) delete n[d.key as keyof Dims]; else n[d.key as keyof Dims] = v; return n })} />
                ))}
                {fieldError('dimensions') && <Text className='rating-field-error'>{fieldError('dimensions')}</Text>}
              </View>

              <View className='bm-card'>
                <Text className='rating-section-title'>{bad ? '不满意的理由' : '说说您的感受（选填）'}</Text>
                <Textarea className='rating-textarea' value={comment} maxlength={500} placeholder={bad ? `请写明理由（不少于 ${meta.badReasonMin} 个字），我们会认真核实整改` : '您的意见能帮助我们改进服务'}
                  onInput={(e) => { setComment(e.detail.value); if (errors.comment) setErrors({}) }} data-testid='rate-comment' />
                <Text className='rating-muted'>{comment.length}/500</Text>
                {fieldError('comment') && <Text className='rating-field-error' data-testid='error-comment'>{fieldError('comment')}</Text>}
              </View>

              <View className='rate__submit'>
                {formError && <Text className='rating-field-error rate__form-error' data-testid='rate-error'>{formError}</Text>}
                <Button className={`bm-button bm-button--primary bm-button--block${submitting ? ' bm-button--disabled' : ''}`} disabled={submitting} onClick={() => void submit()} data-testid='rate-submit'>
                  {submitting ? '正在提交…' : '提交评价'}
                </Button>
                {bad && <Text className='rating-muted rate__hint'>差评将转交责任单位核实整改，并在 {meta.rectificationWorkdays} 个工作日内回访您。</Text>}
              </View>
            </>
          )}
        </>
      )}
    </PageRoot>
  )
}
