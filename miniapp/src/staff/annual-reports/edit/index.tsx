// 年度报告: the six sections in the template's order — 一、五、六 text (the year's figures offered), 二 and 四 tables,
// 三 computed and read-only with its check — the workflow buttons, .docx/CSV downloads and the print view.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { annualReportSections, type Contract, type ProactiveTable, type ResponseOf, type ReviewsTable } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, InfoRow, Loaded, Section, aria, go, useResource, useSubmit } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { DisclosureTableView, ProactiveTableView, ReviewsTableView } from './tables'
import { downloadReport } from './download'
import './index.scss'

type Report = ResponseOf<Contract['getAnnualReportDraft']>
type Texts = Report['texts']

export default function AnnualReportEditPage () {
  const id = useRouter().params.id ?? ''
  const report = useResource(() => staffApi('getAnnualReportDraft', { params: { id } }), [id])
  return (
    <StaffPage title='年度报告' section='staffAnnualReports' width='wide'>
      <Loaded resource={report}>{(r) => <Editor report={r} onChange={(n) => report.setData(n)} />}</Loaded>
    </StaffPage>
  )
}

function Editor ({ report: r, onChange }: { report: Report; onChange: (r: Report) => void }) {
  const [texts, setTexts] = useState<Texts>(r.texts)
  const [proactive, setProactive] = useState<ProactiveTable>(r.proactive)
  const [reviews, setReviews] = useState<ReviewsTable>(r.reviews)
  const [reason, setReason] = useState('')
  useEffect(() => { setTexts(r.texts); setProactive(r.proactive); setReviews(r.reviews) }, [r.id, r.version])
  const editable = r.nextActions.includes('save')
  const done = { onSuccess: (n: Report) => onChange(n) }
  const save = useSubmit(() => staffApi('updateAnnualReport', { params: { id: r.id }, body: { version: r.version, texts, proactive, reviews } }), done)
  const act = useSubmit(async (a: 'submit' | 'approve' | 'publish' | 'return') => {
    if (a === 'return') return staffApi('returnAnnualReport', { params: { id: r.id }, body: { reason } })
    const name = a === 'submit' ? 'submitAnnualReport' : a === 'approve' ? 'approveAnnualReport' : 'publishAnnualReport'
    return staffApi(name, { params: { id: r.id } })
  }, done)
  const download = useSubmit((f: 'docx' | 'csv') => downloadReport(r.id, f, r.title))
  const text = (key: keyof Texts, title: string) => (
    <Section title={title}>
      {editable
        ? <>
          <Field kind='textarea' label={title} value={texts[key]} maxlength={20000} onChange={(v) => setTexts({ ...texts, [key]: v })} testId={`text-${key}`} />
          {key === 'overview' && <Action onClick={() => setTexts({ ...texts, overview: r.suggested.overview })} testId='use-figures'>使用当年数据作为开头</Action>}
        </>
        : <Text className='ar-text'>{texts[key] || '无。'}</Text>}
    </Section>
  )
  return (
    <View className='ar-editor' data-testid='annual-report'>
      <Text className='ar-title' {...aria('heading', { 'aria-level': 1 })}>{r.title}</Text>
      <InfoRow label='状态'><Text data-testid='report-status'>{r.statusLabel}{r.readOnly ? '（只读）' : ''}</Text></InfoRow>
      <InfoRow label='起草人'>{r.authorName ?? '—'}</InfoRow>
      {r.reviewerName && <InfoRow label='审核人'>{r.reviewerName}</InfoRow>}
      {text('overview', annualReportSections.overview)}
      <Section title={annualReportSections.proactive}><ProactiveTableView value={proactive} readOnly={!editable} onChange={setProactive} /></Section>
      <Section title={annualReportSections.disclosures}><DisclosureTableView table={r.disclosures} /></Section>
      <Section title={annualReportSections.reviews}><ReviewsTableView value={reviews} readOnly={!editable} onChange={setReviews} /></Section>
      {text('problems', annualReportSections.problems)}
      {text('other', annualReportSections.other)}
      <FormError error={save.error || act.error || download.error} testId='report-error' />
      {r.nextActions.includes('return') && <Field label='退回原因' value={reason} onChange={setReason} testId='return-reason' />}
      <Actions>
        {editable && <Action busy={save.busy} onClick={() => void save.run(undefined)} testId='report-save'>保存</Action>}
        {r.nextActions.includes('submit') && <Action kind='primary' busy={act.busy} onClick={() => void act.run('submit')} testId='report-submit'>提交审核</Action>}
        {r.nextActions.includes('return') && <Action busy={act.busy} onClick={() => void act.run('return')} testId='report-return'>退回修改</Action>}
        {r.nextActions.includes('approve') && <Action kind='primary' busy={act.busy} onClick={() => void act.run('approve')} testId='report-approve'>审核通过</Action>}
        {r.nextActions.includes('publish') && <Action kind='primary' busy={act.busy} onClick={() => void act.run('publish')} testId='report-publish'>发布</Action>}
        <Action busy={download.busy} onClick={() => void download.run('docx')} testId='report-docx'>下载 Word</Action>
        <Action busy={download.busy} onClick={() => void download.run('csv')} testId='report-csv'>下载表格（CSV）</Action>
        <Action onClick={() => go('staffAnnualReportPrint', { id: r.id })} testId='report-print'>打印预览</Action>
      </Actions>
    </View>
  )
}
