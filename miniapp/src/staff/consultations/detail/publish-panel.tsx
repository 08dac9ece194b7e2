import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { staffConsultationView } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, useSubmit } from '@/kit'

type Case = z.infer<typeof staffConsultationView>

/** 公开答复: only with the resident's consent and after an answer; the server masks personal data. */
export function PublishPanel ({ c, onChange }: { c: Case; onChange: (next: Case) => void }) {
  const defaultAnswer = c.messages.filter((m) => m.authorType === 'STAFF').map((m) => m.content).join('\n\n')
  const [title, setTitle] = useState(c.publicTitle ?? c.title)
  const [question, setQuestion] = useState(c.publicQuestion ?? c.content)
  const [answer, setAnswer] = useState(c.publicAnswer ?? defaultAnswer)
  const run = useSubmit((action: 'publish' | 'unpublish') => action === 'publish'
    ? staffApi('publishConsultation', { params: { id: c.id }, body: { publicTitle: title, publicQuestion: question, publicAnswer: answer } })
    : staffApi('unpublishConsultation', { params: { id: c.id } }), {
    onSuccess: (next, action) => {
      onChange(next)
      if (next.published) { setTitle(next.publicTitle ?? title); setQuestion(next.publicQuestion ?? question); setAnswer(next.publicAnswer ?? answer) }
      void Taro.showToast({ title: action === 'publish' ? '已公开' : '已取消公开', icon: 'success' })
    },
  })

  if (!c.allowPublish) return <Text className='staff-text--muted'>居民未同意公开，此留言不能公开。</Text>
  if (c.status !== 'REPLIED' && c.status !== 'CLOSED') return <Text className='staff-text--muted'>答复后可将问答隐去个人信息后公开。</Text>

  return (
    <View>
      <Text className='staff-text--muted'>{c.published ? '已公开。下面是公开的内容（姓名、电话、证件号、住址、邮箱已自动隐去）。' : '公开前可修改；姓名、电话、证件号、住址、邮箱会自动隐去。'}</Text>
      <Field label='公开标题' value={title} maxlength={50} onChange={setTitle} error={run.errors.publicTitle} />
      <Field kind='textarea' label='问题' value={question} maxlength={2000} onChange={setQuestion} testId='cs-public-question' error={run.errors.publicQuestion} />
      <Field kind='textarea' label='答复' value={answer} maxlength={2000} onChange={setAnswer} error={run.errors.publicAnswer} />
      <FormError error={run.error} />
      <Actions>
        <Action kind='primary' busy={run.busy} onClick={() => void run.run('publish')} testId='cs-publish'>{c.published ? '更新公开内容' : '公开'}</Action>
        {c.published && <Action kind='danger' busy={run.busy} onClick={() => void run.run('unpublish')}>取消公开</Action>}
      </Actions>
    </View>
  )
}
