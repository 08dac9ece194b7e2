import { useCallback, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { staffApi } from '@/api/client'
import { PageState } from '@/components/page-state'
import { requireStaff, staffError } from '../../shell/session'
import { StaffPage } from '../../shell/staff-page'
import { downloadAnnualCsv } from './download'
import { DisclosureTable, Figures, ProactiveTable, type Report } from './tables'
import './index.scss'

const FIRST_YEAR = 2019
const isH5 = process.env.TARO_ENV === 'h5'

export default function AnnualReportPage () {
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i)
  const [year, setYear] = useState(thisYear)
  const [report, setReport] = useState<Report | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [downloading, setDownloading] = useState(false)

  const load = useCallback(async (y: number) => {
    setLoading(true)
    setError('')
    try {
      setReport(await staffApi('getAnnualReport', { query: { year: y, format: 'json' } }))
    } catch (e) {
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad((params: Record<string, string | undefined>) => {
    if (!requireStaff()) return
    const y = Number(params.year)
    const start = Number.isInteger(y) && y >= FIRST_YEAR && y <= thisYear ? y : thisYear
    setYear(start)
    void load(start)
  })

  const pickYear = (y: number) => {
    setYear(y)
    setReport(null)
    void load(y)
  }

  const download = async () => {
    setDownloading(true)
    try {
      if (await downloadAnnualCsv(year)) void Taro.showToast({ title: '表格已开始下载', icon: 'none' })
    } catch (e) {
      const msg = staffError(e)
      if (msg) void Taro.showToast({ title: msg, icon: 'none' })
    } finally {
      setDownloading(false)
    }
  }

  return (
    <StaffPage title='年度报告' className='wb-report'>
      <View className='wb-report__actions bm-card'>
        <View className='wb-report__year'>
          <Text className='wb-report__year-label'>报告年度</Text>
          <Picker mode='selector' range={years.map((y) => `${y} 年`)} value={Math.max(0, years.indexOf(year))} onChange={(e) => pickYear(years[Number(e.detail.value)] ?? thisYear)}>
            <View className='wb-report__year-value' data-testid='report-year'>{year} 年 ▾</View>
          </Picker>
        </View>
        <View className='wb-report__buttons'>
          <Button className={`bm-button bm-button--primary${downloading ? ' bm-button--disabled' : ''}`} disabled={downloading || !report} onClick={() => void download()} data-testid='report-download'>
            {downloading ? '正在下载…' : '下载表格（CSV）'}
          </Button>
          {isH5 && (
            <Button className='bm-button' disabled={!report} onClick={() => window.print()} data-testid='report-print'>打印</Button>
          )}
        </View>
      </View>

      {loading && !report && <PageState status='loading' title='正在生成报告数据…' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(year)} />}
      {report && !error && (
        <View className='wb-report__paper' data-testid='report-paper'>
          <Text className='wb-report__title'>{report.orgName} {report.year} 年政府信息公开工作年度报告（数据部分）</Text>
          <Text className='wb-report__h'>二、主动公开政府信息情况</Text>
          <ProactiveTable r={report} />
          <Text className='wb-report__h'>三、收到和处理政府信息公开申请情况</Text>
          <DisclosureTable r={report} />
          <Text className='wb-report__h'>互动交流与政务服务情况（供报告正文引用）</Text>
          <Figures r={report} />
          <Text className='wb-report__foot'>数据来源：本系统 {report.year} 年 1 月 1 日至 12 月 31 日的记录（本年未过完时统计到今天）。</Text>
        </View>
      )}
    </StaffPage>
  )
}
