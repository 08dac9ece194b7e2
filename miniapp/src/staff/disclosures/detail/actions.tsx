// The handling actions of one request: 补正, 延期 (reviewer), 征求第三方意见 / 恢复, 答复 with the outcome picker
// grouped like the annual report table, 办结.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  disclosureCategoryNames, disclosureOutcomeCategories, disclosureOutcomeList, DISCLOSURE_SYSTEM_OUTCOMES, type DisclosureOutcome, type Role,
  type UploadView,
} from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { aria } from '@/components/a11y'
import { Action, Actions, Choices, Field, FormError, Section, useSubmit } from '@/kit'
import type { DisclosureView } from '@/utils/disclosure'
import { chooseAndUploadDocument } from './upload'

type Mode = 'correction' | 'extend' | 'pause' | 'reply'
type Key = Mode | 'resume' | 'close'
const done: Record<Key, string> = { correction: '已告知补正', extend: '已延期', pause: '已暂停计时', reply: '已答复', resume: '已恢复计时', close: '已办结' }
const placeholder: Record<Mode, string> = {
  correction: '需要补正的事项（一次性告知）', extend: '延期理由（将告知申请人）', pause: '征求意见的第三方及事项（不告知申请人）', reply: '答复内容（告知书正文）',
}

export function DisclosureActions ({ d, roles, onChange }: { d: DisclosureView; roles: readonly Role[]; onChange: (d: DisclosureView) => void }) {
  const [mode, setMode] = useState<Mode | null>(null)
  const [text, setText] = useState('')
  const [detail, setDetail] = useState('')
  const [days, setDays] = useState('20')
  const [outcome, setOutcome] = useState<DisclosureOutcome | null>(null)
  const [files, setFiles] = useState<UploadView[]>([])
  const params = { id: d.id }

  const act = useSubmit((key: Key) => {
    if (key === 'resume') return staffApi('resumeDisclosure', { params })
    if (key === 'close') return staffApi('closeDisclosure', { params })
    if (key === 'correction') return staffApi('requestDisclosureCorrection', { params, body: { content: text } })
    if (key === 'extend') return staffApi('extendDisclosure', { params, body: { days: Number(days), reason: text } })
    if (key === 'pause') return staffApi('pauseDisclosure', { params, body: { reason: text } })
    const extra = { ...(detail.trim() ? { outcomeDetail: detail } : {}), ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}) }
    return staffApi('replyDisclosure', { params, body: { outcome: outcome!, content: text, ...extra } })
  }, {
    validate: (key) => ({ outcome: key === 'reply' && !outcome ? '请选择答复结果' : undefined }),
    onSuccess: (next, key) => {
      onChange(next)
      setMode(null); setText(''); setDetail(''); setOutcome(null); setFiles([])
      void Taro.showToast({ title: done[key], icon: 'success' })
    },
  })
  const upload = useSubmit(() => chooseAndUploadDocument(), { onSuccess: (f) => { if (f) setFiles((list) => [...list, f]) } })

  const handling = ['RECEIVED', 'EXTENDED', 'PAUSED'].includes(d.status)
  const buttons: { key: Key; title: string; show: boolean }[] = [
    { key: 'reply', title: '答复', show: handling },
    { key: 'correction', title: '告知补正', show: d.status === 'RECEIVED' && !d.correction },
    { key: 'extend', title: '延长答复期限', show: (d.status === 'RECEIVED' || d.status === 'PAUSED') && !d.extended && roles.includes('REVIEWER') },
    { key: 'pause', title: '征求第三方意见', show: d.status === 'RECEIVED' || d.status === 'EXTENDED' },
    { key: 'resume', title: '恢复计时', show: d.status === 'PAUSED' },
    { key: 'close', title: '办结归档', show: d.status === 'REPLIED' },
  ]
  const tap = (key: Key) => {
    act.reset()
    if (key === 'resume' || key === 'close') void act.run(key)
    else setMode(mode === key ? null : key)
  }
  const choices = disclosureOutcomeList.filter((o) => !DISCLOSURE_SYSTEM_OUTCOMES.includes(o.code) &&
    (o.code !== 'UNAVAILABLE_STILL_UNCLEAR' || Boolean(d.correction?.answeredAt)))

  if (!buttons.some((b) => b.show)) return null
  return (
    <Section title='办理' testId='staff-actions'>
      <Actions>
        {buttons.filter((b) => b.show).map((b) => (
          <Action key={b.key} kind={mode === b.key ? 'primary' : 'default'} busy={act.busy && (b.key === 'resume' || b.key === 'close')} onClick={() => tap(b.key)} testId={`action-${b.key}`}>{b.title}</Action>
        ))}
      </Actions>
      {mode === 'reply' && disclosureOutcomeCategories.map((cat) => (
        <View key={cat} className='staff-case__line' data-testid={`outcome-group-${cat}`}>
          <Text className='staff-case__title'>{disclosureCategoryNames[cat]}</Text>
          <Choices label={disclosureCategoryNames[cat]} options={choices.filter((o) => o.category === cat).map((o) => ({ value: o.code, label: o.label }))}
            value={outcome as DisclosureOutcome} onChange={(o) => { setOutcome(o); act.clear('outcome') }} testId={(o) => `outcome-${o}`} />
        </View>
      ))}
      {mode === 'reply' && <Field label='结果说明（选填）' name='结果说明' value={detail} maxlength={500} placeholder='如不予公开的具体理由' onChange={setDetail} error={act.errors.outcomeDetail} testId='action-detail' />}
      {mode === 'reply' && (
        <View className='staff-case__line'>
          {files.map((f) => (
            <View key={f.id} className='staff-tags' data-testid='reply-file'>
              <Text>{f.name ?? '答复文件'}</Text>
              <Text className='staff-link' {...aria('button', { 'aria-label': `移除 ${f.name ?? '答复文件'}` })} onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}>移除</Text>
            </View>
          ))}
          <Action block busy={upload.busy} busyText='正在上传…' onClick={() => void upload.run(undefined)} testId='reply-add-file'>添加答复文件（PDF、Word、Excel）</Action>
          <FormError error={upload.error} />
        </View>
      )}
      {mode === 'extend' && <Field label='延长的工作日数（最长 20）' name='延长的工作日数' type='number' value={days} maxlength={2} onChange={setDays} error={act.errors.days} testId='action-days' />}
      {mode && (
        <>
          <Field kind='textarea' label={mode === 'reply' ? '答复内容' : mode === 'extend' ? '延期理由' : mode === 'pause' ? '征求意见事项' : '补正事项'} value={text} maxlength={5000}
            placeholder={placeholder[mode]} onChange={(v) => { setText(v); act.clear('content'); act.clear('reason') }} error={act.errors.content || act.errors.reason} testId='action-text' />
          <Action kind='primary' block busy={act.busy} busyText='正在提交…' onClick={() => void act.run(mode)} testId='action-submit'>确定</Action>
        </>
      )}
      <FormError error={act.errors.outcome || act.error} testId='action-error' />
    </Section>
  )
}
