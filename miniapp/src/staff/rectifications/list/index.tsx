// 差评整改 inbox (本机构及下级): most urgent first, overdue cases flagged, filters by state; a table on a desk with
// the case beside it.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { buildQuery, contract, ratingLevelLabels, type Contract, type RequestOf, type ResponseOf } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Choices, FormError, Loaded, Section, Tag, usePagedList, useResource, useSubmit } from '@/kit'
import { formatDate, percent, rectStatusLabel } from '@/components/rating/format'
import { lastPeriod, type ReportPeriod } from '@/components/rating/period'
import { downloadFile } from '../../shell/download'
import type { Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { MasterDetail, useSelection } from '../../shell/master-detail'
import { StaffPage } from '../../shell/staff-page'
import { RectificationCase } from '../parts/rect-view'

type List = ResponseOf<Contract['listRectifications']>
type Item = List['items'][number]
type Query = NonNullable<RequestOf<Contract['listRectifications']>['query']>

const filters: { value: string; label: string; query: Query }[] = [
  { value: 'all', label: '全部', query: {} },
  { value: 'overdue', label: '已超期', query: { overdue: 'true' } },
  { value: 'open', label: '待核实', query: { status: 'OPEN' } },
  { value: 'revisit', label: '待回访', query: { status: 'RECTIFIED' } },
  { value: 'closed', label: '已办结', query: { status: 'CLOSED' } },
]

const columns: Column<Item>[] = [
  {
    key: 'title', title: '办件', width: '2.4fr', render: (r) => (
      <View className='staff-tags'>
        <Tag tone={r.status === 'CLOSED' ? 'success' : 'warning'}>{rectStatusLabel(r.status)}</Tag>
        <Text className='staff-tags__text'>{r.subjectTitle || '办件'}</Text>
      </View>
    ),
  },
  { key: 'rating', title: '评价', width: '2fr', render: (r) => <Text>{`${ratingLevelLabels[r.level]} · ${r.tags.join('、') || '有书面理由'}`}</Text> },
  { key: 'org', title: '单位', width: '1.2fr', render: (r) => <Text>{r.orgName}</Text> },
  {
    key: 'due', title: '办结期限', width: '1.6fr', sort: (a, b) => a.dueAt.localeCompare(b.dueAt), render: (r) => (
      <View className='staff-tags'>
        <Text>{r.status === 'CLOSED' ? '已办结' : `${formatDate(r.dueAt)} 前办结`}</Text>
        {r.overdue && <Tag tone='danger' solid testId='overdue-badge'>已超期</Tag>}
        {r.appealStatus === 'PENDING' && <Tag tone='muted'>申诉中</Tag>}
        {r.excluded && <Tag tone='muted'>不计入统计</Tag>}
      </View>
    ),
  },
]

/** 好差评 at a glance (本机构及下级): counts per level, 好评率, 差评 and 整改率. */
function RatingSummary () {
  const stats = useResource(() => staffApi('getStaffRatingStats', { query: {} }), [])
  return (
    <Section title='好差评概况' testId='rating-summary'>
      <Loaded resource={stats}>
        {(s) => (
          <View className='staff-tags staff-summary'>
            {s.byLevel.map((l) => <Text key={l.level}>{`${l.label} `}<Text className='staff-summary__count'>{l.count}</Text></Text>)}
            <Text>好评率 <Text className='staff-summary__count staff-text--success' data-testid='summary-good-rate'>{percent(s.goodRate)}</Text></Text>
            <Text>差评 <Text className='staff-summary__count staff-text--danger' data-testid='summary-bad'>{s.bad}</Text> 条</Text>
            <Text>整改率 <Text className='staff-summary__count' data-testid='summary-rect-rate'>{percent(s.rectification.rate)}</Text></Text>
          </View>
        )}
      </Loaded>
    </Section>
  )
}

const periods: { value: ReportPeriod; label: string }[] = [{ value: 'month', label: '上月月报' }, { value: 'quarter', label: '上季度季报' }]

/** Staff export of the public 好差评 report of the last finished month or quarter (Word or CSV). */
function RatingReportExport () {
  const [period, setPeriod] = useState<ReportPeriod>('month')
  const download = useSubmit((format: 'docx' | 'csv') => {
    const { year, index } = lastPeriod(period)
    const name = `${year}年${period === 'month' ? `${index}月` : `第${index}季度`}好差评报告.${format}`
    return downloadFile(contract.exportRatingReport.path + buildQuery({ period, year, index, format }), name, '差评整改')
  })
  return (
    <Section title='好差评公示报告' testId='rating-report-export'>
      <Choices label='报告周期' options={periods} value={period} onChange={setPeriod} testId={(k) => `report-period-${k}`} />
      <View className='staff-tags'>
        <Action busy={download.busy} onClick={() => void download.run('docx')} testId='rating-report-docx'>导出 Word</Action>
        <Action busy={download.busy} onClick={() => void download.run('csv')} testId='rating-report-csv'>导出表格（CSV）</Action>
      </View>
      <FormError error={download.error} testId='rating-report-error' />
    </Section>
  )
}

export default function RectificationsPage () {
  const [filter, setFilter] = useState('all')
  const sel = useSelection('staffRectificationDetail')
  const list = usePagedList<List, Item>((cursor) => staffApi('listRectifications', { query: { ...filters.find((f) => f.value === filter)!.query, limit: 20, cursor } }), [filter])
  return (
    <StaffPage title='差评整改' width='wide'>
      <RatingSummary />
      {list.last && (
        <View className='staff-tags staff-summary'>
          <Text>办理中 <Text className='staff-summary__count' data-testid='open-count'>{list.last.openCount}</Text> 件</Text>
          <Text>已超期 <Text className='staff-summary__count staff-text--danger' data-testid='overdue-count'>{list.last.overdueCount}</Text> 件</Text>
        </View>
      )}
      <View className='staff-filters'>
        <Choices label='整改状态' options={filters} value={filter} onChange={setFilter} testId={(k) => `filter-${k}`} />
      </View>
      <MasterDetail
        list={<PagedTable list={list} label='差评整改列表' columns={columns}
          rowKey={(r) => r.id} rowLabel={(r) => r.subjectTitle || '办件'} onRowClick={(r) => sel.open(r.id)} selectedKey={sel.selected} rowTestId={(r) => `rect-${r.id}`}
          empty={{ title: '没有符合条件的整改事项' }} endText={null} />}
        detail={sel.selected ? <RectificationCase key={sel.selected} id={sel.selected} onChange={() => void list.refresh()} /> : null}
        placeholder='在左侧选择一件差评，核实、整改并回访'
      />
      <RatingReportExport />
    </StaffPage>
  )
}
