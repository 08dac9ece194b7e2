// The resident's PIPL rights: export (their own data across domains, own phone numbers decrypted) and erasure.
//
// Erasure keeps the rows that statistics and the legal records need, with nothing left that identifies the person:
// - Resident: openid replaced (a later WeChat login starts a new account), nickname and phone cleared, deletedAt set;
//   every session revoked; notifications, consents and stored idempotent replies deleted.
// - Consultations: open ones closed as 居民已注销 (closedBy ERASED), published Q&A taken off the public list, the contact
//   phone cleared.
// - Future BOOKED appointments are cancelled (seats freed); all appointments, ratings, consultations, home visits and
//   disclosures keep their status, dates, org, hall and levels but lose residentId (null) and every contact field
//   (name → 已注销, phone/address → encrypted empty string) and free text the resident wrote.
// - Disclosure requests keep their description: the application is an administrative record the office must keep
//   for the annual report (政府信息公开条例); only the contact data goes.
// - Uploaded files: Upload rows stay owned by the (now deleted) resident; the daily retention job (ops) removes the
//   files and rows of erased residents.
import type { Deps, ResidentActor } from '../../platform/types'
import { audit, type AuditMeta } from '../../platform/audit'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { revokeSessions } from '../../platform/auth'
import type { MyDataExport } from '@bianmin/shared'

export { ERASED_NAME } from '../../platform/crypto'
import { ERASED_NAME } from '../../platform/crypto'
const ERASED_TEXT = '（居民已注销，内容已删除）'

export async function exportMyData (deps: Deps, actor: ResidentActor, meta: AuditMeta): Promise<MyDataExport> {
  const { db, cipher } = deps
  const open = (v: string | null) => { if (!v) return ''; try { return cipher.decrypt(v) } catch { return '' } }
  const residentId = actor.id
  const [r, consents, appointments, homeVisits, consultations, ratings, disclosures, messages, uploads, tickets] = await Promise.all([
    db.resident.findUniqueOrThrow({ where: { id: residentId } }),
    db.privacyConsent.findMany({ where: { residentId }, orderBy: { acceptedAt: 'asc' } }),
    db.appointment.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' }, include: { slot: { select: { start: true, end: true } }, hall: { select: { name: true } }, serviceItem: { select: { name: true } } } }),
    db.homeVisit.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' }, include: { serviceItem: { select: { name: true } } } }),
    db.consultation.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' }, include: { org: { select: { name: true } }, messages: { orderBy: { createdAt: 'asc' } } } }),
    db.rating.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' }, include: { rectification: true } }),
    db.disclosure.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' }, include: { org: { select: { name: true } } } }),
    db.notification.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' } }),
    db.upload.findMany({ where: { ownerType: 'RESIDENT', ownerId: residentId }, orderBy: { createdAt: 'asc' } }),
    db.ticket.findMany({ where: { residentId }, orderBy: { createdAt: 'asc' }, include: { hall: { select: { name: true } }, serviceItem: { select: { name: true } }, window: { select: { name: true } } } }),
  ])
  await audit(db, actor, { action: 'resident.export', targetType: 'Resident', targetId: residentId }, meta)
  return {
    exportedAt: toIso(deps.clock.now()),
    resident: { id: r.id, nickname: r.nickname, phone: r.phoneEnc ? open(r.phoneEnc) : null, consentVersion: r.consentVersion, consentAt: toIsoOrNull(r.consentAt), elderMode: r.elderMode, createdAt: toIso(r.createdAt) },
    consents: consents.map((c) => ({ version: c.version, acceptedAt: toIso(c.acceptedAt) })),
    appointments: appointments.map((a) => ({
      id: a.id, status: a.status, serviceItemName: a.serviceItem.name, hallName: a.hall.name, date: a.date, start: a.slot.start, end: a.slot.end,
      code: a.code, queueNumber: a.queueNumber, contactName: a.contactName, contactPhone: open(a.contactPhoneEnc), note: a.note, channel: a.channel,
      createdAt: toIso(a.createdAt), cancelledAt: toIsoOrNull(a.cancelledAt), doneAt: toIsoOrNull(a.doneAt),
    })),
    homeVisits: homeVisits.map((h) => ({
      id: h.id, status: h.status, serviceItemName: h.serviceItem.name, contactName: h.contactName, contactPhone: open(h.contactPhoneEnc), address: open(h.addressEnc),
      reason: h.reason, preferredDays: h.preferredDays, scheduledAt: toIsoOrNull(h.scheduledAt), declineReason: h.declineReason, createdAt: toIso(h.createdAt),
    })),
    consultations: consultations.map((c) => ({
      id: c.id, kind: c.kind, status: c.status, orgName: c.org.name, title: c.title, content: c.content, allowPublish: c.allowPublish,
      contactConsent: c.contactConsent, contactPhone: open(c.contactPhoneEnc), createdAt: toIso(c.createdAt),
      messages: c.messages.map((m) => ({ authorType: m.authorType, content: m.content, createdAt: toIso(m.createdAt) })),
    })),
    ratings: ratings.map((x) => ({
      id: x.id, subjectType: x.subjectType, subjectId: x.subjectId, level: x.level, tags: x.tags, comment: x.comment, createdAt: toIso(x.createdAt),
      rectification: x.rectification && { status: x.rectification.status, result: x.rectification.result, residentSatisfied: x.rectification.residentSatisfied, residentFeedback: x.rectification.residentFeedback },
    })),
    disclosures: disclosures.map((d) => ({
      id: d.id, status: d.status, orgName: d.org.name, applicantType: d.applicantType, applicantName: d.applicantName, description: d.description, purpose: d.purpose,
      form: d.form, contactName: d.contactName, contactPhone: open(d.contactPhoneEnc),
      applicantIdNumber: d.applicantIdEnc ? open(d.applicantIdEnc) : null, postalAddress: d.postalAddressEnc ? open(d.postalAddressEnc) : null, receivedAt: toIso(d.receivedAt), outcome: d.outcome, replyContent: d.replyContent,
    })),
    tickets: tickets.map((k) => ({
      id: k.id, number: k.number, hallName: k.hall.name, serviceItemName: k.serviceItem.name, date: k.date, status: k.status, channel: k.channel,
      windowName: k.window?.name ?? null, createdAt: toIso(k.createdAt), calledAt: toIsoOrNull(k.calledAt), doneAt: toIsoOrNull(k.doneAt), cancelledAt: toIsoOrNull(k.cancelledAt),
    })),
    messages: messages.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, read: m.readAt !== null, createdAt: toIso(m.createdAt) })),
    uploads: uploads.map((u) => ({ id: u.id, mime: u.mime, size: u.size, name: u.originalName, createdAt: toIso(u.createdAt) })),
  }
}

export async function eraseMe (deps: Deps, actor: ResidentActor, meta: AuditMeta) {
  const now = deps.clock.now()
  const residentId = actor.id
  const emptyEnc = deps.cipher.encrypt('')
  const result = await deps.db.$transaction(async (tx) => {
    // Future bookings: cancelled, seat freed (the same conditional updates as a resident's own cancel).
    const future = await tx.appointment.findMany({ where: { residentId, status: 'BOOKED', slot: { startsAt: { gt: now } } }, select: { id: true, slotId: true } })
    let cancelledAppointments = 0
    for (const a of future) {
      const r = await tx.appointment.updateMany({ where: { id: a.id, status: 'BOOKED' }, data: { status: 'CANCELLED', cancelledAt: now, activeKey: null } })
      if (r.count === 0) continue
      cancelledAppointments++
      await tx.slot.updateMany({ where: { id: a.slotId, booked: { gt: 0 } }, data: { booked: { decrement: 1 } } })
    }
    await tx.appointment.updateMany({ where: { residentId }, data: { residentId: null, contactName: ERASED_NAME, contactPhoneEnc: emptyEnc, note: null } })
    // Hall tickets: a waiting one leaves the queue; all are kept (statistics) without the link to the resident.
    await tx.ticket.updateMany({ where: { residentId, status: 'WAITING' }, data: { status: 'CANCELLED', cancelledAt: now, activeKey: null } })
    await tx.ticket.updateMany({ where: { residentId }, data: { residentId: null, activeKey: null } })
    const hv = await tx.homeVisit.updateMany({ where: { residentId, status: { in: ['REQUESTED', 'SCHEDULED'] } }, data: { status: 'CANCELLED' } })
    await tx.homeVisit.updateMany({ where: { residentId }, data: { residentId: null, contactName: ERASED_NAME, contactPhoneEnc: emptyEnc, addressEnc: emptyEnc, reason: ERASED_TEXT } })
    const consultationIds = (await tx.consultation.findMany({ where: { residentId }, select: { id: true } })).map((c) => c.id)
    await tx.consultationMessage.updateMany({ where: { consultationId: { in: consultationIds }, authorType: 'RESIDENT' }, data: { content: ERASED_TEXT } })
    // Open cases are closed as 居民已注销 (no reply is owed any more; the rows stay for statistics); nothing stays public.
    await tx.consultation.updateMany({ where: { residentId, status: { not: 'CLOSED' } }, data: { status: 'CLOSED', closedAt: now, closedBy: 'ERASED' } })
    await tx.consultation.updateMany({
      where: { residentId },
      data: { residentId: null, title: ERASED_TEXT, content: ERASED_TEXT, contactConsent: false, contactPhoneEnc: null, published: false, publicTitle: null, publicQuestion: null, publicAnswer: null },
    })
    const ratingIds = (await tx.rating.findMany({ where: { residentId }, select: { id: true } })).map((x) => x.id)
    await tx.rectification.updateMany({ where: { ratingId: { in: ratingIds } }, data: { residentFeedback: null } })
    await tx.rating.updateMany({ where: { residentId }, data: { residentId: null, comment: null } })
    await tx.disclosure.updateMany({ where: { residentId }, data: { residentId: null, contactName: ERASED_NAME, contactPhoneEnc: emptyEnc, applicantIdEnc: null, postalAddressEnc: null } })
    await tx.notification.deleteMany({ where: { residentId } })
    await tx.privacyConsent.deleteMany({ where: { residentId } })
    await tx.idempotencyKey.deleteMany({ where: { scope: { startsWith: `resident:${residentId}:` } } })
    await tx.resident.update({
      where: { id: residentId },
      data: { openid: `erased_${residentId}`, unionid: null, nickname: null, phoneEnc: null, consentVersion: null, consentAt: null, deletedAt: now, tokenVersion: { increment: 1 } },
    })
    await audit(tx, actor, {
      action: 'resident.erase', targetType: 'Resident', targetId: residentId,
      detail: { cancelledAppointments, cancelledHomeVisits: hv.count, consultations: consultationIds.length, ratings: ratingIds.length },
    }, meta)
    return { cancelledAppointments, cancelledHomeVisits: hv.count }
  }, { maxWait: 15_000, timeout: 20_000 })
  await revokeSessions(deps, 'RESIDENT', residentId)
  return { ok: true as const, ...result }
}
