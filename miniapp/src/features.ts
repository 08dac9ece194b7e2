// Service entries shown on 首页 and 办事. An entry without `url` is not built yet and says so.
import Taro from '@tarojs/taro'

export interface Entry {
  key: string
  title: string
  description: string
  /** One character shown in the round badge. */
  badge: string
  /** Page to open; tab pages are opened with switchTab. */
  url?: string
  tab?: boolean
}

export const entries = {
  notices: { key: 'notices', title: '政务公开', description: '通知公告、政策文件', badge: '公', url: '/pages/notices/list/index' },
  booking: { key: 'booking', title: '预约办理', description: '先预约，再到窗口办事', badge: '约', url: '/pages/services/index', tab: true },
  rating: { key: 'rating', title: '好差评', description: '给办事服务打分', badge: '评', url: '/pages/ratings/mine/index' },
  consult: { key: 'consult', title: '在线咨询', description: '咨询、投诉、提建议', badge: '问', url: '/pages/consultations/index/index' },
  disclosure: { key: 'disclosure', title: '依申请公开', description: '申请查看政府信息', badge: '申', url: '/pages/disclosures/index/index' },
  myBookings: { key: 'my-bookings', title: '我的预约', description: '查看或取消预约', badge: '我', url: '/pages/appointments/list/index' },
} satisfies Record<string, Entry>

export const homeEntries: Entry[] = [
  entries.notices, entries.booking, entries.rating, entries.consult, entries.disclosure, entries.myBookings,
]

export function openEntry (entry: Entry): void {
  if (!entry.url) {
    void Taro.showToast({ title: '即将开放', icon: 'none' })
    return
  }
  if (entry.tab) void Taro.switchTab({ url: entry.url })
  else void Taro.navigateTo({ url: entry.url })
}
