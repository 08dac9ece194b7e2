import { Button, Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '@/api/client'
import { Loaded, PageRoot, StatusTag, alt, redirect, useConfirm, useResource } from '@/kit'
import { appointmentStatus, instantText, slotText } from '../parts/appointment.format'
import { confirmCancel, reschedule } from '../parts/appointment-actions'
import '../parts/appointment.scss'

/** One appointment: the check-in code and its QR code to show at the hall, where and when, cancel / reschedule. */
export default function AppointmentPage () {
  const { id = '', booked } = useRouter().params
  const r = useResource(() => api('getAppointment', { params: { id } }), [id])
  const { ask, panel } = useConfirm()
  const a = r.data
  if (!a) return <PageRoot><Loaded resource={r}>{() => null}</Loaded></PageRoot>

  const active = a.status === 'BOOKED' || a.status === 'CHECKED_IN' || a.status === 'CALLED'
  return (
    <PageRoot className='ap-detail'>
      {booked && a.status === 'BOOKED' && <View className='bm-card ap-detail__ok' data-testid='booked-banner'><Text>预约成功！请按时到场，出示签到码签到取号。</Text></View>}
      <View className='bm-card'>
        <View className='ap-meta'><StatusTag map={appointmentStatus} status={a.status} solid testId='detail-status' /></View>
        <Text className='ap-title'>{a.serviceItemName}</Text>
        {active && (
          <View>
            <Text className='ap-line'>{a.queueNumber ? '您的排队号' : '签到码（到服务中心后出示）'}</Text>
            <Text className='ap-code' data-testid='detail-code'>{a.queueNumber ?? a.code}</Text>
            {!a.queueNumber && <Image className='ap-qr' src={a.qrCode} mode='aspectFit' {...alt(`签到二维码，签到码 ${a.code}`)} data-testid='detail-qr' />}
          </View>
        )}
      </View>
      <View className='bm-card'>
        <Text className='ap-line'>{`时间：${slotText(a)}`}</Text>
        <Text className='ap-line'>{`地点：${a.hallName}${a.windowName ? ` · ${a.windowName}` : ''}`}</Text>
        <Text className='ap-line'>{`地址：${a.hallAddress}`}</Text>
        <Text className='ap-line'>{`预约人：${a.contactName}  ${a.contactPhone}`}</Text>
        {a.note && <Text className='ap-line'>{`备注：${a.note}`}</Text>}
        {a.status === 'BOOKED' && <Text className='ap-line'>{`${instantText(a.cancelDeadline)} 前可免责取消，之后取消记为逾时取消。`}</Text>}
      </View>
      {a.canCancel && (panel(a.id) ? <View className='bm-card'>{panel(a.id)}</View> : (
        <View className='bm-card ap-actions'>
          <Button className='bm-button' onClick={() => reschedule(a)}>改约</Button>
          <Button className='bm-button bm-button--danger' onClick={async () => { if (await confirmCancel(a, ask)) void r.reload() }} data-testid='detail-cancel'>取消预约</Button>
        </View>
      ))}
      <View className='bm-card'>
        <Button className='bm-button bm-button--block' onClick={() => redirect('appointments')} data-testid='detail-to-list'>查看我的预约</Button>
      </View>
    </PageRoot>
  )
}
