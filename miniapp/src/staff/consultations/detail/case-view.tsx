// One case for the handler: the question, thread, reply box, assignment and publishing. Its own page on a phone,
// beside the inbox on a desk.
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { staffConsultationView } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, Loaded, Section, useResource, useSubmit } from '@/kit'
import { dueText, timeText } from '@/pages/consultations/parts/consultation.format'
import { ImageGrid, Thread } from '@/pages/consultations/parts/consultation-thread'
import { CaseTags, dueTone } from '../case-tags'
import { PublishPanel } from './publish-panel'

type Case = z.infer<typeof staffConsultationView>

const toast = (title: string) => void Taro.showToast({ title, icon: 'success' })

export function ConsultationCase ({ id, onChange }: { id: string; onChange?: () => void }) {
  const r = useResource(async () => {
    const [view, cands] = await Promise.all([staffApi('getStaffConsultation', { params: { id } }), staffApi('listConsultationHandlers', { params: { id } })])
    return { view, handlers: cands.items }
  }, [id], { on: 'mount' })
  const changed = (view: Case) => { r.setData((d) => (d ? { ...d, view } : d)); onChange?.() }
  return <Loaded resource={r}>{(d) => <CaseBody c={d.view} handlers={d.handlers} onChange={changed} />}</Loaded>
}

function CaseBody ({ c, handlers, onChange }: { c: Case; handlers: { id: string; name: string; orgName: string }[]; onChange: (c: Case) => void }) {
  const [reply, setReply] = useState('')
  const send = useSubmit((content: string) => staffApi('replyConsultation', { params: { id: c.id }, body: { content } }), {
    onSuccess: (next) => { onChange(next); setReply(''); toast('已答复') },
  })
  const assign = useSubmit((to: { handlerId?: string; done: string }) => staffApi('assignConsultation', { params: { id: c.id }, body: to.handlerId ? { handlerId: to.handlerId } : {} }), {
    onSuccess: (next, to) => { onChange(next); toast(to.done) },
  })
  const due = dueText(c)
  const open = c.status !== 'CLOSED'
  return (
    <View className='staff-case'>
      <Section>
        <View className='staff-tags'>
          <CaseTags c={c} />
          <Text className='staff-text--muted'>{`收到 ${timeText(c.createdAt)}`}</Text>
        </View>
        <Text className='staff-case__title' data-testid='cs-staff-title'>{c.title}</Text>
        <Text className='staff-case__line'>{`受理单位：${c.orgName}　办理人：${c.assignee?.name ?? '未分派'}`}</Text>
        {due && <Text className={`staff-case__line staff-text--${dueTone[due.tone]}`}>{due.text}</Text>}
        {c.repliedOnTime !== null && <Text className={`staff-case__line staff-text--${c.repliedOnTime ? 'success' : 'danger'}`}>{c.repliedOnTime ? '已按时答复' : '超期答复'}</Text>}
        <View className='staff-case__body'><Text userSelect>{c.content}</Text></View>
        <ImageGrid images={c.images} />
        <Text className='staff-case__line'>
          {c.contactConsent ? (c.contactPhone ? `居民同意联系：${c.contactPhone}` : '居民同意联系（未留存手机号）') : '居民未同意电话联系，请在此答复'}
        </Text>
      </Section>

      <Section title='往来记录'>
        {c.messages.length ? <Thread messages={c.messages} residentLabel='居民' /> : <Text className='staff-text--muted'>尚未答复</Text>}
      </Section>

      {open && (
        <Section title='答复居民'>
          <Field kind='textarea' label='答复内容' value={reply} maxlength={2000} placeholder='请填写答复内容（答复后会通知居民）' testId='cs-reply'
            onChange={(v) => { setReply(v); send.clear('content') }} error={send.errors.content} errorTestId='cs-reply-error' />
          {!send.errors.content && <FormError error={send.error} />}
          <Actions><Action kind='primary' busy={send.busy} onClick={() => void send.run(reply)} testId='cs-reply-send'>答复</Action></Actions>
        </Section>
      )}

      {open && (
        <Section title='分派'>
          <Actions>
            <Action busy={assign.busy} onClick={() => void assign.run({ done: '已分派给我' })} testId='cs-assign-me'>我来办理</Action>
            {handlers.length > 0 && (
              <Picker mode='selector' range={handlers.map((h) => `${h.name}（${h.orgName}）`)} onChange={(e) => {
                const h = handlers[Number(e.detail.value)]
                if (h) void assign.run({ handlerId: h.id, done: `已分派给${h.name}` })
              }}>
                <Action>分派给…</Action>
              </Picker>
            )}
          </Actions>
          <FormError error={assign.error} />
        </Section>
      )}

      <Section title='公开答复'>
        <PublishPanel key={`${c.status}-${String(c.published)}`} c={c} onChange={onChange} />
      </Section>
    </View>
  )
}
