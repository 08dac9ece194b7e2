// 年度报告 (data part): the year's 主动公开 and 依申请公开 tables and figures as the annual report prints them
// (?year=), with the CSV download and 打印 (H5).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, Loaded, Section, useResource, useSubmit } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { downloadAnnualCsv } from './download'
import { DisclosureTable, Figures, ProactiveTable } from './tables'
import './index.scss'

const FIRST_YEAR = 2019
const isH5 = process.env.TARO_ENV === 'h5'

export default function AnnualReportPage () {
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i)
  const asked = Number(useRouter().params.year)
  const [year, setYear] = useState(Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear)
  const report = useResource(() => staffApi('getAnnualReport', { query: { year, format: 'json' } }), [year], { on: 'mount' })
  const download = useSubmit(() => downloadAnnualCsv(year), { onSuccess: (ok) => { if (ok) void Taro.showToast({ title: '表格已开始下载', icon: 'none' }) } })

  return (
    <StaffPage title='年度报告' className='wb-report'>
      <View className='wb-report__actions'>
        <Section>
          <Field kind='picker' label='报告年度' options={years.map((y) => `${y} 年`)} index={Math.max(0, years.indexOf(year))}
            onPick={(i) => setYear(years[i] ?? thisYear)} testId='report-year' />
          <Actions>
            <Action kind='primary' busy={download.busy} busyText='正在下载…' disabled={!report.data} onClick={() => void download.run(undefined)} testId='report-download'>下载表格（CSV）</Action>
            {isH5 && <Action disabled={!report.data} onClick={() => window.print()} testId='report-print'>打印</Action>}
          </Actions>
          <FormError error={download.error} testId='report-download-error' />
        </Section>
      </View>
      <Loaded resource={report} loadingTitle='正在生成报告数据…'>
        {(r) => (
          <View className='wb-report__paper' data-testid='report-paper'>
            <Text className='wb-report__title'>{`${r.orgName} ${r.year} 年政府信息公开工作年度报告（数据部分）`}</Text>
            <Text className='wb-report__h'>二、主动公开政府信息情况</Text>
            <ProactiveTable r={r} />
            <Text className='wb-report__h'>三、收到和处理政府信息公开申请情况</Text>
            <DisclosureTable r={r} />
            <Text className='wb-report__h'>互动交流与政务服务情况（供报告正文引用）</Text>
            <Figures r={r} />
            <Text className='wb-report__foot'>{`数据来源：本系统 ${r.year} 年 1 月 1 日至 12 月 31 日的记录（本年未过完时统计到今天）。`}</Text>
          </View>
        )}
      </Loaded>
    </StaffPage>
  )
}
