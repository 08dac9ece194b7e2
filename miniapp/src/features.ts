// Service entries shown on 首页 and 办事; every entry opens a built page.
import type { PageName } from '@bianmin/shared'
import { go } from '@/kit/nav'

export interface Entry {
  key: string
  title: string
  description: string
  /** One character shown in the round badge. */
  badge: string
  /** Page to open (a tab page switches tabs). */
  page: PageName
}

export const entries = {
  notices: { key: 'notices', title: '政务公开', description: '通知公告、政策文件', badge: '公', page: 'notices' },
  booking: { key: 'booking', title: '预约办理', description: '先预约，再到窗口办事', badge: '约', page: 'services' },
  rating: { key: 'rating', title: '好差评', description: '给办事服务打分', badge: '评', page: 'ratingsMine' },
  consult: { key: 'consult', title: '在线咨询', description: '咨询、投诉、提建议', badge: '问', page: 'consultations' },
  disclosure: { key: 'disclosure', title: '依申请公开', description: '申请查看政府信息', badge: '申', page: 'disclosures' },
  myBookings: { key: 'my-bookings', title: '我的预约', description: '查看或取消预约', badge: '我', page: 'appointments' },
} satisfies Record<string, Entry>

export const homeEntries: Entry[] = [
  entries.notices, entries.booking, entries.rating, entries.consult, entries.disclosure, entries.myBookings,
]

export function openEntry (entry: Entry): void {
  go(entry.page)
}
