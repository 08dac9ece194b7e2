import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { contract, disclosureApplicantTypeLabels, disclosureFormLabels } from '@bianmin/shared'
import { api } from '@/api/client'
import { Action, Field, FormError, Loaded, PageRoot, aria, useResource, useSubmit } from '@/kit'
import { dateOf, openAttachment, outcomeText, statusTone, type DisclosureView } from '@/utils/disclosure'
import { DisclosureTimeline, Row } from '@/components/disclosure-parts'

type CorrectionBody = typeof contract.answerDisclosureCorrection.body._input

/** The 补正 asked for, with its answer form. */
function Correction ({ d, onDone }: { d: DisclosureView; onDone: (d: DisclosureView) => void }) {
  const [answer, setAnswer] = useState('')
  const send = useSubmit((body: CorrectionBody) => api('answerDisclosureCorrection', { params: { id: d.id }, body }), {
    schema: contract.answerDisclosureCorrection.body,
    validate: (b) => ({ content: b.content.trim() ? undefined : '请填写补正内容' }),
    onSuccess: (next) => { setAnswer(''); onDone(next); void Taro.showToast({ title: '补正已提交', icon: 'success' }) },
  })
  if (!d.correction) return null
  const error = send.errors.content || send.error
  return (
    <View className='bm-card' data-testid='correction-box'>
      <Text className='dsc-intro__title'>请补正申请内容</Text>
      <Text className='dsc-block' data-testid='correction-request'>{d.correction.request}</Text>
      <Field kind='textarea' label='补正内容' value={answer} maxlength={2000} placeholder='请填写补正内容' onChange={(v) => { setAnswer(v); send.clear('content') }}
        hint={`请在 ${dateOf(d.correction.dueAt)} 前提交；逾期不补正视为放弃申请。补正后，答复期限从提交补正之日起重新计算。`} testId='correction-input' />
      <FormError error={error} testId='correction-error' />
      <Action kind='primary' block busy={send.busy} busyText='正在提交…' onClick={() => void send.run({ content: answer })} testId='correction-submit'>提交补正</Action>
    </View>
  )
}

/** One 依申请公开 request of mine: 申请编号, deadline, the 补正 asked for, the reply and its documents, the history. */
export default function DisclosureDetailPage () {
  const { id = '', submitted } = useRouter().params
  const r = useResource(() => api('getDisclosure', { params: { id } }), [id])
  const d = r.data
  if (!d) return <PageRoot><Loaded resource={r} notFoundDescription='该申请不存在，或不是您提交的。'>{() => null}</Loaded></PageRoot>

  const outcome = outcomeText(d)
  const waiting = d.status === 'CORRECTION_REQUESTED'
  return (
    <PageRoot className='disclosure-detail'>
      {submitted && (
        <View className='bm-card dsc-submitted' data-testid='submitted-banner' {...aria('status')}>
          <Text className='dsc-intro__title'>申请已提交</Text>
          <Text className='dsc-block'>
            {`${d.serialNo ? `申请编号 ${d.serialNo}，请保存以便查询。` : ''}我们已于 ${dateOf(d.receivedAt)} 收到您的申请，将在 ${dateOf(d.dueAt)} 前答复；办理进展会在“消息”里通知您。`}
          </Text>
        </View>
      )}
      <View className='bm-card dsc-card'>
        <View className='dsc-card__head'>
          <Text className='dsc-card__title'>{d.description}</Text>
          <Text className={`dsc-badge dsc-badge--${statusTone(d)}`} data-testid='detail-status'>{d.overdue ? '已超期' : d.statusLabel}</Text>
        </View>
        {d.serialNo && <Row label='申请编号' value={d.serialNo} testId='detail-serial' />}
        <Row label='收到日期' value={dateOf(d.receivedAt)} />
        {!outcome && <Row label={waiting ? '补正期限' : '答复期限'} value={dateOf(d.dueAt)} testId='detail-due' />}
        {d.extended && <Row label='延长期限' value={`${d.extensionDays} 个工作日`} />}
        {d.repliedAt && <Row label='答复日期' value={dateOf(d.repliedAt)} />}
      </View>

      {waiting && <Correction d={d} onDone={(next) => r.setData(next)} />}

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
        {d.applicantIdNumber && <Row label={d.applicantType === 'NATURAL_PERSON' ? '身份证号码' : '证件号码'} value={d.applicantIdNumber} testId='detail-id-number' />}
        {d.purpose && <Row label='用途' value={d.purpose} />}
        <Row label='获取方式' value={disclosureFormLabels[d.form]} />
        {d.postalAddress && <Row label='邮寄地址' value={d.postalAddress} testId='detail-postal' />}
        <Row label='联系人' value={`${d.contactName} ${d.contactPhone}`} />
        {d.correction?.content && <Row label='补正内容' value={d.correction.content} />}
      </View>

      <DisclosureTimeline events={d.events} />
    </PageRoot>
  )
}
