// 申诉复核: appeals against ratings in my subtree; a reviewer of a higher org upholds (the rating leaves the
// statistics, never deleted) or dismisses them with a note. A desk shows a table with the appeal beside it; a phone
// shows each appeal as a card.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { appealReasonLabels } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Choices, PagedFooter, StatusTag, usePagedList } from '@/kit'
import { formatTime } from '@/components/rating/format'
import { DataTable, type Column } from '../../shell/data-table'
import { MasterDetail } from '../../shell/master-detail'
import { StaffPage } from '../../shell/staff-page'
import { useDesk } from '../../shell/use-desk'
import { AppealCard, appealStatus, type Appeal } from './appeal-card'

const filters = [{ value: 'pending', label: '待复核' }, { value: 'all', label: '全部' }] as const
const columns: Column<Appeal>[] = [
  { key: 'title', title: '评价', width: '2fr', render: (a) => <Text>{a.rating.subjectTitle || '办件'}</Text> },
  { key: 'status', title: '状态', width: '1.3fr', render: (a) => <StatusTag map={appealStatus} status={a.status} /> },
  { key: 'org', title: '单位', width: '1.4fr', render: (a) => <Text>{a.orgName}</Text> },
  { key: 'reason', title: '申诉理由', width: '1fr', render: (a) => <Text>{appealReasonLabels[a.reason]}</Text> },
  { key: 'created', title: '提出时间', width: '1.4fr', sort: (a, b) => a.createdAt.localeCompare(b.createdAt), render: (a) => <Text>{formatTime(a.createdAt)}</Text> },
]

export default function AppealsPage () {
  const desk = useDesk()
  const [filter, setFilter] = useState<'pending' | 'all'>('pending')
  const list = usePagedList((cursor) => staffApi('listAppeals', { query: { limit: 20, cursor, ...(filter === 'pending' ? { status: 'PENDING' as const } : {}) } }), [filter])
  const [selected, setSelected] = useState<string | null>(null)
  const decided = (next: Appeal) => list.setItems((xs) => xs.map((x) => (x.id === next.id ? next : x)))
  const chosen = list.items.find((a) => a.id === selected)
  const footer = <PagedFooter list={list} empty={{ title: '没有需要复核的申诉' }} endText={null} />
  return (
    <StaffPage title='申诉复核' width='wide'>
      <View className='staff-filters'><Choices label='申诉状态' options={filters} value={filter} onChange={setFilter} testId={(k) => `appeal-filter-${k}`} /></View>
      {desk
        ? (
          <MasterDetail
            list={<>{list.items.length > 0 && <DataTable label='申诉列表' columns={columns} rows={list.items} rowKey={(a) => a.id} onRowClick={(a) => setSelected(a.id)} selectedKey={selected} rowTestId='appeal-item' />}{footer}</>}
            detail={chosen ? <AppealCard key={chosen.id} a={chosen} onDecided={decided} /> : null}
            placeholder='在左侧选择一条申诉，查看并复核' />
          )
        : <>{list.items.map((a) => <AppealCard key={a.id} a={a} onDecided={decided} />)}{footer}</>}
    </StaffPage>
  )
}
