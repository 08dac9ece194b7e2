// Print view of a report: the six sections read-only, laid out like the published document; 打印 on H5.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { annualReportSections } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Loaded, aria, useResource } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { DisclosureTableView, ProactiveTableView, ReviewsTableView } from '../edit/tables'
import '../edit/index.scss'

const noop = () => undefined

export default function AnnualReportPrintPage () {
  const id = useRouter().params.id ?? ''
  const report = useResource(() => staffApi('getAnnualReportDraft', { params: { id } }), [id])
  const para = (t: string) => <Text className='ar-text'>{t || '无。'}</Text>
  return (
    <StaffPage title='打印预览' section='staffAnnualReports' width='wide'
      actions={process.env.TARO_ENV === 'h5' ? <Action kind='primary' onClick={() => window.print()} testId='print'>打印</Action> : undefined}>
      <Loaded resource={report}>
        {(r) => (
          <View className='ar-print' data-testid='report-print-view'>
            <Text className='ar-title' {...aria('heading', { 'aria-level': 1 })}>{r.title}</Text>
            <Text className='ar-heading' {...aria('heading', { 'aria-level': 2 })}>{annualReportSections.overview}</Text>{para(r.texts.overview)}
            <Text className='ar-heading' {...aria('heading', { 'aria-level': 2 })}>{annualReportSections.proactive}</Text><ProactiveTableView value={r.proactive} readOnly onChange={noop} />
            <Text className='ar-heading' {...aria('heading', { 'aria-level': 2 })}>{annualReportSections.disclosures}</Text><DisclosureTableView table={r.disclosures} />
            <Text className='ar-heading' {...aria('heading', { 'aria-level': 2 })}>{annualReportSections.reviews}</Text><ReviewsTableView value={r.reviews} readOnly onChange={noop} />
            <Text className='ar-heading' {...aria('heading', { 'aria-level': 2 })}>{annualReportSections.problems}</Text>{para(r.texts.problems)}
            <Text className='ar-heading' {...aria('heading', { 'aria-level': 2 })}>{annualReportSections.other}</Text>{para(r.texts.other)}
          </View>
        )}
      </Loaded>
    </StaffPage>
  )
}
