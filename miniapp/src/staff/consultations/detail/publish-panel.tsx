import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { staffConsultationView } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'

type Case = z.infer<typeof staffConsultationView>

/** 公开答复: only with the resident's consent and after an answer; the server masks personal data. */
export function PublishPanel ({ c, onChange }: { c: Case; onChange: (next: Case) => void }) {
  const defaultAnswer = c.messages.filter((m) => m.authorType === 'STAFF').map((m) => m.content).join('\n\n')
  const [title, setTitle] = useState(c.publicTitle ?? c.title)
  const [question, setQuestion] = useState(c.publicQuestion ?? c.content)
  const [answer, setAnswer] = useState(c.publicAnswer ?? defaultAnswer)
  const [busy, setBusy] = useState(false)

  if (!c.allowPublish) return <Text className='cs-meta'>居民未同意公开，此留言不能公开。</Text>
  if (c.status !== 'REPLIED' && c.status !== 'CLOSED') return <Text className='cs-meta'>答复后可将问答隐去个人信息后公开。</Text>

  const run = async (action: 'publish' | 'unpublish') => {
    setBusy(true)
    try {
      const next = action === 'publish'
        ? await staffApi('publishConsultation', { params: { id: c.id }, body: { publicTitle: title, publicQuestion: question, publicAnswer: answer } })
        : await staffApi('unpublishConsultation', { params: { id: c.id } })
      onChange(next)
      if (next.published) { setTitle(next.publicTitle ?? title); setQuestion(next.publicQuestion ?? question); setAnswer(next.publicAnswer ?? answer) }
      void Taro.showToast({ title: action === 'publish' ? '已公开' : '已取消公开', icon: 'success' })
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='cs-meta'>{c.published ? '已公开。下面是公开的内容（姓名、电话、证件号、住址、邮箱已自动隐去）。' : '公开前可修改；姓名、电话、证件号、住址、邮箱会自动隐去。'}</Text>
      <View className='cs-field'>
        <Text className='cs-field__label'>公开标题</Text>
        <Input className='cs-field__input' value={title} maxlength={50} onInput={(e) => setTitle(e.detail.value)} />
      </View>
      <View className='cs-field'>
        <Text className='cs-field__label'>问题</Text>
        <Textarea className='cs-field__textarea' value={question} maxlength={2000} onInput={(e) => setQuestion(e.detail.value)} data-testid='cs-public-question' />
      </View>
      <View className='cs-field'>
        <Text className='cs-field__label'>答复</Text>
        <Textarea className='cs-field__textarea' value={answer} maxlength={2000} onInput={(e) => setAnswer(e.detail.value)} />
      </View>
      <View className='cs-actions' style={{ margin: '12px 0 0' }}>
        <Button className={`bm-button bm-button--primary${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void run('publish')} data-testid='cs-publish'>
          {c.published ? '更新公开内容' : '公开'}
        </Button>
        {c.published && <Button className='bm-button bm-button--danger' disabled={busy} onClick={() => void run('unpublish')}>取消公开</Button>}
      </View>
    </View>
  )
}
