import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { ConsultationKind, staffConsultationSummary } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Choices, useResource, usePagedList } from '@/kit'
import { dueText, kindLabel, timeText } from '@/pages/consultations/parts/consultation.format'
import type { Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { MasterDetail, useSelection } from '../../shell/master-detail'
import { StaffPage } from '../../shell/staff-page'
import { CaseTags, dueTone } from '../case-tags'
import { ConsultationCase } from '../detail/case-view'

type Item = z.infer<typeof staffConsultationSummary>
type Counts = { awaitingReply: number; dueSoon: number; overdue: number; unassigned: number; mine: number }
type Query = { awaiting?: 'true'; overdue?: 'true'; dueSoon?: 'true'; mine?: 'true'; status?: 'SUBMITTED' | 'REPLIED' | 'CLOSED' }

const tabs: { key: string; label: string; query: Query; count?: keyof Counts }[] = [
  { key: 'awaiting', label: '待答复', query: { awaiting: 'true' }, count: 'awaitingReply' },
  { key: 'overdue', label: '已超期', query: { overdue: 'true' }, count: 'overdue' },
  { key: 'dueSoon', label: '即将到期', query: { dueSoon: 'true' }, count: 'dueSoon' },
  { key: 'unassigned', label: '待分派', query: { status: 'SUBMITTED' }, count: 'unassigned' },
  { key: 'mine', label: '我的', query: { mine: 'true', awaiting: 'true' }, count: 'mine' },
  { key: 'replied', label: '已答复', query: { status: 'REPLIED' } },
  { key: 'closed', label: '已办结', query: { status: 'CLOSED' } },
]
const kinds: { value: ConsultationKind | 'all'; label: string }[] = [
  { value: 'all', label: '全部类型' },
  ...(['CONSULT', 'COMPLAINT', 'SUGGESTION'] as const).map((k) => ({ value: k, label: kindLabel(k) })),
]

const columns: Column<Item>[] = [
  {
    key: 'title', title: '留言', width: '3fr', render: (c) => (
      <View className='staff-tags'><CaseTags c={c} overdueTestId='cs-overdue' /><Text className='staff-tags__text'>{c.title}</Text></View>
    ),
  },
  { key: 'org', title: '受理单位', width: '1.2fr', render: (c) => <Text>{c.orgName}</Text> },
  { key: 'received', title: '收到', width: '1.2fr', sort: (a, b) => a.createdAt.localeCompare(b.createdAt), render: (c) => <Text>{`收到 ${timeText(c.createdAt)}`}</Text> },
  { key: 'assignee', title: '办理人', width: '1fr', render: (c) => <Text>{c.assignee ? `办理人：${c.assignee.name}` : '未分派'}</Text> },
  {
    key: 'due', title: '答复期限', width: '1.5fr', sort: (a, b) => a.dueAt.localeCompare(b.dueAt), render: (c) => {
      const due = dueText(c)
      if (c.repliedOnTime === false) return <Text className='staff-text--danger'>超期答复</Text>
      return due ? <Text className={`staff-text--${dueTone[due.tone]}`}>{due.text}</Text> : <Text>—</Text>
    },
  },
]

/** The handler's inbox: open cases by deadline with overdue badges, filters and counters; on a desk the case opens beside the list. */
export default function StaffConsultationInbox () {
  const [tab, setTab] = useState('awaiting')
  const [kind, setKind] = useState<ConsultationKind | 'all'>('all')
  const query = tabs.find((t) => t.key === tab)!.query
  const list = usePagedList((cursor) => staffApi('listStaffConsultations', { query: { ...query, kind: kind === 'all' ? undefined : kind, cursor } }), [tab, kind])
  const counts = useResource(() => staffApi('staffConsultationSummary'), [tab, kind])
  const sel = useSelection('staffConsultationDetail')
  const tabOptions = tabs.map((t) => {
    const n = t.count && counts.data ? counts.data[t.count] : 0
    return { value: t.key, label: n ? `${t.label} ${n}` : t.label }
  })

  return (
    <StaffPage title='咨询待办' width='wide'>
      <View className='staff-filters'>
        <Choices label='办理状态' options={tabOptions} value={tab} onChange={setTab} testId={(k) => `cs-tab-${k}`} />
        <Choices label='留言类型' options={kinds} value={kind} onChange={setKind} />
      </View>
      <MasterDetail
        list={<PagedTable list={list} label='咨询列表' columns={columns}
          rowKey={(c) => c.id} onRowClick={(c) => sel.open(c.id)} selectedKey={sel.selected} rowTestId='cs-inbox-item' rowLabel={(c) => c.title}
          empty={{ title: '没有符合条件的留言' }} endText={null} />}
        detail={sel.selected ? <ConsultationCase key={sel.selected} id={sel.selected} onChange={() => void list.refresh()} /> : null}
        placeholder='在左侧选择一条留言，查看并答复'
      />
    </StaffPage>
  )
}
