// Appointments: a DONE appointment is rated; the responsible org is its hall's org.
import type { SubjectInfo, SubjectResolver } from './types'
import { instantRange } from './types'

const include = {
  serviceItem: { select: { name: true } },
  hall: { select: { name: true, orgId: true, org: { select: { name: true } } } },
} as const

type Row = {
  id: string; residentId: string | null; status: string; doneAt: Date | null; hallId: string; windowId: string | null; serviceItemId: string
  serviceItem: { name: string }; hall: { name: string; orgId: string; org: { name: string } }
}

const toInfo = (a: Row): SubjectInfo => ({
  type: 'APPOINTMENT', id: a.id, residentId: a.residentId, finished: a.status === 'DONE' && a.doneAt !== null, doneAt: a.doneAt,
  orgId: a.hall.orgId, orgName: a.hall.org.name, hallId: a.hallId, hallName: a.hall.name, windowId: a.windowId,
  serviceItemId: a.serviceItemId, title: a.serviceItem.name,
})

export const appointmentSubject: SubjectResolver = {
  type: 'APPOINTMENT',
  async load (db, id) {
    const a = await db.appointment.findUnique({ where: { id }, include })
    return a ? toInfo(a) : null
  },
  async loadMany (db, ids) {
    return ids.length ? (await db.appointment.findMany({ where: { id: { in: ids } }, include })).map(toInfo) : []
  },
  async finishedSince (db, residentId, since, take) {
    const rows = await db.appointment.findMany({ where: { residentId, status: 'DONE', doneAt: { gte: since } }, include, orderBy: { doneAt: 'desc' }, take })
    return rows.map(toInfo)
  },
  async contact (db, cipher, id) {
    const a = await db.appointment.findUnique({ where: { id }, select: { contactName: true, contactPhoneEnc: true } })
    return a?.contactPhoneEnc ? { name: a.contactName, phone: cipher.decrypt(a.contactPhoneEnc) } : null
  },
  async countDone (db, f) {
    let hallIds: string[] | undefined
    if (f.orgIds) hallIds = (await db.hall.findMany({ where: { orgId: { in: f.orgIds } }, select: { id: true } })).map((h) => h.id)
    if (f.hallId) hallIds = hallIds ? hallIds.filter((h) => h === f.hallId) : [f.hallId]
    if (hallIds && hallIds.length === 0) return 0
    return db.appointment.count({
      where: {
        status: 'DONE', doneAt: instantRange(f),
        ...(hallIds ? { hallId: hallIds.length === 1 ? hallIds[0]! : { in: hallIds } } : {}),
        ...(f.windowId ? { windowId: f.windowId } : {}),
        ...(f.serviceItemId ? { serviceItemId: f.serviceItemId } : {}),
      },
    })
  },
}
