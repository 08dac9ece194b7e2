// Cancel (with a confirmation that says whether it is a late cancel) and reschedule, shared by list and detail.
import Taro from '@tarojs/taro'
import type { AppointmentView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import type { Ask } from '@/components/confirm'
import { instantText, slotText } from './appointment.format'
import { go } from '@/kit/nav'

/** Asks (a modal, or inline in 长辈模式), then cancels; resolves true when cancelled. */
export async function confirmCancel (a: AppointmentView, ask: Ask, now = Date.now()): Promise<boolean> {
  const late = now > Date.parse(a.cancelDeadline)
  const confirm = await ask({
    key: a.id,
    title: '取消预约',
    content: late
      ? `距办理时间已不足规定时限（${instantText(a.cancelDeadline)} 前可免责取消），现在取消将记为逾时取消。确定取消 ${slotText(a)} 的预约吗？`
      : `确定取消 ${slotText(a)} 的预约吗？`,
    confirmText: '确定取消',
    cancelText: '再想想',
    danger: true,
  })
  if (!confirm) return false
  try {
    await api('cancelAppointment', { params: { id: a.id } })
    void Taro.showToast({ title: '已取消', icon: 'success' })
    return true
  } catch (e) {
    await ask({ key: a.id, title: '取消未成功', content: errorMessage(e), confirmText: '知道了', cancelText: '' })
    return false
  }
}

export function reschedule (a: AppointmentView): void {
  go('appointmentBook', { itemId: a.serviceItemId, reschedule: a.id })
}
