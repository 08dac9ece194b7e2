import { useCallback, useState } from 'react'
import { Button, RichText, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { noticeStatusLabels, type Role } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import { requireStaff } from '../../shell/session'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { openAttachment } from '@/pages/notices/parts/attachment'
import { dateTimeText, sizeText, type StaffNotice } from '@/pages/notices/parts/notice.format'
import { staffNoticeUrl } from '../staff-notice-list'
import '@/pages/notices/parts/notice.scss'
import { go } from '@/kit/nav'

type Action = 'submit' | 'approve' | 'reject' | 'withdraw'
const done: Record<Action, string> = { submit: '已提交审核', approve: '已审核发布', reject: '已退回修改', withdraw: '已撤回' }

/** One notice as staff see it, with the actions their roles allow in its state. */
export default function StaffNoticeDetailPage () {
  const { params } = useRouter()
  const [n, setN] = useState<StaffNotice | null>(null)
  const [roles, setRoles] = useState<Role[]>([])
  const [me, setMe] = useState('')
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [actionError, setActionError] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      const [who, notice] = await Promise.all([staffApi('getMe'), staffApi('getStaffNotice', { params: { id: params.id ?? '' } })])
      if (who.type === 'staff') { setRoles(who.staff.roles); setMe(who.staff.id) }
      setN(notice)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [params.id])

  useDidShow(() => { void load() })

  const act = async (action: Action) => {
    if (!n) return
    setBusy(true)
    setActionError('')
    try {
      const p = { params: { id: n.id } }
      const next = action === 'submit' ? await staffApi('submitNotice', p)
        : action === 'approve' ? await staffApi('approveNotice', p)
          : action === 'reject' ? await staffApi('rejectNotice', { ...p, body: { reason } })
            : await staffApi('withdrawNotice', { ...p, body: reason.trim() ? { reason } : {} })
      setN(next)
      setReason('')
      void Taro.showToast({ title: done[action], icon: 'success' })
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const can = (r: Role) => roles.includes(r)
  const editable = n && (n.status === 'DRAFT' || n.status === 'REJECTED') && can('EDITOR')
  const reviewable = n && n.status === 'PENDING_REVIEW' && can('REVIEWER')
  const withdrawable = n && n.status === 'PUBLISHED' && can('REVIEWER')
  const btn = (cls: string) => `bm-button bm-button--block ${cls}${busy ? ' bm-button--disabled' : ''}`

  return (
    <PageRoot className='nt-page'>
      {loading && !n && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {n && (
        <>
          <View className='bm-card nt-detail'>
            <Text className='nt-detail__title'>{n.title}</Text>
            <View className='nt-detail__meta'>
              <Text className={`nt-tag nt-tag--${n.status}`} data-testid='staff-notice-status'>{noticeStatusLabels[n.status]}</Text>
              <Text className='nt-tag'>{n.category}</Text>
              {n.pinned && <Text className='nt-tag nt-tag--pin'>置顶</Text>}
              <Text>{n.orgName}</Text>
              <Text>{`起草：${n.authorName}`}</Text>
              {n.reviewerName && <Text>{`审核：${n.reviewerName}`}</Text>}
              {n.publishAt && <Text>{`定时发布：${dateTimeText(n.publishAt)}`}</Text>}
              {n.publishedAt && <Text>{`发布：${dateTimeText(n.publishedAt)}`}</Text>}
              {n.status !== 'DRAFT' && <Text>{`阅读 ${n.views}`}</Text>}
            </View>
            {n.status === 'REJECTED' && n.rejectReason && <Text className='nt-detail__warn' data-testid='staff-notice-reason'>{`退回原因：${n.rejectReason}`}</Text>}
            {n.summary && <Text className='nt-detail__note'>{`摘要：${n.summary}`}</Text>}
            <RichText className='nt-detail__body' nodes={n.body} />
          </View>

          {n.attachments.length > 0 && (
            <View className='bm-card nt-detail'>
              <Text className='nt-detail__section'>附件</Text>
              {n.attachments.map((a) => <Text key={a.id} className='nt-detail__link' onClick={() => void openAttachment(a.url, a.mime)}>{`📎 ${a.name}（${sizeText(a.size)}）`}</Text>)}
            </View>
          )}
          {n.related.length > 0 && (
            <View className='bm-card nt-detail'>
              <Text className='nt-detail__section'>{n.category === '政策解读' ? '解读的政策文件（三同步）' : '本文件的政策解读（三同步）'}</Text>
              {n.related.map((r) => (
                <Text key={r.id} className='nt-detail__link' onClick={() => void Taro.navigateTo({ url: staffNoticeUrl(r.id) })}>{`【${noticeStatusLabels[r.status]}】${r.title}`}</Text>
              ))}
            </View>
          )}

          <View className='nt-actions'>
            {actionError && <Text className='nt-detail__warn' data-testid='staff-notice-error'>{actionError}</Text>}
            {editable && (
              <>
                <Button className={btn('bm-button--primary')} disabled={busy} onClick={() => void act('submit')} data-testid='staff-notice-submit'>提交审核</Button>
                <Button className={btn('')} onClick={() => void go('staffNoticeEdit', { id: n.id })} data-testid='staff-notice-edit'>修改</Button>
              </>
            )}
            {reviewable && n.authorId === me && <Text className='nt-detail__note'>这是您起草的信息，须由其他审核人员审核。</Text>}
            {(reviewable || withdrawable) && (
              <Textarea className='nt-field__textarea' value={reason} maxlength={500} placeholder={reviewable ? '退回时请填写原因（通过发布可不填）' : '撤回原因（可不填）'}
                onInput={(e) => setReason(e.detail.value)} data-testid='staff-notice-reason-input' />
            )}
            {reviewable && (
              <>
                <Button className={btn('bm-button--primary')} disabled={busy} onClick={() => void act('approve')} data-testid='staff-notice-approve'>
                  {n.publishAt && Date.parse(n.publishAt) > Date.now() ? '审核通过（到时发布）' : '审核通过并发布'}
                </Button>
                <Button className={btn('bm-button--danger')} disabled={busy} onClick={() => void act('reject')} data-testid='staff-notice-reject'>退回修改</Button>
              </>
            )}
            {withdrawable && <Button className={btn('bm-button--danger')} disabled={busy} onClick={() => void act('withdraw')} data-testid='staff-notice-withdraw'>撤回</Button>}
          </View>
        </>
      )}
    </PageRoot>
  )
}
