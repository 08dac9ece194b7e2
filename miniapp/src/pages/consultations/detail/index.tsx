import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { contract, type Contract, type ResponseOf } from '@bianmin/shared'
import { api } from '@/api/client'
import { Action, Actions, Field, FormError, Loaded, PageRoot, Section, StatusTag, Tag, go, useConfirm, useResource, useSubmit } from '@/kit'
import { consultationStatus, dueText, kindLabel, timeText } from '../parts/consultation.format'
import { ImageGrid, Thread } from '../parts/consultation-thread'
import '../parts/consultation.scss'

type ConsultationView = ResponseOf<Contract['getConsultation']>
type MessageBody = typeof contract.addConsultationMessage.body._input

/** Follow up (or add to the question) while the case is open; 确认办结 only once staff have answered. */
function FollowUp ({ c, onChange }: { c: ConsultationView; onChange: (c: ConsultationView) => void }) {
  const [reply, setReply] = useState('')
  const { ask, panel } = useConfirm()
  const send = useSubmit((body: MessageBody) => api('addConsultationMessage', { params: { id: c.id }, body }), {
    schema: contract.addConsultationMessage.body,
    validate: (b) => ({ content: b.content.trim() ? undefined : '请先写下要补充的内容' }),
    errorPrefix: '发送未成功：',
    onSuccess: (next) => { setReply(''); onChange(next); void Taro.showToast({ title: '已发送', icon: 'success' }) },
  })
  const close = useSubmit(() => api('closeConsultation', { params: { id: c.id } }), { errorPrefix: '办结未成功：', onSuccess: onChange })
  const answered = c.firstRepliedAt !== null
  const confirmClose = async () => {
    if (await ask({ key: 'close', title: '确认办结', content: '确认问题已解决？办结后不能再追问。', confirmText: '确认办结', cancelText: '还没有' })) void close.run(undefined)
  }
  const label = c.status === 'REPLIED' ? '继续追问' : '补充说明'
  return (
    <Section title={c.status === 'REPLIED' ? '还有疑问？继续追问' : '补充说明'}>
      <Field kind='textarea' label={label} value={reply} maxlength={2000} placeholder='请输入内容'
        onChange={(v) => { setReply(v); send.clear('content') }} testId='cs-followup' />
      <FormError error={send.errors.content || send.error || close.error} testId='cs-send-error' />
      {panel('close') ?? (
        <Actions>
          <Action kind='primary' busy={send.busy} disabled={close.busy} onClick={() => void send.run({ content: reply })} testId='cs-send'>发送</Action>
          {answered && <Action busy={close.busy} disabled={send.busy} onClick={() => void confirmClose()} testId='cs-close'>确认办结</Action>}
        </Actions>
      )}
      {!answered && <Text className='cs-meta' data-testid='cs-close-later'>工作人员答复后，您可以确认办结。</Text>}
    </Section>
  )
}

/** One case: the question, images, the answers and follow-ups; follow up while it is open, close it once answered. */
export default function ConsultationDetailPage () {
  const id = useRouter().params.id ?? ''
  const r = useResource(() => api('getConsultation', { params: { id } }), [id])
  const c = r.data
  if (!c) return <PageRoot><Loaded resource={r} notFoundDescription='该留言不存在，或不是您提交的。'>{() => null}</Loaded></PageRoot>

  const due = dueText(c)
  // 好差评 (一事一评): an answered case can be rated on the ratings page.
  const canRate = c.status === 'REPLIED' || c.status === 'CLOSED'
  return (
    <PageRoot className='cs-detail'>
      <View className='bm-card'>
        <View className='cs-meta'>
          <StatusTag map={consultationStatus} status={c.status} solid testId='cs-status' />
          <Tag>{kindLabel(c.kind)}</Tag>
          <Text>{`提交于 ${timeText(c.createdAt)}`}</Text>
        </View>
        <Text className='cs-title' data-testid='cs-detail-title'>{c.title}</Text>
        <Text className='cs-meta'>{`受理单位：${c.orgName}`}</Text>
        {due && <Text className={`cs-due cs-due--${due.tone}`} data-testid='cs-due'>{due.text}</Text>}
        <View className='cs-detail__content'><Text userSelect>{c.content}</Text></View>
        <ImageGrid images={c.images} />
      </View>

      <Section title='办理情况'>
        {c.messages.length === 0
          ? <Text className='cs-meta'>已收到您的留言，工作人员会在答复期限内回复，答复后会在“消息”里提醒您。</Text>
          : <Thread messages={c.messages} />}
        {c.status === 'REPLIED' && c.autoCloseAt && (
          <Text className='cs-meta cs-detail__note' data-testid='cs-auto-close'>{`已答复，尚未办结：如无追问，将于 ${timeText(c.autoCloseAt)} 自动办结。`}</Text>
        )}
        {c.status === 'CLOSED' && <Text className='cs-meta cs-detail__note'>{c.closedBy === 'AUTO' ? '答复后无追问，已自动办结。' : c.closedBy === 'RESIDENT' ? '您已确认办结。' : '已办结。'}</Text>}
      </Section>

      {c.status !== 'CLOSED' && <FollowUp c={c} onChange={(next) => r.setData(next)} />}

      {canRate && (
        <View className='cs-actions'>
          <Action kind='primary' block onClick={() => go('ratingRate', { subjectType: 'CONSULTATION', subjectId: c.id })} testId='cs-rate'>评价本次服务</Action>
        </View>
      )}
    </PageRoot>
  )
}
