// 导入节假日安排 (ADMIN): paste the State Council's yearly notice or enter its ranges by hand → preview of the changed
// days (nothing saved yet) → 保存. Saving closes the open slots of new days off (bookings cancelled, residents told).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CalendarImportInput, CalendarImportPreview } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Check, Choices, Field, FormError, Section, go, useConfirm, useSubmit } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { ImportPreview } from './preview'
import '../../catalogue/parts/catalogue.scss'

type Range = { name: string; from: string; to: string; isWorkday: boolean }
const MODES = [{ value: 'text', label: '粘贴通知正文' }, { value: 'ranges', label: '手工录入' }] as const
const KINDS = [{ value: 'off', label: '放假' }, { value: 'on', label: '调休上班' }] as const

export default function CalendarImportPage () {
  const [mode, setMode] = useState<'text' | 'ranges'>('text')
  const [name, setName] = useState('')
  const [year, setYear] = useState('')
  const [text, setText] = useState('')
  const [ranges, setRanges] = useState<Range[]>([{ name: '', from: '', to: '', isWorkday: false }])
  const [preview, setPreview] = useState<CalendarImportPreview | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [saved, setSaved] = useState('')
  const { ask, panel } = useConfirm()
  const body = (): CalendarImportInput => ({
    ...(name.trim() ? { name: name.trim() } : {}), ...(year.trim() ? { year: Number(year) } : {}),
    ...(mode === 'text' ? { text } : { ranges: ranges.map((r) => ({ ...r, to: r.to || r.from })) }),
  })
  const check = useSubmit((b: CalendarImportInput) => staffApi('previewCalendarImport', { body: b }), { errorPrefix: '没能识别：', onSuccess: (p) => { setPreview(p); setSaved('') } })
  const save = useSubmit((b: CalendarImportInput) => staffApi('importCalendar', { body: b }), {
    errorPrefix: '没有保存：', onSuccess: (r) => { setPreview(null); setSaved(`已保存 ${r.year} 年“${r.name}”的 ${r.saved} 天；关闭 ${r.closedSlots} 个时段，取消 ${r.cancelledBookings} 个预约并已通知群众。`) },
  })
  const edited = () => { setPreview(null); check.reset() }
  const setRange = (i: number, patch: Partial<Range>) => { setRanges((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r))); edited() }
  const confirmSave = async () => {
    if (!preview) return
    const lost = preview.affected.bookings ? `，${preview.affected.bookings} 个预约将被取消并通知群众` : ''
    if (await ask({ key: 'save', title: '保存节假日安排', content: `将按“${preview.name}”调整 ${preview.year} 年的工作日${lost}。确定保存吗？`, confirmText: '保存' })) await save.run(body())
  }
  return (
    <StaffPage title='导入节假日安排' section='staffCalendar' width='wide' actions={<Action onClick={() => go('staffCalendar')}>查看工作日历</Action>}>
      <Section title='通知'>
        <Text className='cat-note'>每年 11 月前后国务院办公厅发布下一年的《部分节假日安排的通知》。把通知正文粘贴到下面，或按通知逐段录入；先预览，确认后保存。</Text>
        <Choices label='录入方式' options={MODES} value={mode} onChange={(m) => { setMode(m); edited() }} testId={(m) => `import-mode-${m}`} />
        <View className='cat-row'>
          <Field label='通知名称（粘贴正文时可不填）' name='通知名称' value={name} onChange={(v) => { setName(v); edited() }} maxlength={100} placeholder='国务院办公厅关于2027年部分节假日安排的通知' error={check.errors.name} testId='import-name' />
          <Field label='年份（选填）' name='年份' type='number' value={year} onChange={(v) => { setYear(v); edited() }} maxlength={4} error={check.errors.year} testId='import-year' />
        </View>
        {mode === 'text'
          ? <Field kind='textarea' label='通知正文' value={text} onChange={(v) => { setText(v); edited() }} maxlength={20000} placeholder='一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。……' error={check.errors.text} testId='import-text' />
          : (
            <View role='group' aria-label='放假和调休安排'>
              {ranges.map((r, i) => (
                <View key={i} className='cat-material' data-testid={`import-range-${i}`}>
                  <View className='cat-row'>
                    <Field label='节日' value={r.name} onChange={(v) => setRange(i, { name: v })} maxlength={20} placeholder='春节' testId={`range-name-${i}`} />
                    <Choices label='安排' options={KINDS} value={r.isWorkday ? 'on' : 'off'} onChange={(k) => setRange(i, { isWorkday: k === 'on' })} testId={(k) => `range-kind-${i}-${k}`} />
                  </View>
                  <View className='cat-row'>
                    <Field kind='date' label='从' value={r.from} onChange={(v) => setRange(i, { from: v })} testId={`range-from-${i}`} />
                    <Field kind='date' label='到（一天可不填）' name='到' value={r.to} start={r.from} onChange={(v) => setRange(i, { to: v })} testId={`range-to-${i}`} />
                  </View>
                  {ranges.length > 1 && <Action kind='danger' onClick={() => { setRanges((rs) => rs.filter((_, j) => j !== i)); edited() }}>移除</Action>}
                </View>
              ))}
              <FormError error={check.errors.ranges} />
              <Action onClick={() => { setRanges((rs) => [...rs, { name: rs[rs.length - 1]?.name ?? '', from: '', to: '', isWorkday: false }]); edited() }} testId='range-add'>＋ 再加一段</Action>
            </View>
            )}
        <FormError error={check.error || save.error} testId='import-error' />
        {saved && <Text data-testid='import-saved'>{saved}</Text>}
        <Action kind='primary' busy={check.busy} busyText='正在识别…' onClick={() => void check.run(body())} testId='import-preview-run'>预览</Action>
      </Section>
      {preview && (
        <>
          <ImportPreview p={preview} showAll={showAll} />
          <Check on={showAll} onToggle={() => setShowAll(!showAll)}>也列出不变的日子</Check>
          {panel('save') ?? (
            <Actions>
              <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void confirmSave()} testId='import-save'>保存</Action>
              <Action onClick={() => setPreview(null)}>修改</Action>
            </Actions>
          )}
        </>
      )}
    </StaffPage>
  )
}
