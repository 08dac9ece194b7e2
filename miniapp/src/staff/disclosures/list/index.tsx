// 依申请公开 for handlers and reviewers: applications by state; a table on a desk, one row per application, the
// request beside it.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { disclosureApplicantTypeLabels, disclosureChannelLabels, disclosureLines } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Choices, go, Loaded, Section, Tag, usePagedList, useResource } from '@/kit'
import { dateOf, disclosureTone, outcomeText, type DisclosureSummary } from '@/utils/disclosure'
import { DataTable, type Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { MasterDetail, useSelection } from '../../shell/master-detail'
import { StaffPage } from '../../shell/staff-page'
import { DisclosureCase } from '../detail/case-view'

const tabs = [
  { value: 'open', label: '办理中', query: { status: 'OPEN' as const } },
  { value: 'overdue', label: '已超期', query: { overdue: 'true' } },
  { value: 'replied', label: '已答复', query: { status: 'REPLIED' as const } },
  { value: 'closed', label: '已办结', query: { status: 'CLOSED' as const } },
]

const columns: Column<DisclosureSummary>[] = [
  {
    key: 'title', title: '申请内容', width: '3fr', render: (d) => (
      <View className='staff-tags'>
        <Tag tone={disclosureTone(d)} solid testId='staff-disclosure-badge'>{d.overdue ? '已超期' : d.statusLabel}</Tag>
        <Text className='staff-tags__text'>{d.description}</Text>
      </View>
    ),
  },
  { key: 'applicant', title: '申请人', width: '2fr', render: (d) => <Text>{`${d.applicantName ?? d.contactName} · ${disclosureApplicantTypeLabels[d.applicantType]} · ${disclosureChannelLabels[d.channel]}`}</Text> },
  { key: 'received', title: '收到', width: '1.6fr', sort: (a, b) => a.receivedAt.localeCompare(b.receivedAt), render: (d) => <Text>{`${d.orgName} · 收到 ${dateOf(d.receivedAt)}`}</Text> },
  {
    key: 'due', title: '期限 / 结果', width: '1.6fr', sort: (a, b) => a.dueAt.localeCompare(b.dueAt), render: (d) => (
      <Text>{outcomeText(d) || `${d.status === 'CORRECTION_REQUESTED' ? '补正期限' : '答复期限'} ${dateOf(d.dueAt)}`}</Text>
    ),
  },
]

type Line = ReturnType<typeof disclosureLines>[number] & { key: string }

/** 年度统计: the year's 收到和处理政府信息公开申请情况 (年度报告第三部分), 本机构及下级. */
function AnnualTable () {
  const thisYear = new Date().getFullYear()
  const years = [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y} 年` }))
  const [year, setYear] = useState(String(thisYear))
  const table = useResource(() => staffApi('disclosureAnnualTable', { query: { year: Number(year) } }), [year])
  return (
    <Section title='年度统计：收到和处理政府信息公开申请情况' testId='disclosure-annual'>
      <View className='staff-filters'>
        <Choices label='年度' options={years} value={year} onChange={setYear} testId={(k) => `annual-year-${k}`} />
      </View>
      <Loaded resource={table}>
        {(t) => {
          const lines: Line[] = disclosureLines(t).map((l, i) => ({ ...l, key: String(i) }))
          const columns: Column<Line>[] = [
            { key: 'label', title: '申请人情况', width: '3fr', render: (l) => <Text className={l.heading ? 'staff-case__title' : undefined}>{l.label}</Text> },
            ...t.columns.map((c, j): Column<Line> => ({
              key: c.key, title: c.group ? `${c.group}·${c.label}` : c.label, width: '1fr', numeric: true,
              render: (l) => <Text>{l.values ? String(l.values[j] ?? 0) : ''}</Text>,
            })),
          ]
          return (
            <>
              <DataTable label={`${t.year} 年依申请公开统计`} columns={columns} rows={lines} rowKey={(l) => l.key} rowTestId='disclosure-annual-row' />
              <Text className={t.check.balanced ? 'staff-text--success' : 'staff-text--danger'} data-testid='disclosure-annual-check'>
                {t.check.balanced ? '核对：一 + 二 = 三 + 四，平衡' : '核对：一 + 二 ≠ 三 + 四，不平衡，请核查办理记录'}
              </Text>
            </>
          )
        }}
      </Loaded>
    </Section>
  )
}

export default function StaffDisclosureListPage () {
  const [annual, setAnnual] = useState(false)
  const [tab, setTab] = useState('open')
  const sel = useSelection('staffDisclosureDetail')
  const list = usePagedList((cursor) => staffApi('listStaffDisclosures', { query: { ...tabs.find((t) => t.value === tab)!.query, limit: 20, cursor } }), [tab])
  return (
    <StaffPage title='依申请公开' width='wide'
      actions={(
        <>
          <Action kind='primary' onClick={() => go('staffDisclosureRecord')} testId='disclosure-record'>＋ 登记申请</Action>
          <Action onClick={() => setAnnual((a) => !a)} testId='disclosure-annual-toggle'>{annual ? '收起年度统计' : '年度统计'}</Action>
        </>
      )}>
      {annual && <AnnualTable />}
      <View className='staff-filters'>
        <Choices label='办理状态' options={tabs} value={tab} onChange={setTab} testId={(k) => `tab-${k}`} />
      </View>
      <MasterDetail
        list={<PagedTable list={list} label='依申请公开列表' columns={columns}
          rowKey={(d) => d.id} rowLabel={(d) => d.description} onRowClick={(d) => sel.open(d.id)} selectedKey={sel.selected} rowTestId='staff-disclosure-item'
          empty={{ title: '没有需要办理的申请' }} endText={null} />}
        detail={sel.selected ? <DisclosureCase key={sel.selected} id={sel.selected} onChange={() => void list.refresh()} /> : null}
        placeholder='在左侧选择一件申请，查看并办理'
      />
    </StaffPage>
  )
}
