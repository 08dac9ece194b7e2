import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '@/api/client'
import { Action, Actions, InfoRow, Loaded, PageRoot, Section, StatusTag, alt, go, redirect, useConfirm, useResource } from '@/kit'
import { instantText, materialText, shownStatus, shownStatusMap, slotText } from '../parts/appointment.format'
import { confirmCancel, reschedule } from '../parts/appointment-actions'
import '../parts/appointment.scss'
import './index.scss'

/** The 申请材料 to bring, from the item's guide (a hint: the booking page stands without it). */
function Materials ({ itemId }: { itemId: string }) {
  const item = useResource(() => api('getServiceItem', { params: { id: itemId } }), [itemId], { on: 'mount' })
  if (!item.data) return null
  const list = item.data.materials
  return (
    <Section title='需要携带的材料' testId='detail-materials'>
      {list.length === 0 && <Text className='ap-line'>无需提交材料，带上身份证件即可。</Text>}
      {list.map((m, i) => <Text key={`${m.name}-${i}`} className='ap-line'>{materialText(m, i)}</Text>)}
    </Section>
  )
}

/** One appointment: the check-in code and its QR code to show at the hall, where and when, what to bring, cancel / reschedule, 去评价. */
export default function AppointmentPage () {
  const { id = '', booked, rescheduled } = useRouter().params
  const r = useResource(() => api('getAppointment', { params: { id } }), [id])
  const { ask, panel } = useConfirm()
  const a = r.data
  if (!a) return <PageRoot><Loaded resource={r} notFoundDescription='该预约不存在，或不是您的预约。'>{() => null}</Loaded></PageRoot>

  const active = a.status === 'BOOKED' || a.status === 'CHECKED_IN' || a.status === 'CALLED'
  return (
    <PageRoot className='ap-detail'>
      {booked && a.status === 'BOOKED' && <View className='bm-card ap-detail__ok' data-testid='booked-banner'><Text>预约成功！请按时到场，出示签到码签到取号。</Text></View>}
      {rescheduled && a.status === 'BOOKED' && (
        <View className='bm-card ap-detail__ok' data-testid='rescheduled-banner'>
          <Text>{`改约成功！新的时间是 ${slotText(a)}，请出示新的签到码 ${a.code}；原预约已取消，原签到码作废。`}</Text>
        </View>
      )}
      <View className='bm-card'>
        <View className='ap-meta'><StatusTag map={shownStatusMap} status={shownStatus(a)} solid testId='detail-status' /></View>
        <Text className='ap-title'>{a.serviceItemName}</Text>
        {active && (
          <View>
            <Text className='ap-line'>{a.queueNumber ? '您的排队号' : '签到码（到服务中心后出示）'}</Text>
            <Text className='ap-code' data-testid='detail-code'>{a.queueNumber ?? a.code}</Text>
            {!a.queueNumber && <Image className='ap-qr' src={a.qrCode} mode='aspectFit' {...alt(`签到二维码，签到码 ${a.code}`)} data-testid='detail-qr' />}
          </View>
        )}
        {a.rescheduledToId && (
          <View className='ap-detail__moved' data-testid='detail-moved'>
            <Text className='ap-line'>{`这个预约已改约到新的时段，签到码 ${a.code} 已作废。`}</Text>
            <Action onClick={() => go('appointmentDetail', { id: a.rescheduledToId! })} testId='detail-moved-to'>查看改约后的预约</Action>
          </View>
        )}
      </View>
      <Section>
        <InfoRow label='时间'>{slotText(a)}</InfoRow>
        <InfoRow label='地点'>{`${a.hallName}${a.windowName ? ` · ${a.windowName}` : ''}`}</InfoRow>
        <InfoRow label='地址'>{a.hallAddress}</InfoRow>
        <InfoRow label='预约人'>{`${a.contactName}  ${a.contactPhone}`}</InfoRow>
        {a.note && <InfoRow label='备注'>{a.note}</InfoRow>}
        {a.status === 'BOOKED' && <Text className='ap-line'>{`${instantText(a.cancelDeadline)} 前可免责取消，之后取消记为逾时取消。`}</Text>}
      </Section>
      {active && <Materials itemId={a.serviceItemId} />}
      {a.status === 'DONE' && (
        <Section title='办结了，说说您的感受'>
          <Text className='ap-line'>一事一评：您的评价会让服务更好，差评会有专人整改并回复您。</Text>
          <Action kind='primary' block onClick={() => go('ratingRate', { subjectType: 'APPOINTMENT', subjectId: a.id })} testId='detail-rate'>去评价</Action>
        </Section>
      )}
      {a.canCancel && (panel(a.id) ? <View className='bm-card'>{panel(a.id)}</View> : (
        <View className='bm-card'>
          <Actions>
            <Action onClick={() => reschedule(a)} testId='detail-reschedule'>改约</Action>
            <Action kind='danger' onClick={async () => { if (await confirmCancel(a, ask)) void r.reload() }} testId='detail-cancel'>取消预约</Action>
          </Actions>
        </View>
      ))}
      <View className='bm-card'>
        <Action block onClick={() => redirect('appointments')} testId='detail-to-list'>查看我的预约</Action>
      </View>
    </PageRoot>
  )
}
