// The 评价器's form for one finished service: five faces, the level's tags, a reason (required for 差评 without a tag).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isBadLevel, windowRatingInput, type ResponseOf, type Contract, type WindowRatingTarget } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { RatingFaces } from '@/components/rating/faces'
import { aria, Action, Field, FormError, useSubmit } from '@/kit'

type Meta = ResponseOf<Contract['getRatingTags']>
type Target = NonNullable<WindowRatingTarget['target']>

export function RaterForm ({ windowId, target, meta, onRated }: { windowId: string; target: Target; meta: Meta; onRated: () => void }) {
  const [level, setLevel] = useState<number | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const submit = useSubmit(
    (body: { level: number; tags: string[]; comment?: string }) => staffApi('rateAtWindow', { params: { id: windowId }, body }),
    { schema: windowRatingInput, validate: (b) => ({ level: b.level ? undefined : '请选择满意程度' }), onSuccess: onRated },
  )
  const bad = level !== null && isBadLevel(level)
  const choose = (l: number) => {
    if (level === null || isBadLevel(l) !== isBadLevel(level)) setTags([])
    setLevel(l)
    submit.reset()
  }
  const toggle = (tag: string) => { setTags((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag])); submit.clear('tags') }
  const send = () => void submit.run({ level: level ?? 0, tags, ...(comment.trim() ? { comment: comment.trim() } : {}) })

  return (
    <View className='rater__form' data-testid='rater-form'>
      <Text className='rater__title' {...aria('heading', { 'aria-level': 1 })}>请对本次服务作出评价</Text>
      <Text className='rater__subject' data-testid='rater-subject'>{`${target.number} · ${target.serviceItemName}`}</Text>
      <RatingFaces value={level} onChange={choose} />
      {submit.errors.level && <Text className='bm-field__error'>{submit.errors.level}</Text>}
      {level !== null && (
        <View className='rater__tags-block'>
          <Text className='rater__h'>{bad ? '不满意的原因（至少选一项或写明理由）' : '满意的地方（可多选）'}</Text>
          <View className='rater__tags' {...aria('group', { 'aria-label': bad ? '不满意的原因' : '满意的地方' })} data-testid='rater-tags'>
            {(bad ? meta.bad : meta.good).map((tag) => (
              <View key={tag} className={`bm-choice${tags.includes(tag) ? ' bm-choice--on' : ''}`} onClick={() => toggle(tag)}
                {...aria('checkbox', { 'aria-checked': tags.includes(tag) })} data-testid={`rater-tag-${tag}`}>{tag}</View>
            ))}
          </View>
          {submit.errors.tags && <Text className='bm-field__error' data-testid='rater-error-tags'>{submit.errors.tags}</Text>}
          {bad && (
            <Field kind='textarea' label='不满意的理由（选填）' name='不满意的理由' value={comment} maxlength={500}
              placeholder={`没有合适的原因时请写明理由（不少于 ${meta.badReasonMin} 个字）`}
              onChange={(v) => { setComment(v); submit.clear('tags'); submit.clear('comment') }} error={submit.errors.comment} testId='rater-comment' />
          )}
        </View>
      )}
      <FormError error={submit.error && !Object.values(submit.errors).some(Boolean) ? submit.error : ''} testId='rater-error' />
      <Action kind='primary' block busy={submit.busy} busyText='正在提交…' disabled={level === null} onClick={send} testId='rater-submit'>提交评价</Action>
      {bad && <Text className='rater__hint'>差评将转交责任单位核实整改。</Text>}
    </View>
  )
}
