import { useCallback, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { disclosureApplicantTypeLabels, disclosureFormLabels } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { aria } from '@/components/a11y'
import { dateOf, openAttachment, outcomeText, statusTone, type DisclosureView } from '@/utils/disclosure'
import { DisclosureTimeline, Row } from '@/components/disclosure-parts'

export default function DisclosureDetailPage () {
  const [id, setId] = useState('')
  const [d, setD] = useState<DisclosureView | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [answer, setAnswer] = useState('')
  const [answerError, setAnswerError] = useState('')
  const [sending, setSending] = useState(false)

  const load = useCallback(async (which: string) => {
    setLoading(true)
    setError('')
    try {
      setD(await api('getDisclosure', { params: { id: which } }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad((params: Record<string, string | undefined>) => {
    const which = params.id ?? ''
    setId(which)
    if (which) void load(which)
    else { setLoading(false); setError('未找到该申请') }
  })

  const sendCorrection = async () => {
    if (sending || !d) return
    if (!answer.trim()) { setAnswerError('请填写补正内容'); return }
    setSending(true)
    setAnswerError('')
    try {
      setD(await api('answerDisclosureCorrection', { params: { id: d.id }, body: { content: answer } }))
      setAnswer('')
      void Taro.showToast({ title: '补正已提交', icon: 'success' })
    } catch (e) {
      setAnswerError(errorMessage(e))
    } finally {
      setSending(false)
    }
  }

  if (loading && !d) return <PageRoot><PageState status='loading' /></PageRoot>
  if (error || !d) return <PageRoot><PageState status='error' title={error || '未找到该申请'} onRetry={id ? () => void load(id) : undefined} /></PageRoot>

  const outcome = outcomeText(d)
  const waiting = d.status === 'CORRECTION_REQUESTED'
  return (
    <PageRoot className='disclosure-detail'>
      <View className='bm-card dsc-card'>
        <View className='dsc-card__head'>
          <Text className='dsc-card__title'>{d.description}</Text>
          <Text className={`dsc-badge dsc-badge--${statusTone(d)}`} data-testid='detail-status'>{d.overdue ? '已超期' : d.statusLabel}</Text>
        </View>
        <Row label='收到日期' value={dateOf(d.receivedAt)} />
        {!outcome && <Row label={waiting ? '补正期限' : '答复期限'} value={dateOf(d.dueAt)} testId='detail-due' />}
        {d.extended && <Row label='延长期限' value={`${d.extensionDays} 个工作日`} />}
        {d.repliedAt && <Row label='答复日期' value={dateOf(d.repliedAt)} />}
      </View>

      {waiting && d.correction && (
        <View className='bm-card' data-testid='correction-box'>
          <Text className='dsc-intro__title'>请补正申请内容</Text>
          <Text className='dsc-block' data-testid='correction-request'>{d.correction.request}</Text>
          <Text className='dsc-field__hint'>请在 {dateOf(d.correction.dueAt)} 前提交；逾期不补正视为放弃申请。补正后，答复期限从提交补正之日起重新计算。</Text>
          <View className='dsc-field'>
            <Textarea className='dsc-field__textarea' value={answer} maxlength={2000} placeholder='请填写补正内容' onInput={(e) => setAnswer(e.detail.value)} data-testid='correction-input' />
            {answerError && <Text className='dsc-field__error' data-testid='correction-error'>{answerError}</Text>}
          </View>
          <Button className={`bm-button bm-button--primary bm-button--block${sending ? ' bm-button--disabled' : ''}`} disabled={sending} onClick={() => void sendCorrection()} data-testid='correction-submit'>
            {sending ? '正在提交…' : '提交补正'}
          </Button>
        </View>
      )}

      {outcome && (
        <View className='bm-card' data-testid='reply-box'>
          <Text className='dsc-intro__title'>答复</Text>
          <Text className='dsc-card__outcome dsc-block' data-testid='reply-outcome'>答复结果：{outcome}</Text>
          {d.outcomeDetail && <Text className='dsc-block'>{d.outcomeDetail}</Text>}
          {d.replyContent && <Text className='dsc-block' data-testid='reply-content'>{d.replyContent}</Text>}
          {d.attachments.map((a) => (
            <Text key={a.id} className='dsc-link' onClick={() => void openAttachment(a.url, a.name)} data-testid='reply-attachment' {...aria('link')}>
              查看附件：{a.name ?? '答复文件'}
            </Text>
          ))}
        </View>
      )}

      <View className='bm-card'>
        <Text className='dsc-intro__title'>申请信息</Text>
        <Row label='申请机关' value={d.orgName} />
        <Row label='申请人类型' value={disclosureApplicantTypeLabels[d.applicantType]} />
        {d.applicantName && <Row label='申请单位' value={d.applicantName} />}
        {d.purpose && <Row label='用途' value={d.purpose} />}
        <Row label='获取方式' value={disclosureFormLabels[d.form]} />
        <Row label='联系人' value={`${d.contactName} ${d.contactPhone}`} />
        {d.correction?.content && <Row label='补正内容' value={d.correction.content} />}
      </View>

      <DisclosureTimeline events={d.events} />
    </PageRoot>
  )
}
