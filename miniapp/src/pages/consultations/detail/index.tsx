import { useCallback, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { z } from 'zod'
import type { consultationView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { useConfirm } from '@/components/confirm'
import { aria, labelled } from '@/components/a11y'
import { dueText, kindLabel, statusLabel, timeText } from '../parts/consultation.format'
import { ImageGrid, StatusTag, Thread } from '../parts/consultation-thread'
import '../parts/consultation.scss'
import { pageUrl } from '@/kit/nav'

type View = z.infer<typeof consultationView>

/** One case: the question, images, the answers and follow-ups; follow up or close while it is open. */
export default function ConsultationDetailPage () {
  const [id, setId] = useState('')
  const [c, setC] = useState<View | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [reply, setReply] = useState('')
  const [busy, setBusy] = useState(false)
  const [sendError, setSendError] = useState('')
  const { ask, panel } = useConfirm()

  const load = useCallback(async (caseId: string) => {
    setLoading(true)
    setError('')
    try {
      setC(await api('getConsultation', { params: { id: caseId } }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad((params: Record<string, string | undefined>) => {
    const caseId = params.id ?? ''
    setId(caseId)
    void load(caseId)
  })

  const send = async () => {
    setSendError('')
    if (!reply.trim()) { setSendError('请先写下要补充的内容'); return }
    setBusy(true)
    try {
      setC(await api('addConsultationMessage', { params: { id }, body: { content: reply } }))
      setReply('')
      void Taro.showToast({ title: '已发送', icon: 'success' })
    } catch (e) {
      setSendError(`发送未成功：${errorMessage(e)}`)
    } finally {
      setBusy(false)
    }
  }

  const close = async () => {
    if (!await ask({ key: 'close', title: '确认办结', content: '确认问题已解决？办结后不能再追问。', confirmText: '确认办结', cancelText: '还没有' })) return
    setBusy(true)
    try {
      setC(await api('closeConsultation', { params: { id } }))
    } catch (e) {
      setSendError(`办结未成功：${errorMessage(e)}`)
    } finally {
      setBusy(false)
    }
  }

  if (loading && !c) return <PageRoot><PageState status='loading' /></PageRoot>
  if (error || !c) return <PageRoot><PageState status='error' title={error || '未找到该留言'} onRetry={() => void load(id)} /></PageRoot>

  const due = dueText(c)
  // 好差评 (一事一评): an answered case can be rated on the ratings page.
  const rating = c.status === 'REPLIED' || c.status === 'CLOSED' ? pageUrl('ratingRate', { subjectType: 'CONSULTATION', subjectId: c.id }) : null
  return (
    <PageRoot className='cs-detail'>
      <View className='bm-card'>
        <View className='cs-meta'>
          <StatusTag status={c.status} label={statusLabel(c.status)} />
          <Text className='cs-tag cs-tag--kind'>{kindLabel(c.kind)}</Text>
          <Text>{`提交于 ${timeText(c.createdAt)}`}</Text>
        </View>
        <Text className='cs-title' data-testid='cs-detail-title'>{c.title}</Text>
        <Text className='cs-meta'>{`受理单位：${c.orgName}`}</Text>
        {due && <Text className={`cs-due cs-due--${due.tone}`} data-testid='cs-due'>{due.text}</Text>}
        <View style={{ marginTop: '12px', whiteSpace: 'pre-wrap' }}><Text userSelect>{c.content}</Text></View>
        <ImageGrid images={c.images} />
      </View>

      <View className='bm-card'>
        <Text className='cs-section-title'>办理情况</Text>
        {c.messages.length === 0
          ? <Text className='cs-meta'>已收到您的留言，工作人员会在答复期限内回复，答复后会在“消息”里提醒您。</Text>
          : <Thread messages={c.messages} />}
        {c.status === 'REPLIED' && c.autoCloseAt && (
          <Text className='cs-meta' style={{ marginTop: '12px' }}>{`如无追问，将于 ${timeText(c.autoCloseAt)} 自动办结。`}</Text>
        )}
        {c.status === 'CLOSED' && <Text className='cs-meta' style={{ marginTop: '12px' }}>{c.closedBy === 'AUTO' ? '答复后无追问，已自动办结。' : '您已确认办结。'}</Text>}
      </View>

      {c.status !== 'CLOSED' && (
        <View className='bm-card'>
          <Text className='cs-section-title'>{c.status === 'REPLIED' ? '还有疑问？继续追问' : '补充说明'}</Text>
          <Textarea className='cs-field__textarea' {...labelled(c.status === 'REPLIED' ? '继续追问' : '补充说明')} value={reply} maxlength={2000} placeholder='请输入内容' onInput={(e) => setReply(e.detail.value)} data-testid='cs-followup' />
          {sendError && <Text className='cs-field__error' {...aria('alert')} data-testid='cs-send-error'>{sendError}</Text>}
          {panel('close') ?? (
            <View className='cs-actions' style={{ margin: '12px 0 0' }}>
              <Button className={`bm-button bm-button--primary${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void send()} data-testid='cs-send'>发送</Button>
              <Button className='bm-button' disabled={busy} onClick={() => void close()} data-testid='cs-close'>确认办结</Button>
            </View>
          )}
        </View>
      )}

      {rating && (
        <View className='cs-actions'>
          <Button className='bm-button bm-button--primary bm-button--block' onClick={() => void Taro.navigateTo({ url: rating })} data-testid='cs-rate'>评价本次服务</Button>
        </View>
      )}
    </PageRoot>
  )
}
