import { useCallback, useState } from 'react'
import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { z } from 'zod'
import type { staffConsultationView } from '@bianmin/shared'
import { ApiError, errorMessage, staffApi } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { dueText, kindLabel, statusLabel, timeText } from '@/pages/consultations/parts/consultation.format'
import { ImageGrid, StatusTag, Thread } from '@/pages/consultations/parts/consultation-thread'
import '@/pages/consultations/parts/consultation.scss'
import { PublishPanel } from './publish-panel'

type Case = z.infer<typeof staffConsultationView>
type Handler = { id: string; name: string; orgName: string }

/** One case for the handler: the question, thread, reply box, assignment and publishing. */
export default function StaffConsultationDetail () {
  const [id, setId] = useState('')
  const [c, setC] = useState<Case | null>(null)
  const [handlers, setHandlers] = useState<Handler[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [reply, setReply] = useState('')
  const [replyError, setReplyError] = useState('')
  const [busy, setBusy] = useState(false)

  const fail = (e: unknown) => {
    void Taro.showToast({ title: errorMessage(e), icon: 'none' })
  }

  const load = useCallback(async (caseId: string) => {
    setLoading(true)
    setError('')
    try {
      const [view, cands] = await Promise.all([staffApi('getStaffConsultation', { params: { id: caseId } }), staffApi('listConsultationHandlers', { params: { id: caseId } })])
      setC(view)
      setHandlers(cands.items)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad((params: Record<string, string | undefined>) => {
    setId(params.id ?? '')
    void load(params.id ?? '')
  })

  const act = async (fn: () => Promise<Case>, done: string) => {
    setBusy(true)
    try {
      setC(await fn())
      void Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      fail(e)
      return false
    } finally {
      setBusy(false)
    }
  }

  const sendReply = async () => {
    setReplyError('')
    try {
      setBusy(true)
      setC(await staffApi('replyConsultation', { params: { id }, body: { content: reply } }))
      setReply('')
      void Taro.showToast({ title: '已答复', icon: 'success' })
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors()['body.content']) setReplyError(e.fieldErrors()['body.content']!)
      else if (e instanceof ApiError && e.fieldErrors().content) setReplyError(e.fieldErrors().content!)
      else fail(e)
    } finally {
      setBusy(false)
    }
  }

  if (loading && !c) return <PageRoot><PageState status='loading' /></PageRoot>
  if (error || !c) return <PageRoot><PageState status='error' title={error || '未找到该留言'} onRetry={() => void load(id)} /></PageRoot>

  const due = dueText(c)
  const open = c.status !== 'CLOSED'
  return (
    <PageRoot className='cs-staff-detail'>
      <View className='bm-card'>
        <View className='cs-meta'>
          {c.overdue && <Text className='cs-tag cs-tag--late'>已超期</Text>}
          <StatusTag status={c.status} label={statusLabel(c.status)} />
          <Text className='cs-tag cs-tag--kind'>{kindLabel(c.kind)}</Text>
          <Text>{`收到 ${timeText(c.createdAt)}`}</Text>
        </View>
        <Text className='cs-title' data-testid='cs-staff-title'>{c.title}</Text>
        <Text className='cs-meta'>{`受理单位：${c.orgName}　办理人：${c.assignee?.name ?? '未分派'}`}</Text>
        {due && <Text className={`cs-due cs-due--${due.tone}`}>{due.text}</Text>}
        {c.repliedOnTime !== null && <Text className={`cs-due cs-due--${c.repliedOnTime ? 'ok' : 'late'}`}>{c.repliedOnTime ? '已按时答复' : '超期答复'}</Text>}
        <View style={{ marginTop: '12px', whiteSpace: 'pre-wrap' }}><Text userSelect>{c.content}</Text></View>
        <ImageGrid images={c.images} />
        <Text className='cs-meta' style={{ marginTop: '12px' }}>
          {c.contactConsent ? (c.contactPhone ? `居民同意联系：${c.contactPhone}` : '居民同意联系（未留存手机号）') : '居民未同意电话联系，请在此答复'}
        </Text>
      </View>

      <View className='bm-card'>
        <Text className='cs-section-title'>往来记录</Text>
        {c.messages.length ? <Thread messages={c.messages} residentLabel='居民' /> : <Text className='cs-meta'>尚未答复</Text>}
      </View>

      {open && (
        <View className='bm-card'>
          <Text className='cs-section-title'>答复居民</Text>
          <Textarea className='cs-field__textarea' value={reply} maxlength={2000} placeholder='请填写答复内容（答复后会通知居民）' onInput={(e) => setReply(e.detail.value)} data-testid='cs-reply' />
          {replyError && <Text className='cs-field__error'>{replyError}</Text>}
          <View className='cs-actions' style={{ margin: '12px 0 0' }}>
            <Button className={`bm-button bm-button--primary${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void sendReply()} data-testid='cs-reply-send'>答复</Button>
          </View>
        </View>
      )}

      {open && (
        <View className='bm-card'>
          <Text className='cs-section-title'>分派</Text>
          <View className='cs-actions' style={{ margin: 0 }}>
            <Button className='bm-button' disabled={busy} onClick={() => void act(() => staffApi('assignConsultation', { params: { id }, body: {} }), '已分派给我')} data-testid='cs-assign-me'>我来办理</Button>
            {handlers.length > 0 && (
              <Picker mode='selector' range={handlers.map((h) => `${h.name}（${h.orgName}）`)} onChange={(e) => {
                const h = handlers[Number(e.detail.value)]
                if (h) void act(() => staffApi('assignConsultation', { params: { id }, body: { handlerId: h.id } }), `已分派给${h.name}`)
              }}>
                <Button className='bm-button'>分派给…</Button>
              </Picker>
            )}
          </View>
        </View>
      )}

      <View className='bm-card'>
        <Text className='cs-section-title'>公开答复</Text>
        <PublishPanel key={`${c.status}-${String(c.published)}`} c={c} onChange={setC} />
      </View>
    </PageRoot>
  )
}
