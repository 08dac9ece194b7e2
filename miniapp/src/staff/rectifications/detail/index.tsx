// One 差评整改 case: the rating, the contact for the 回访 call (revealed on demand, audited), the steps so far, the
// next actions with a note, and the 申诉 (误评 / 恶意差评) for a higher org's reviewer.
import { useCallback, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { appealReasonLabels, appealStatusLabels, type Contract, type RectificationAction, type ResponseOf } from '@bianmin/shared'
import { ApiError, staffApi } from '@/api/client'
import { PageState } from '@/components/page-state'
import { Face } from '@/components/rating/faces'
import { Timeline } from '@/components/rating/timeline'
import { formatDate, formatTime, rectStatusLabel } from '@/components/rating/format'
import { StaffPage } from '../../shell/staff-page'
import { requireStaff, staffError } from '../../shell/session'
import '@/components/rating/rating.scss'
import './index.scss'

type Detail = ResponseOf<Contract['getRectification']>
const actionRoutes = {
  verify: { route: 'verifyRectification', label: '核实' },
  rectify: { route: 'rectifyRectification', label: '整改' },
  explain: { route: 'explainRectification', label: '解释说明' },
  revisit: { route: 'revisitRectification', label: '回访' },
  close: { route: 'closeRectification', label: '办结' },
} as const
const notePlaceholder: Record<RectificationAction, string> = {
  verify: '核实情况：是否属实、原因',
  rectify: '整改措施',
  explain: '解释说明的内容（如诉求无法律依据）',
  revisit: '回访情况：回访方式、群众意见',
  close: '整改结果（将告知评价人）',
}

export default function RectificationDetailPage () {
  const id = useRouter().params.id ?? ''
  const [d, setD] = useState<Detail | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [actError, setActError] = useState('')
  const [phone, setPhone] = useState('')
  const [appealReason, setAppealReason] = useState<'MISTAKEN' | 'MALICIOUS'>('MISTAKEN')
  const [appealNote, setAppealNote] = useState('')

  const load = useCallback(async () => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      setD(await staffApi('getRectification', { params: { id } }))
    } catch (e) {
      const m = staffError(e)
      if (m) setError(m)
    } finally {
      setLoading(false)
    }
  }, [id])

  useDidShow(() => { void load() })

  async function run (fn: () => Promise<void>) {
    setBusy(true)
    setActError('')
    try {
      await fn()
    } catch (e) {
      const m = staffError(e)
      if (m) setActError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? Object.values(e.fieldErrors())[0] ?? m : m)
    } finally {
      setBusy(false)
    }
  }
  const act = (a: RectificationAction) => run(async () => {
    setD(await staffApi(actionRoutes[a].route, { params: { id }, body: { note } }))
    setNote('')
    void Taro.showToast({ title: `已${actionRoutes[a].label}`, icon: 'success' })
  })
  const reveal = () => run(async () => { setPhone((await staffApi('revealRectificationContact', { params: { id } })).phone) })
  const appeal = () => run(async () => {
    await staffApi('appealRating', { params: { id }, body: { reason: appealReason, note: appealNote } })
    setAppealNote('')
    await load()
  })

  return (
    <StaffPage title='整改详情' section='staffRectifications' className='rect-detail'>
      {loading && !d && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {d && (
        <>
          <View className='bm-card'>
            <View className='rect-detail__head'>
              <Text className='rating-section-title'>{d.rating.subject?.title ?? '办件'}</Text>
              <Text className={`rating-badge${d.status === 'CLOSED' ? ' rating-badge--ok' : d.overdue ? ' rating-badge--danger' : ''}`} data-testid='rect-status'>
                {rectStatusLabel(d.status)}{d.overdue ? '（已超期）' : ''}
              </Text>
            </View>
            <Text className='rating-muted'>{[d.orgName, d.rating.subject?.hallName].filter(Boolean).join(' · ')} · 办结 {formatTime(d.rating.subject?.doneAt)}</Text>
            <View className='rect-detail__level'>
              <Face level={d.rating.level} size='small' />
              <Text className='rect-detail__level-label'>{d.rating.levelLabel}</Text>
              <Text className='rating-muted'>{formatTime(d.rating.createdAt)}</Text>
            </View>
            {d.rating.tags.length > 0 && <View className='rect-detail__tags'>{d.rating.tags.map((t) => <Text key={t} className='rating-chip'>{t}</Text>)}</View>}
            {d.rating.comment && <Text className='rect-detail__comment'>{d.rating.comment}</Text>}
            <Text className='rating-muted'>{d.status === 'CLOSED' ? `办结于 ${formatTime(d.closedAt)}` : `须于 ${formatDate(d.dueAt)} 前办结`}</Text>
            {d.rating.excluded && <Text className='rating-badge rating-badge--muted'>申诉成立，不计入统计</Text>}
          </View>

          {d.contact && (
            <View className='bm-card rect-detail__contact'>
              <Text className='rating-section-title'>评价人（实名）</Text>
              <Text>{d.contact.name} <Text data-testid='contact-phone'>{phone || d.contact.phone}</Text></Text>
              {!phone && <Button className='bm-button rect-detail__reveal' disabled={busy} onClick={() => void reveal()} data-testid='reveal-phone'>查看完整号码以回访</Button>}
              <Text className='rating-muted'>查看完整号码会记入审计日志。</Text>
            </View>
          )}

          <View className='bm-card'>
            <Text className='rating-section-title'>办理过程</Text>
            <Timeline opened={d.createdAt} steps={d.steps} />
            {d.result && <Text className='rect-detail__result' data-testid='rect-result'>整改结果：{d.result}</Text>}
            {d.residentSatisfied !== null && <Text className='rating-muted'>评价人反馈：{d.residentSatisfied ? '满意' : '不满意'}</Text>}
          </View>

          {d.nextActions.length > 0 && (
            <View className='bm-card' data-testid='rect-actions'>
              <Text className='rating-section-title'>下一步</Text>
              <Textarea className='rating-textarea' value={note} maxlength={1000} placeholder={notePlaceholder[d.nextActions[0]!]} onInput={(e) => setNote(e.detail.value)} data-testid='rect-note' />
              {actError && <Text className='rating-field-error' data-testid='rect-error'>{actError}</Text>}
              <View className='rating-actions'>
                {d.nextActions.map((a) => (
                  <Button key={a} className='bm-button bm-button--primary' disabled={busy} onClick={() => void act(a)} data-testid={`action-${a}`}>{actionRoutes[a].label}</Button>
                ))}
              </View>
            </View>
          )}

          <View className='bm-card'>
            <Text className='rating-section-title'>申诉复核</Text>
            {d.appeals.map((a) => (
              <View key={a.id} className='rect-detail__appeal' data-testid='appeal'>
                <Text>{appealReasonLabels[a.reason]}：{a.note}</Text>
                <Text className='rating-muted'>{appealStatusLabels[a.status]}{a.decisionNote ? `（${a.decisionNote}）` : ''} · {formatTime(a.createdAt)}</Text>
              </View>
            ))}
            {d.appeals.length === 0 && (
              <>
                <Text className='rating-muted'>确属误评或恶意差评的，可提请上级机构复核；复核成立的评价不计入统计，但不会删除。</Text>
                <View className='rect-detail__reasons'>
                  {(['MISTAKEN', 'MALICIOUS'] as const).map((r) => (
                    <Text key={r} className={`rating-chip${appealReason === r ? ' rating-chip--on' : ''}`} onClick={() => setAppealReason(r)}>{appealReasonLabels[r]}</Text>
                  ))}
                </View>
                <Textarea className='rating-textarea' value={appealNote} maxlength={1000} placeholder='申诉理由和依据（不少于 5 个字）' onInput={(e) => setAppealNote(e.detail.value)} />
                <Button className='bm-button bm-button--block rect-detail__gap' disabled={busy} onClick={() => void appeal()} data-testid='appeal-submit'>提交申诉</Button>
              </>
            )}
          </View>
        </>
      )}
    </StaffPage>
  )
}
