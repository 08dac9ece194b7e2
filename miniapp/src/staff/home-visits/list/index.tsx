import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { HomeVisitView } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Choices, StatusTag, usePagedList } from '@/kit'
import { dayText, instantText } from '@/pages/appointments/parts/appointment.format'
import type { Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { MasterDetail } from '../../shell/master-detail'
import { StaffPage } from '../../shell/staff-page'
import { useDesk } from '../../shell/use-desk'
import { HomeVisitCase, visitStatus } from './case'

type Status = HomeVisitView['status']
const tabs: { value: Status; label: string }[] = [
  { value: 'REQUESTED', label: '待受理' }, { value: 'SCHEDULED', label: '已安排' }, { value: 'DONE', label: '已办结' },
  { value: 'DECLINED', label: '未受理' }, { value: 'CANCELLED', label: '已撤回' },
]

const columns: Column<HomeVisitView>[] = [
  { key: 'who', title: '申请人', width: '1.2fr', render: (h) => <Text>{`${h.contactName} ${h.contactPhone}`}</Text> },
  { key: 'item', title: '事项', width: '1.6fr', render: (h) => <Text>{h.serviceItemName}</Text> },
  { key: 'reason', title: '申请原因', width: '2fr', render: (h) => <Text>{h.reason}</Text> },
  {
    key: 'when', title: '希望 / 安排', width: '1.6fr', render: (h) => <Text>{h.scheduledAt ? `安排 ${instantText(h.scheduledAt)}` : `希望 ${h.preferredDays.map(dayText).join('、')}`}</Text>,
  },
  { key: 'status', title: '状态', width: '0.9fr', render: (h) => <StatusTag map={visitStatus} status={h.status} /> },
]

/** 上门服务 desk (clerks, handlers): requests by status; the chosen one beside the list with its next step. */
export default function StaffHomeVisitsPage () {
  const [status, setStatus] = useState<Status>('REQUESTED')
  const [selected, setSelected] = useState<string | null>(null)
  const desk = useDesk()
  const list = usePagedList((cursor) => staffApi('listStaffHomeVisits', { query: { status, cursor } }), [status])
  const current = list.items.find((h) => h.id === selected) ?? null
  // The request moves to the tab of its new status, still shown beside the list.
  const changed = (h: HomeVisitView) => { setSelected(h.id); if (h.status === status) void list.refresh(); else setStatus(h.status) }
  const detail = current ? <HomeVisitCase key={current.id} visit={current} onChanged={changed} /> : null

  return (
    <StaffPage title='上门服务' width='wide'>
      <View className='staff-filters'>
        <Choices label='办理状态' options={tabs} value={status} onChange={(s) => { setStatus(s); setSelected(null) }} testId={(s) => `hv-tab-${s}`} />
      </View>
      <MasterDetail
        list={<PagedTable list={list} label='上门服务申请' columns={columns}
          rowKey={(h) => h.id} onRowClick={(h) => setSelected(h.id)} selectedKey={selected} rowTestId='hv-row' rowLabel={(h) => `${h.contactName} ${h.serviceItemName}`}
          empty={{ title: '没有这一状态的申请' }} endText={null} />}
        detail={detail}
        placeholder='在左侧选择一条申请，安排上门或办结'
      />
      {!desk && detail}
    </StaffPage>
  )
}
