// 上门服务: a DONE home visit is rated like any finished service; the responsible org is the visit's org.
import type { Db } from '../../../platform/db'
import type { SubjectInfo, SubjectResolver } from './types'
import { instantRange } from './types'

type Row = { id: string; residentId: string | null; status: string; doneAt: Date | null; orgId: string; serviceItemId: string; serviceItem: { name: string } }
const include = { serviceItem: { select: { name: true } } } as const

async function toInfos (db: Db, rows: Row[]): Promise<SubjectInfo[]> {
  const orgs = new Map((await db.org.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]))
  return rows.map((v) => ({
    type: 'HOME_VISIT', id: v.id, residentId: v.residentId, finished: v.status === 'DONE' && v.doneAt !== null, doneAt: v.doneAt,
    orgId: v.orgId, orgName: orgs.get(v.orgId) ?? '', hallId: null, hallName: null, windowId: null, serviceItemId: v.serviceItemId,
    title: `${v.serviceItem.name}（上门服务）`,
  }))
}

export const homeVisitSubject: SubjectResolver = {
  type: 'HOME_VISIT',
  async load (db, id) {
    const v = await db.homeVisit.findUnique({ where: { id }, include })
    return v ? (await toInfos(db, [v]))[0]! : null
  },
  async loadMany (db, ids) {
    return ids.length ? toInfos(db, await db.homeVisit.findMany({ where: { id: { in: ids } }, include })) : []
  },
  async finishedSince (db, residentId, since, take) {
    return toInfos(db, await db.homeVisit.findMany({ where: { residentId, status: 'DONE', doneAt: { gte: since } }, include, orderBy: { doneAt: 'desc' }, take }))
  },
  async contact (db, cipher, id) {
    const v = await db.homeVisit.findUnique({ where: { id }, select: { contactName: true, contactPhoneEnc: true } })
    return v?.contactPhoneEnc ? { name: v.contactName, phone: cipher.decrypt(v.contactPhoneEnc) } : null
  },
  async countDone (db, f) {
    if (f.hallId || f.windowId) return 0 // home visits are not done at a hall window
    return db.homeVisit.count({
      where: {
        status: 'DONE', doneAt: instantRange(f),
        ...(f.orgIds ? { orgId: { in: f.orgIds } } : {}),
        ...(f.serviceItemId ? { serviceItemId: f.serviceItemId } : {}),
      },
    })
  },
}
