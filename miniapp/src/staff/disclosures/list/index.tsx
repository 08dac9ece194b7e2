// 依申请公开 for handlers and reviewers: applications by state; a table on a desk, one row per application.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { disclosureApplicantTypeLabels, disclosureChannelLabels } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Choices, go, PagedFooter, Tag, usePagedList } from '@/kit'
import { dateOf, disclosureTone, outcomeText, type DisclosureSummary } from '@/utils/disclosure'
import { DataTable, type Column } from '../../shell/data-table'
import { StaffPage } from '../../shell/staff-page'

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

export default function StaffDisclosureListPage () {
  const [tab, setTab] = useState('open')
  const list = usePagedList((cursor) => staffApi('listStaffDisclosures', { query: { ...tabs.find((t) => t.value === tab)!.query, limit: 20, cursor } }), [tab])
  return (
    <StaffPage title='依申请公开' width='wide'>
      <View className='staff-filters'>
        <Choices label='办理状态' options={tabs} value={tab} onChange={setTab} testId={(k) => `tab-${k}`} />
      </View>
      {list.items.length > 0 && (
        <DataTable label='依申请公开列表' columns={columns} rows={list.items} rowKey={(d) => d.id} rowLabel={(d) => d.description}
          onRowClick={(d) => go('staffDisclosureDetail', { id: d.id })} rowTestId='staff-disclosure-item' />
      )}
      <PagedFooter list={list} empty={{ title: '没有需要办理的申请' }} endText={null} />
    </StaffPage>
  )
}
