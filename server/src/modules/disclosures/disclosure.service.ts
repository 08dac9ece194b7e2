// 依申请公开, resident side: apply (online: received on the submission's working day), read my requests, supply a 补正.
import { pageUrl, type Contract, type ParsedRequest } from '@bianmin/shared'
import type { Actor, Deps, ResidentActor } from '../../platform/types'
import { audit, type AuditMeta } from '../../platform/audit'
import { atShanghai, shanghaiDate } from '../../platform/clock'
import { AppError, notFound } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { notify } from '../../platform/outbox'
import { receiptDay, storedDueAt } from './disclosure.deadline'
import { toSummary, toView, type Audience } from './disclosure.mapper'
import { withDetail, withOrg } from './disclosure.types'
import { attachedUploads } from '../uploads/upload.links'
import { withSerial } from './disclosure.serial'

type Application = ParsedRequest<Contract['createDisclosure']>['body'] & { applicantIdNumber?: string; postalAddress?: string }
export const detailPage = (id: string) => pageUrl('disclosureDetail', { id })

export async function rules (deps: Deps) { return (await deps.settings.get()).disclosure }

/** The case view for a resident or staff member; `where` must already carry the ownership / scope filter. */
export async function loadView (deps: Deps, where: { id: string; residentId?: string; org?: { path: { startsWith: string } } }, audience: Audience) {
  const d = await deps.db.disclosure.findFirst({ where, include: withDetail })
  if (!d) throw notFound('申请')
  const uploads = await attachedUploads(deps.db, 'DISCLOSURE', d.id)
  return toView(deps, await rules(deps), d, uploads, audience)
}

/** Creates a request (online or recorded by staff) with its first event, audit entry and (online) receipt notice. */
export async function createRequest (
  deps: Deps, input: Application, how: { channel: 'ONLINE' | 'IN_PERSON' | 'POST'; receivedAt: Date; residentId: string | null },
  actor: Actor, meta: AuditMeta,
): Promise<string> {
  const now = deps.clock.now()
  const r = await rules(deps)
  const base = {
    status: 'RECEIVED', receivedAt: how.receivedAt, correctionRequestedAt: null, correctionAnsweredAt: null, extensionDays: 0, pausedWorkdays: 0, pausedAt: null,
  }
  const dueAt = storedDueAt(deps.calendar, r, base)
  return withSerial(deps, how.receivedAt, (serialNo) => deps.db.$transaction(async (tx) => {
    const d = await tx.disclosure.create({
      data: {
        serialNo: await serialNo(tx),
        applicantIdEnc: input.applicantIdNumber ? deps.cipher.encrypt(input.applicantIdNumber) : null,
        postalAddressEnc: input.postalAddress ? deps.cipher.encrypt(input.postalAddress) : null,
        residentId: how.residentId, orgId: input.orgId, applicantType: input.applicantType, applicantName: input.applicantName ?? null,
        description: input.description, purpose: input.purpose ?? null, form: input.form, contactName: input.contactName,
        contactPhoneEnc: deps.cipher.encrypt(input.contactPhone), channel: how.channel, receivedAt: how.receivedAt, dueAt,
        status: 'RECEIVED', createdAt: now,
      },
    })
    const action = how.channel === 'ONLINE' ? 'SUBMITTED' : 'RECORDED'
    await tx.disclosureEvent.create({ data: { disclosureId: d.id, action, note: null, staffId: actor.kind === 'staff' ? actor.id : null, createdAt: now } })
    await audit(tx, actor, { action: `disclosure.${action.toLowerCase()}`, targetType: 'Disclosure', targetId: d.id, orgId: d.orgId, detail: { channel: how.channel, applicantType: input.applicantType } }, meta)
    if (how.residentId) {
      await notify(tx, {
        residentId: how.residentId, kind: 'DISCLOSURE_UPDATE', title: '政府信息公开申请已收到',
        body: `您的申请已于 ${receiptDay(deps.calendar, how.receivedAt)} 收到，我们将在 ${shanghaiDate(dueAt)} 前答复。`,
        data: { page: detailPage(d.id) }, dedupeKey: `disclosure:${d.id}:received`,
      }, now)
    }
    return d.id
  }))
}

/** Resident applies online: received on the submission's working day (a holiday submission counts from the next one). */
export async function applyOnline (deps: Deps, input: Application, actor: ResidentActor, meta: AuditMeta) {
  if (!(await deps.db.org.findUnique({ where: { id: input.orgId }, select: { id: true } }))) {
    throw new AppError('VALIDATION_FAILED', '提交的信息有误：所选机构不存在', [{ path: 'orgId', message: '所选机构不存在' }])
  }
  const now = deps.clock.now()
  const today = deps.clock.today()
  const day = receiptDay(deps.calendar, now)
  const receivedAt = day === today ? now : atShanghai(day)
  const id = await createRequest(deps, input, { channel: 'ONLINE', receivedAt, residentId: actor.id }, actor, meta)
  return loadView(deps, { id, residentId: actor.id }, 'resident')
}

export async function listMine (deps: Deps, actor: ResidentActor, query: { limit: number; cursor?: string }) {
  const page = await paginate(query, { by: 'createdAt', dir: 'desc' }, (p) =>
    deps.db.disclosure.findMany({ where: { residentId: actor.id, ...p.where }, include: withOrg, orderBy: p.orderBy, take: p.take }))
  const now = deps.clock.now()
  return {
    items: page.items.map((d) => toSummary(d, now, 'resident')),
    nextCursor: page.nextCursor,
  }
}

/** The applicant supplies the 补正: the reply clock restarts from that (working) day. */
export async function answerCorrection (deps: Deps, actor: ResidentActor, id: string, content: string, meta: AuditMeta) {
  const d = await deps.db.disclosure.findFirst({ where: { id, residentId: actor.id } })
  if (!d) throw notFound('申请')
  if (d.status !== 'CORRECTION_REQUESTED') throw new AppError('INVALID_STATE', d.correctionAnsweredAt ? '您已提交过补正内容' : '该申请当前不需要补正')
  const now = deps.clock.now()
  if (now > d.dueAt) throw new AppError('OUT_OF_WINDOW', '补正期限已过，申请将按逾期不补正处理；如仍需要该信息，请重新提交申请')
  const r = await rules(deps)
  const dueAt = storedDueAt(deps.calendar, r, { ...d, status: 'RECEIVED', correctionAnsweredAt: now })
  await deps.db.$transaction(async (tx) => {
    const u = await tx.disclosure.updateMany({
      where: { id, status: 'CORRECTION_REQUESTED' },
      data: { status: 'RECEIVED', correctionAnsweredAt: now, correctionContent: content, dueAt },
    })
    if (u.count === 0) throw new AppError('CONFLICT', '该申请刚刚发生变化，请刷新后重试')
    await tx.disclosureEvent.create({ data: { disclosureId: id, action: 'CORRECTION_SUPPLIED', note: content, createdAt: now } })
    await audit(tx, actor, { action: 'disclosure.correction_supplied', targetType: 'Disclosure', targetId: id, orgId: d.orgId }, meta)
  })
  return loadView(deps, { id, residentId: actor.id }, 'resident')
}
