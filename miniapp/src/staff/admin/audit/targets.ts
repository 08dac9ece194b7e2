// Where an audit entry's target opens: the page that shows it, with the id under `param` (the page selects it), or
// the list that holds it.
import type { PageName, PageQuery } from '@bianmin/shared'

const targets: Partial<Record<string, { page: PageName; param?: string }>> = {
  Notice: { page: 'staffNoticeDetail', param: 'id' },
  Consultation: { page: 'staffConsultationDetail', param: 'id' },
  Disclosure: { page: 'staffDisclosureDetail', param: 'id' },
  Rectification: { page: 'staffRectificationDetail', param: 'id' },
  AnnualReport: { page: 'staffAnnualReportEdit', param: 'id' },
  Hall: { page: 'staffHalls', param: 'id' },
  Window: { page: 'staffHalls', param: 'window' },
  HallLine: { page: 'staffHalls', param: 'line' },
  ServiceItem: { page: 'staffServiceItems', param: 'id' },
  SlotTemplate: { page: 'staffSlotTemplates', param: 'template' },
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
  return { page: t.page, query: t.param && id ? { [t.param]: id } : undefined }
}
