// Where an audit entry's target opens: its own detail page (with the id) or the list that holds it.
import type { PageName, PageQuery } from '@bianmin/shared'

const targets: Partial<Record<string, { page: PageName; withId?: boolean }>> = {
  Notice: { page: 'staffNoticeDetail', withId: true },
  Consultation: { page: 'staffConsultationDetail', withId: true },
  Disclosure: { page: 'staffDisclosureDetail', withId: true },
  Rectification: { page: 'staffRectificationDetail', withId: true },
  RatingAppeal: { page: 'staffAppeals' },
  HomeVisit: { page: 'staffHomeVisits' },
  Appointment: { page: 'staffPhoneBooking' },
  Slot: { page: 'staffSlots' },
  Staff: { page: 'staffAccounts' },
  Setting: { page: 'staffSettings' },
  CalendarOverride: { page: 'staffCalendar' },
}

export function targetLink (type: string | null, id: string | null): { page: PageName; query?: PageQuery } | null {
  const t = type ? targets[type] : undefined
  if (!t) return null
  return { page: t.page, query: t.withId && id ? { id } : undefined }
}
