// The staff notice list used by the editor's list and the reviewer's queue: status tabs, more on scrolling down;
// on a desk a table with the notice beside it.
import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { NoticeStatus, PageName } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Choices, Tag, pageUrl, usePagedList } from '@/kit'
import { dateTimeText, type StaffNoticeItem } from '@/pages/notices/parts/notice.format'
import type { Column } from '../shell/data-table'
import { PagedTable } from '../shell/paged-table'
import { MasterDetail, useSelection } from '../shell/master-detail'
import { StaffPage } from '../shell/staff-page'
import { NoticeStatusTag } from './notice-tags'
import { NoticeView } from './notice-view'

export const staffNoticeUrl = (id: string) => pageUrl('staffNoticeDetail', { id })
export interface Tab { key: string; label: string; status?: NoticeStatus; mine?: boolean }

const columns: Column<StaffNoticeItem>[] = [
  {
    key: 'title', title: '标题', width: '3fr', render: (n) => (
      <View>
        <View className='staff-tags'>
          <NoticeStatusTag status={n.status} />
          <Text className='staff-tags__text'>{` ${n.title}`}</Text>
        </View>
        {n.status === 'REJECTED' && n.rejectReason && <Text className='staff-case__line staff-text--danger'>{`退回原因：${n.rejectReason}`}</Text>}
      </View>
    ),
  },
  { key: 'category', title: '栏目', width: '1fr', render: (n) => <Tag tone='muted'>{n.category}</Tag> },
  { key: 'org', title: '发布机构', width: '1.2fr', render: (n) => <Text>{n.orgName}</Text> },
  { key: 'author', title: '起草', width: '0.9fr', render: (n) => <Text>{`起草：${n.authorName}`}</Text> },
  {
    key: 'updated', title: '更新时间', width: '1.4fr', sort: (a, b) => a.updatedAt.localeCompare(b.updatedAt), render: (n) => (
      <View>
        <Text>{`更新 ${dateTimeText(n.updatedAt)}`}</Text>
        {n.publishAt && n.status !== 'WITHDRAWN' && <Text className='staff-case__line'>{`定时 ${dateTimeText(n.publishAt)}`}</Text>}
      </View>
    ),
  },
]

export function StaffNoticeList ({ title, page, tabs, empty, actions }: { title: string; page: PageName; tabs: Tab[]; empty: string; actions?: ReactNode }) {
  const [tab, setTab] = useState(tabs[0]!.key)
  const t = tabs.find((x) => x.key === tab)!
  const list = usePagedList((cursor) => staffApi('listStaffNotices', { query: { status: t.status, mine: t.mine ? 'true' : undefined, cursor, limit: 20 } }), [tab])
  const sel = useSelection('staffNoticeDetail')
  return (
    <StaffPage title={title} section={page} width='wide' actions={actions}>
      <View className='staff-filters'>
        <Choices label='状态' options={tabs.map((x) => ({ value: x.key, label: x.label }))} value={tab} onChange={(k) => { sel.clear(); setTab(k) }} testId={(k) => `staff-notice-tab-${k}`} />
      </View>
      <MasterDetail
        list={<PagedTable list={list} label='信息列表' columns={columns}
          rowKey={(n) => n.id} onRowClick={(n) => sel.open(n.id)} selectedKey={sel.selected} rowTestId='staff-notice-item' rowLabel={(n) => n.title}
          empty={{ title: empty }} />}
        detail={sel.selected ? <NoticeView key={sel.selected} id={sel.selected} onChange={() => void list.refresh()} /> : null}
        placeholder='在左侧选择一条信息，查看并处理'
      />
    </StaffPage>
  )
}
