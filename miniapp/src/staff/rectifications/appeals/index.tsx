// 申诉复核: appeals against ratings in my subtree; a reviewer of a higher org upholds (the rating leaves the
// statistics, never deleted) or dismisses them with a note.
import { useCallback, useRef, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { appealReasonLabels, appealStatusLabels, ratingLevelLabels, type Contract, type ResponseOf } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { PageState } from '@/components/page-state'
import { formatTime } from '@/components/rating/format'
import { StaffPage } from '../../shell/staff-page'
import { requireStaff, staffError } from '../../shell/session'
import '@/components/rating/rating.scss'
import './index.scss'

type Appeal = ResponseOf<Contract['listAppeals']>['items'][number]

export default function AppealsPage () {
  const [pendingOnly, setPendingOnly] = useState(true)
  const current = useRef(true)
  const [items, setItems] = useState<Appeal[] | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState('')

  const load = useCallback(async () => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      setItems((await staffApi('listAppeals', { query: { limit: 50, ...(current.current ? { status: 'PENDING' as const } : {}) } })).items)
    } catch (e) {
      const m = staffError(e)
      if (m) setError(m)
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => { void load() })
  const choose = (pending: boolean) => { current.current = pending; setPendingOnly(pending); void load() }

  const decide = async (a: Appeal, uphold: boolean) => {
    setBusy(a.id)
    try {
      const updated = await staffApi(uphold ? 'upholdAppeal' : 'dismissAppeal', { params: { id: a.id }, body: { note: notes[a.id] ?? '' } })
      setItems((xs) => xs?.map((x) => (x.id === a.id ? updated : x)) ?? null)
      void Taro.showToast({ title: uphold ? '申诉成立' : '已驳回', icon: 'success' })
    } catch (e) {
      const m = staffError(e)
      if (m) void Taro.showModal({ title: '操作未完成', content: m, showCancel: false })
    } finally {
      setBusy('')
    }
  }

  return (
    <StaffPage title='申诉复核' className='appeals'>
      <View className='appeals__filters'>
        <Text className={`rating-chip${pendingOnly ? ' rating-chip--on' : ''}`} onClick={() => choose(true)}>待复核</Text>
        <Text className={`rating-chip${!pendingOnly ? ' rating-chip--on' : ''}`} onClick={() => choose(false)}>全部</Text>
      </View>
      {loading && !items && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {!error && items?.length === 0 && <PageState status='empty' title='没有需要复核的申诉' />}
      {!error && items?.map((a) => (
        <View key={a.id} className='bm-card' data-testid={`appeal-${a.id}`}>
          <View className='appeals__head'>
            <Text className='appeals__title'>{a.rating.subjectTitle || '办件'}</Text>
            <Text className={`rating-badge${a.status === 'UPHELD' ? ' rating-badge--ok' : a.status === 'DISMISSED' ? ' rating-badge--muted' : ''}`}>{appealStatusLabels[a.status]}</Text>
          </View>
          <Text className='rating-muted'>{a.orgName} · {ratingLevelLabels[a.rating.level]} · {a.rating.tags.join('、')}</Text>
          {a.rating.comment && <Text className='appeals__line'>评价内容：{a.rating.comment}</Text>}
          <Text className='appeals__line'>{appealReasonLabels[a.reason]}：{a.note}</Text>
          <Text className='rating-muted'>{a.requestedByName ?? ''} 提出于 {formatTime(a.createdAt)}</Text>
          {a.decisionNote && <Text className='appeals__line'>复核意见：{a.decisionNote}（{a.decidedByName ?? ''}）</Text>}
          {a.canDecide && (
            <View className='appeals__decide'>
              <Textarea className='rating-textarea' value={notes[a.id] ?? ''} maxlength={1000} placeholder='复核意见'
                onInput={(e) => setNotes((n) => ({ ...n, [a.id]: e.detail.value }))} />
              <View className='rating-actions'>
                <Button className='bm-button bm-button--primary' disabled={busy === a.id} onClick={() => void decide(a, true)} data-testid='appeal-uphold'>申诉成立</Button>
                <Button className='bm-button bm-button--danger' disabled={busy === a.id} onClick={() => void decide(a, false)} data-testid='appeal-dismiss'>驳回</Button>
              </View>
            </View>
          )}
          {a.status === 'PENDING' && !a.canDecide && <Text className='rating-muted appeals__line'>须由上级机构的审核人员复核</Text>}
        </View>
      ))}
    </StaffPage>
  )
}
