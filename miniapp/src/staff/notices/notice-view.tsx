// One notice as staff see it, with the actions their roles allow in its state. Its own page on a phone,
// beside the list on a desk.
import { useState } from 'react'
import { RichText, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { noticeStatusLabels, type Role } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, ConfirmInline, Field, FormError, go, Loaded, Section, Tag, useResource, useSubmit } from '@/kit'
import { openAttachment } from '@/pages/notices/parts/attachment'
import { dateTimeText, repeatsBody, sizeText, type StaffNotice } from '@/pages/notices/parts/notice.format'
import { useStaffMe } from '../shell/me'
import { NoticeStatusTag } from './notice-tags'

type Action = 'submit' | 'approve' | 'reject' | 'withdraw'
const done: Record<Action, string> = { submit: '已提交审核', approve: '已审核发布', reject: '已退回修改', withdraw: '已撤回' }

/** `page`: on its own page, loaded again whenever the page shows (back from the edit form); beside a list: once. */
export function NoticeView ({ id, onChange, page }: { id: string; onChange?: () => void; page?: boolean }) {
  const r = useResource(() => staffApi('getStaffNotice', { params: { id } }), [id], { on: page ? 'show' : 'mount' })
  return <Loaded resource={r}>{(n) => <NoticeBody n={n} onChange={(next) => { r.setData(next); onChange?.() }} />}</Loaded>
}

function NoticeBody ({ n, onChange }: { n: StaffNotice; onChange: (n: StaffNotice) => void }) {
  const { staff } = useStaffMe()
  const roles: readonly Role[] = staff?.roles ?? []
  const [reason, setReason] = useState('')
  const act = useSubmit((action: Action) => {
    const p = { params: { id: n.id } }
    return action === 'submit' ? staffApi('submitNotice', p)
      : action === 'approve' ? staffApi('approveNotice', p)
        : action === 'reject' ? staffApi('rejectNotice', { ...p, body: { reason } })
          : staffApi('withdrawNotice', { ...p, body: reason.trim() ? { reason } : {} })
  }, {
    // 退回 needs its reason before anything is sent.
    validate: (action) => ({ reason: action === 'reject' && reason.trim().length < 2 ? '请填写退回原因（至少 2 个字）' : undefined }),
    onSuccess: (next, action) => { onChange(next); setReason(''); void Taro.showToast({ title: done[action], icon: 'success' }) },
  })
  const [confirming, setConfirming] = useState(false)

  const can = (r: Role) => roles.includes(r)
  const editable = (n.status === 'DRAFT' || n.status === 'REJECTED') && can('EDITOR')
  const reviewable = n.status === 'PENDING_REVIEW' && can('REVIEWER')
  const withdrawable = n.status === 'PUBLISHED' && can('REVIEWER')
  return (
    <View className='staff-case'>
      <Section>
        <Text className='staff-case__title'>{n.title}</Text>
        <View className='staff-tags staff-case__line'>
          <NoticeStatusTag status={n.status} testId='staff-notice-status' />
          <Tag tone='muted'>{n.category}</Tag>
          {n.pinned && <Tag tone='warning'>置顶</Tag>}
          <Text>{n.orgName}</Text>
          <Text>{`起草：${n.authorName}`}</Text>
          {n.reviewerName && <Text>{`审核：${n.reviewerName}`}</Text>}
          {n.publishAt && <Text>{`定时发布：${dateTimeText(n.publishAt)}`}</Text>}
          {n.publishedAt && <Text>{`发布：${dateTimeText(n.publishedAt)}`}</Text>}
          {n.status !== 'DRAFT' && <Text>{`阅读 ${n.views}`}</Text>}
        </View>
        {n.status === 'REJECTED' && n.rejectReason && <Text className='staff-case__line staff-text--danger' data-testid='staff-notice-reason'>{`退回原因：${n.rejectReason}`}</Text>}
        {!repeatsBody(n.summary, n.body) && <Text className='staff-case__line' data-testid='staff-notice-summary'>{`摘要：${n.summary}`}</Text>}
        <RichText className='staff-case__body staff-case__rich' nodes={n.body} />
      </Section>

      {n.attachments.length > 0 && (
        <Section title='附件'>
          {n.attachments.map((a) => <Text key={a.id} className='staff-link' onClick={() => void openAttachment(a.url, a.mime)}>{`📎 ${a.name}（${sizeText(a.size)}）`}</Text>)}
        </Section>
      )}
      {n.related.length > 0 && (
        <Section title={n.category === '政策解读' ? '解读的政策文件（三同步）' : '本文件的政策解读（三同步）'}>
          {n.related.map((r) => <Text key={r.id} className='staff-link' onClick={() => go('staffNoticeDetail', { id: r.id })}>{`【${noticeStatusLabels[r.status]}】${r.title}`}</Text>)}
        </Section>
      )}

      <View className='staff-case__actions'>
        <FormError error={act.error} testId='staff-notice-error' />
        {editable && (
          <Actions column>
            <Action kind='primary' block busy={act.busy} onClick={() => void act.run('submit')} testId='staff-notice-submit'>提交审核</Action>
            <Action block onClick={() => go('staffNoticeEdit', { id: n.id })} testId='staff-notice-edit'>修改</Action>
          </Actions>
        )}
        {reviewable && n.authorId === staff?.id && <Text className='staff-case__line'>这是您起草的信息，须由其他审核人员审核。</Text>}
        {(reviewable || withdrawable) && (
          <Field kind='textarea' label={reviewable ? '退回原因' : '撤回原因'} value={reason} maxlength={500} testId='staff-notice-reason-input'
            placeholder={reviewable ? '退回时请填写原因（通过发布可不填）' : '撤回原因（可不填）'} onChange={setReason} error={act.errors.reason} />
        )}
        {reviewable && confirming && (
          <ConfirmInline title='审核通过并发布？' confirmText='确认发布'
            content={n.publishAt && Date.parse(n.publishAt) > Date.now() ? `将于 ${dateTimeText(n.publishAt)} 发布，届时群众即可看到。` : '发布后群众立即可以看到；政策文件与其解读一并发布。'}
            onAnswer={(ok) => { setConfirming(false); if (ok) void act.run('approve') }} />
        )}
        {reviewable && !confirming && (
          <Actions column>
            <Action kind='primary' block busy={act.busy} onClick={() => setConfirming(true)} testId='staff-notice-approve'>
              {n.publishAt && Date.parse(n.publishAt) > Date.now() ? '审核通过（到时发布）' : '审核通过并发布'}
            </Action>
            <Action kind='danger' block busy={act.busy} onClick={() => void act.run('reject')} testId='staff-notice-reject'>退回修改</Action>
          </Actions>
        )}
        {withdrawable && <Action kind='danger' block busy={act.busy} onClick={() => void act.run('withdraw')} testId='staff-notice-withdraw'>撤回</Action>}
      </View>
    </View>
  )
}
