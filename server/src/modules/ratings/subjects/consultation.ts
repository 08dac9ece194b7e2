// Consultations: answered cases (REPLIED, or CLOSED after a reply) are rated; completion is the first reply. A case
// closed without any reply (居民已注销) is no handled service.
import type { Prisma } from '../../../generated/sqlite/client.js'
import type { DoneFilter, SubjectInfo, SubjectResolver } from './types'
import { instantRange } from './types'

const include = { org: { select: { name: true } } } as const
const kindLabels: Record<string, string> = { CONSULT: '咨询', COMPLAINT: '投诉', SUGGESTION: '建议' }

type Row = {
  id: string; residentId: string | null; status: string; kind: string; title: string; orgId: string; org: { name: string }
  firstRepliedAt: Date | null; repliedAt: Date | null; closedAt: Date | null
}

const doneAtOf = (c: Row): Date | null => c.firstRepliedAt ?? c.repliedAt
const toInfo = (c: Row): SubjectInfo => ({
  type: 'CONSULTATION', id: c.id, residentId: c.residentId, finished: (c.status === 'REPLIED' || c.status === 'CLOSED') && doneAtOf(c) !== null,
  doneAt: doneAtOf(c), orgId: c.orgId, orgName: c.org.name, hallId: null, hallName: null, windowId: null, serviceItemId: null,
  title: `${kindLabels[c.kind] ?? ''}：${c.title}`,
})

/** Completion (first reply, else reply) within the range, as one filter. */
const doneIn = (f: Pick<DoneFilter, 'from' | 'to'>): Prisma.ConsultationWhereInput => ({
  status: { in: ['REPLIED', 'CLOSED'] },
  OR: [
    { firstRepliedAt: instantRange(f) },
    { firstRepliedAt: null, repliedAt: instantRange(f) },
  ],
})

export const consultationSubject: SubjectResolver = {
  type: 'CONSULTATION',
  async load (db, id) {
    const c = await db.consultation.findUnique({ where: { id }, include })
    return c ? toInfo(c) : null
  },
  async loadMany (db, ids) {
    return ids.length ? (await db.consultation.findMany({ where: { id: { in: ids } }, include })).map(toInfo) : []
  },
  async finishedSince (db, residentId, since, take) {
    const rows = await db.consultation.findMany({ where: { residentId, ...doneIn({ from: since }) }, include, orderBy: { updatedAt: 'desc' }, take })
    return rows.map(toInfo)
  },
  async contact (db, cipher, id) {
    // The phone the resident gave with 同意联系 on the form.
    const c = await db.consultation.findUnique({ where: { id }, select: { contactConsent: true, contactPhoneEnc: true, resident: { select: { nickname: true } } } })
    if (!c?.contactConsent || !c.contactPhoneEnc) return null
    return { name: c.resident?.nickname ?? '评价人', phone: cipher.decrypt(c.contactPhoneEnc) }
  },
  async countDone (db, f) {
    if (f.hallId || f.windowId || f.serviceItemId) return 0 // consultations belong to an org only
    return db.consultation.count({ where: { ...doneIn(f), ...(f.orgIds ? { orgId: { in: f.orgIds } } : {}) } })
  },
}
