// The handling actions of one request: 补正, 延期 (reviewer), 征求第三方意见 / 恢复, 答复 with the outcome picker
// grouped like the annual report table, 办结.
import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  disclosureCategoryNames, disclosureOutcomeCategories, disclosureOutcomeList, DISCLOSURE_SYSTEM_OUTCOMES, type DisclosureOutcome, type Role,
  type UploadView,
} from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import type { DisclosureView } from '@/utils/disclosure'
import { chooseAndUploadDocument } from './upload'

type Mode = 'correction' | 'extend' | 'pause' | 'reply'

export function DisclosureActions ({ d, roles, onChange }: { d: DisclosureView; roles: readonly Role[]; onChange: (d: DisclosureView) => void }) {
  const [mode, setMode] = useState<Mode | null>(null)
  const [text, setText] = useState('')
  const [detail, setDetail] = useState('')
  const [days, setDays] = useState('20')
  const [outcome, setOutcome] = useState<DisclosureOutcome | null>(null)
  const [files, setFiles] = useState<UploadView[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const handling = ['RECEIVED', 'EXTENDED', 'PAUSED'].includes(d.status)
  const buttons: { key: Mode | 'resume' | 'close'; title: string; show: boolean }[] = [
    { key: 'reply', title: '答复', show: handling },
    { key: 'correction', title: '告知补正', show: d.status === 'RECEIVED' && !d.correction },
    { key: 'extend', title: '延长答复期限', show: (d.status === 'RECEIVED' || d.status === 'PAUSED') && !d.extended && roles.includes('REVIEWER') },
    { key: 'pause', title: '征求第三方意见', show: d.status === 'RECEIVED' || d.status === 'EXTENDED' },
    { key: 'resume', title: '恢复计时', show: d.status === 'PAUSED' },
    { key: 'close', title: '办结归档', show: d.status === 'REPLIED' },
  ]

  const run = async (fn: () => Promise<DisclosureView>, done: string) => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      onChange(await fn())
      setMode(null); setText(''); setDetail(''); setOutcome(null); setFiles([])
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const params = { id: d.id }
  const submit = () => {
    if (mode === 'correction') return run(() => staffApi('requestDisclosureCorrection', { params, body: { content: text } }), '已告知补正')
    if (mode === 'extend') return run(() => staffApi('extendDisclosure', { params, body: { days: Number(days), reason: text } }), '已延期')
    if (mode === 'pause') return run(() => staffApi('pauseDisclosure', { params, body: { reason: text } }), '已暂停计时')
    if (mode === 'reply') {
      if (!outcome) { setError('请选择答复结果'); return }
      const extra = { ...(detail.trim() ? { outcomeDetail: detail } : {}), ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}) }
      return run(() => staffApi('replyDisclosure', { params, body: { outcome, content: text, ...extra } }), '已答复')
    }
  }
  const addFile = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      const f = await chooseAndUploadDocument()
      if (f) setFiles((list) => [...list, f])
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const tap = (key: (typeof buttons)[number]['key']) => {
    setError('')
    if (key === 'resume') void run(() => staffApi('resumeDisclosure', { params }), '已恢复计时')
    else if (key === 'close') void run(() => staffApi('closeDisclosure', { params }), '已办结')
    else setMode(mode === key ? null : key)
  }

  const choices = disclosureOutcomeList.filter((o) => !DISCLOSURE_SYSTEM_OUTCOMES.includes(o.code) &&
    (o.code !== 'UNAVAILABLE_STILL_UNCLEAR' || Boolean(d.correction?.answeredAt)))
  const placeholder = { correction: '需要补正的事项（一次性告知）', extend: '延期理由（将告知申请人）', pause: '征求意见的第三方及事项（不告知申请人）', reply: '答复内容（告知书正文）' }

  if (!buttons.some((b) => b.show)) return null
  return (
    <View className='bm-card' data-testid='staff-actions'>
      <View className='dsc-options'>
        {buttons.filter((b) => b.show).map((b) => (
          <View key={b.key} className={`dsc-option${mode === b.key ? ' dsc-option--on' : ''}`} onClick={() => tap(b.key)} data-testid={`action-${b.key}`}>{b.title}</View>
        ))}
      </View>
      {mode && (
        <View className='dsc-actions'>
          {mode === 'reply' && disclosureOutcomeCategories.map((cat) => (
            <View key={cat} data-testid={`outcome-group-${cat}`}>
              <Text className='dsc-field__label'>{disclosureCategoryNames[cat]}</Text>
              {choices.filter((o) => o.category === cat).map((o) => (
                <View key={o.code} className={`dsc-option dsc-option--block${outcome === o.code ? ' dsc-option--on' : ''}`} onClick={() => { setOutcome(o.code); setError('') }} data-testid={`outcome-${o.code}`}>
                  {o.label}
                </View>
              ))}
            </View>
          ))}
          {mode === 'reply' && (
            <Input className='dsc-field__input' value={detail} maxlength={500} placeholder='结果说明（选填，如不予公开的具体理由）' onInput={(e) => setDetail(e.detail.value)} data-testid='action-detail' />
          )}
          {mode === 'reply' && (
            <View>
              {files.map((f) => (
                <View key={f.id} className='dsc-row' data-testid='reply-file'>
                  <Text className='dsc-row__value'>{f.name ?? '答复文件'}</Text>
                  <Text className='dsc-link' onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}>移除</Text>
                </View>
              ))}
              <Button className='bm-button bm-button--block' onClick={() => void addFile()} data-testid='reply-add-file'>添加答复文件（PDF、Word、Excel）</Button>
            </View>
          )}
          {mode === 'extend' && (
            <Input className='dsc-field__input' type='number' value={days} maxlength={2} placeholder='延长的工作日数（最长 20）' onInput={(e) => setDays(e.detail.value)} data-testid='action-days' />
          )}
          <Textarea className='dsc-field__textarea' value={text} maxlength={5000} placeholder={placeholder[mode]} onInput={(e) => setText(e.detail.value)} data-testid='action-text' />
          <Button className={`bm-button bm-button--primary bm-button--block${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void submit()} data-testid='action-submit'>
            {busy ? '正在提交…' : '确定'}
          </Button>
        </View>
      )}
      {error && <Text className='dsc-error' data-testid='action-error'>{error}</Text>}
    </View>
  )
}
