// Walk-in tickets (服务大厅): a DONE ticket is rated at the window's 评价器 or by the resident holding it in the app.
// A checked-in appointment's ticket is rated as that APPOINTMENT (one service, one rating), so it is not a subject here.
import type { SubjectInfo, SubjectResolver } from './types'
import { instantRange } from './types'

const include = {
  serviceItem: { select: { name: true } },
  hall: { select: { name: true, orgId: true, org: { select: { name: true } } } },
} as const

type Row = {
  id: string; residentId: string | null; status: string; doneAt: Date | null; hallId: string; windowId: string | null; serviceItemId: string
  number: string; serviceItem: { name: string }; hall: { name: string; orgId: string; org: { name: string } }
}

const toInfo = (t: Row): SubjectInfo => ({
  type: 'TICKET', id: t.id, residentId: t.residentId, finished: t.status === 'DONE' && t.doneAt !== null, doneAt: t.doneAt,
  orgId: t.hall.orgId, orgName: t.hall.org.name, hallId: t.hallId, hallName: t.hall.name, windowId: t.windowId,
  serviceItemId: t.serviceItemId, title: `${t.serviceItem.name}（现场办理 ${t.number} 号）`,
})

export const ticketSubject: SubjectResolver = {
  type: 'TICKET',
  async load (db, id) {
    const t = await db.ticket.findFirst({ where: { id, appointmentId: null }, include })
    return t ? toInfo(t) : null
  },
  async loadMany (db, ids) {
    return ids.length ? (await db.ticket.findMany({ where: { id: { in: ids }, appointmentId: null }, include })).map(toInfo) : []
  },
  async finishedSince (db, residentId, since, take) {
    const rows = await db.ticket.findMany({ where: { residentId, appointmentId: null, status: 'DONE', doneAt: { gte: since } }, include, orderBy: { doneAt: 'desc' }, take })
    return rows.map(toInfo)
  },
  async contact (db, cipher, id) {
    const t = await db.ticket.findUnique({ where: { id }, select: { contactName: true, contactPhoneEnc: true, resident: { select: { nickname: true, phoneEnc: true } } } })
    if (t?.contactPhoneEnc) return { name: t.contactName ?? '评价人', phone: cipher.decrypt(t.contactPhoneEnc) }
    if (t?.resident?.phoneEnc) return { name: t.resident.nickname ?? '评价人', phone: cipher.decrypt(t.resident.phoneEnc) }
    return null
  },
  async countDone (db, f) {
    let hallIds: string[] | undefined
    if (f.orgIds) hallIds = (await db.hall.findMany({ where: { orgId: { in: f.orgIds } }, select: { id: true } })).map((h) => h.id)
    if (f.hallId) hallIds = hallIds ? hallIds.filter((h) => h === f.hallId) : [f.hallId]
    if (hallIds && hallIds.length === 0) return 0
    return db.ticket.count({
      where: {
        status: 'DONE', appointmentId: null, doneAt: instantRange(f),
        ...(hallIds ? { hallId: hallIds.length === 1 ? hallIds[0]! : { in: hallIds } } : {}),
        ...(f.windowId ? { windowId: f.windowId } : {}),
        ...(f.serviceItemId ? { serviceItemId: f.serviceItemId } : {}),
      },
    })
  },
}
