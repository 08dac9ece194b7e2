import { Text, View } from '@tarojs/components'
import { api } from '@/api/client'
import { Action, Actions, PageRoot, PagedFooter, StatusTag, aria, go, useConfirm, usePagedList } from '@/kit'
import { shownStatus, shownStatusMap, slotText } from '../parts/appointment.format'
import { confirmCancel, reschedule } from '../parts/appointment-actions'
import '../parts/appointment.scss'

/** 我的预约: status, check-in code, cancel (with confirmation) and reschedule. */
export default function MyAppointmentsPage () {
  const list = usePagedList((cursor) => api('listAppointments', { query: { cursor } }), [])
  const { ask, panel } = useConfirm()

  return (
    <PageRoot className='ap-list'>
      {list.items.map((a) => (
        <View key={a.id} className='bm-card' data-testid='appointment'>
          <View {...aria('link')} onClick={() => go('appointmentDetail', { id: a.id })}>
            <View className='ap-meta'>
              <StatusTag map={shownStatusMap} status={shownStatus(a)} solid testId='appointment-status' />
              {a.queueNumber && <Text>{`排队号 ${a.queueNumber}`}</Text>}
            </View>
            <Text className='ap-title'>{a.serviceItemName}</Text>
            <Text className='ap-line'>{slotText(a)}</Text>
            <Text className='ap-line'>{a.windowName ? `${a.hallName} · ${a.windowName}` : a.hallName}</Text>
            {a.status === 'BOOKED' && <Text className='ap-line'>签到码 <Text className='ap-list__code' data-testid='appointment-code'>{a.code}</Text></Text>}
          </View>
          {a.canCancel && (panel(a.id) ?? (
            <Actions>
              <Action onClick={() => reschedule(a)} testId='appointment-reschedule'>改约</Action>
              <Action kind='danger' onClick={async () => { if (await confirmCancel(a, ask)) void list.refresh() }} testId='appointment-cancel'>取消预约</Action>
            </Actions>
          ))}
        </View>
      ))}
      <PagedFooter list={list} endText={null}
        empty={{ title: '还没有预约', description: '在“办事”里找到要办的事项，就可以预约到窗口办理。', action: { label: '去预约', onClick: () => go('services') } }} />
    </PageRoot>
  )
}
