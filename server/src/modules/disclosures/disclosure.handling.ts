// 依申请公开, staff actions: 补正 (once, within 7 working days), extension (reviewer, once, ≤ 20), third-party pause
// (≤ 15 working days, not counted), reply with an outcome of the annual table, close. Each change is one transaction
// with its event, audit entry and (where the applicant must know) a notification; dueAt is recomputed every time.
import { disclosureOutcomeInfo, disclosureStatusLabels, DISCLOSURE_SYSTEM_OUTCOMES, type DisclosureOutcome, type DisclosureStatus } from '@bianmin/shared'
import type { Disclosure } from '../../generated/sqlite/client.js'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import type { Db } from '../../platform/db'
import { audit, type AuditMeta } from '../../platform/audit'
import { shanghaiDate } from '../../platform/clock'
import { AppError, notFound } from '../../platform/errors'
import { notify } from '../../platform/outbox'
import { inSubtree } from '../../platform/scope'
import {
  correctionWindowEnd, isOverdue, runningPauseDays, storedDueAt, type DisclosureRules,
} from './disclosure.deadline'
import { attachUploads } from '../uploads/upload.links'
import { detailPage, loadView, rules } from './disclosure.service'

interface Step {
  /** Statuses the action is allowed from (checked again atomically in the update). */
  from: readonly DisclosureStatus[]
  data: Partial<Disclosure>
  event: { action: string; note: string | null }
  auditDetail?: Record<string, unknown>
  notice?: { title: string; body: string }
  also?: (tx: Tx) => Promise<void>
}

const staffWhere = (actor: StaffActor, id: string) => ({ id, org: inSubtree(actor) })

async function act (
  deps: Deps, actor: StaffActor, id: string, meta: AuditMeta, verb: string,
  build: (d: Disclosure, r: DisclosureRules, now: Date) => Step | Promise<Step>,
) {
  const d = await deps.db.disclosure.findFirst({ where: staffWhere(actor, id) })
  if (!d) throw notFound('申请')
  const r = await rules(deps)
  const now = deps.clock.now()
  const step = await build(d, r, now)
  if (!step.from.includes(d.status as DisclosureStatus)) {
    throw new AppError('INVALID_STATE', `该申请当前为“${disclosureStatusLabels[d.status as DisclosureStatus]}”，不能${verb}`)
  }
  const dueAt = storedDueAt(deps.calendar, r, { ...d, ...step.data })
  await (deps.db as Db).$transaction(async (tx) => {
    const u = await tx.disclosure.updateMany({ where: { id, status: d.status, updatedAt: d.updatedAt }, data: { ...step.data, dueAt } })
    if (u.count === 0) throw new AppError('CONFLICT', '该申请刚刚被他人处理，请刷新后重试')
    await tx.disclosureEvent.create({ data: { disclosureId: id, action: step.event.action, note: step.event.note, staffId: actor.id, createdAt: now } })
    await audit(tx, actor, {
      action: `disclosure.${step.event.action.toLowerCase()}`, targetType: 'Disclosure', targetId: id, orgId: d.orgId, detail: step.auditDetail,
    }, meta)
    if (step.notice && d.residentId) {
      await notify(tx, {
        residentId: d.residentId, kind: 'DISCLOSURE_UPDATE', title: step.notice.title, body: step.notice.body,
        data: { page: detailPage(id) }, dedupeKey: `disclosure:${id}:${step.event.action.toLowerCase()}`,
      }, now)
    }
    await step.also?.(tx)
  })
  return loadView(deps, staffWhere(actor, id), 'staff')
}

/** Working days of the pause to add when it ends now (capped by the third-party allowance). */
function settlePause (deps: Deps, d: Disclosure, r: DisclosureRules): number {
  if (d.status !== 'PAUSED' || !d.pausedAt) return d.pausedWorkdays
  return Math.min(r.thirdPartyMaxWorkdays, d.pausedWorkdays + runningPauseDays(deps.calendar, d.pausedAt, deps.clock.today()))
}

export const requestCorrection = (deps: Deps, actor: StaffActor, id: string, content: string, meta: AuditMeta) =>
  act(deps, actor, id, meta, '告知补正', (d, r, now) => {
    if (d.correctionRequestedAt) throw new AppError('INVALID_STATE', '补正只能一次性告知，该申请已告知过补正')
    if (d.status === 'RECEIVED' && now > correctionWindowEnd(deps.calendar, r, d.receivedAt)) {
      throw new AppError('OUT_OF_WINDOW', `补正须在收到申请之日起 ${r.correctionWorkdays} 个工作日内告知，已超过期限`)
    }
    return {
      from: ['RECEIVED'],
      data: { status: 'CORRECTION_REQUESTED', correctionRequestedAt: now, correctionRequest: content },
      event: { action: 'CORRECTION_REQUESTED', note: content },
      notice: { title: '请补正您的政府信息公开申请', body: `需要补正：${content}。请在期限内提交补正内容，逾期不补正视为放弃申请。` },
    }
  })

export const extend = (deps: Deps, actor: StaffActor, id: string, days: number, reason: string, meta: AuditMeta) =>
  act(deps, actor, id, meta, '延期', (d, r, now) => {
    if (d.extended) throw new AppError('INVALID_STATE', '答复期限只能延长一次，该申请已延期')
    if (days > r.extensionWorkdays) {
      throw new AppError('VALIDATION_FAILED', `提交的信息有误：延长期限最长 ${r.extensionWorkdays} 个工作日`, [{ path: 'days', message: `最长 ${r.extensionWorkdays} 个工作日` }])
    }
    if (isOverdue(d, now)) throw new AppError('OUT_OF_WINDOW', '答复期限已过，不能再延期，请尽快答复')
    const next = { ...d, extended: true, extensionDays: days }
    const newDue = shanghaiDate(storedDueAt(deps.calendar, r, { ...next, status: 'EXTENDED' }))
    return {
      from: ['RECEIVED', 'PAUSED'],
      data: { status: d.status === 'PAUSED' ? 'PAUSED' : 'EXTENDED', extended: true, extensionDays: days },
      event: { action: 'EXTENDED', note: reason },
      auditDetail: { days, reason },
      notice: { title: '政府信息公开申请答复期限延长', body: `因${reason}，答复期限延长 ${days} 个工作日，将在 ${newDue} 前答复。` },
    }
  })

export const pause = (deps: Deps, actor: StaffActor, id: string, reason: string, meta: AuditMeta) =>
  act(deps, actor, id, meta, '暂停计时', (d, r, now) => {
    if (d.status !== 'PAUSED' && d.pausedWorkdays >= r.thirdPartyMaxWorkdays) {
      throw new AppError('INVALID_STATE', `征求第三方意见的时间已用满 ${r.thirdPartyMaxWorkdays} 个工作日，不能再暂停计时`)
    }
    if (isOverdue(d, now)) throw new AppError('OUT_OF_WINDOW', '答复期限已过，不能再暂停计时，请尽快答复')
    return {
      from: ['RECEIVED', 'EXTENDED'],
      data: { status: 'PAUSED', pausedAt: now },
      event: { action: 'PAUSED', note: reason },
      auditDetail: { reason },
    }
  })

export const resume = (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) =>
  act(deps, actor, id, meta, '恢复计时', (d, r) => {
    const total = settlePause(deps, d, r)
    return {
      from: ['PAUSED'],
      data: { status: d.extended ? 'EXTENDED' : 'RECEIVED', pausedAt: null, pausedWorkdays: total },
      event: { action: 'RESUMED', note: `本次征求意见不计入期限 ${total - d.pausedWorkdays} 个工作日` },
      auditDetail: { pausedWorkdays: total },
    }
  })

export interface ReplyInput { outcome: DisclosureOutcome; outcomeDetail?: string; content: string; attachmentIds?: string[] }

export const reply = (deps: Deps, actor: StaffActor, id: string, input: ReplyInput, meta: AuditMeta) =>
  act(deps, actor, id, meta, '答复', async (d, r, now) => {
    if (DISCLOSURE_SYSTEM_OUTCOMES.includes(input.outcome)) {
      throw new AppError('VALIDATION_FAILED', '提交的信息有误：“逾期不补正”由系统在补正期限届满后自动处理，不能手工选择', [{ path: 'outcome', message: '该结果由系统自动处理' }])
    }
    if (input.outcome === 'UNAVAILABLE_STILL_UNCLEAR' && !d.correctionAnsweredAt) {
      throw new AppError('INVALID_STATE', '只有申请人补正过的申请才能以“补正后申请内容仍不明确”答复')
    }
    const ids = input.attachmentIds ?? []
    const info = disclosureOutcomeInfo(input.outcome)!
    return {
      from: ['RECEIVED', 'EXTENDED', 'PAUSED'],
      data: {
        status: 'REPLIED', outcome: input.outcome, outcomeDetail: input.outcomeDetail ?? null, replyContent: input.content,
        repliedAt: now, handlerId: actor.id, pausedAt: null, pausedWorkdays: settlePause(deps, d, r),
      },
      event: { action: 'REPLIED', note: info.label },
      auditDetail: { outcome: input.outcome, attachments: ids.length },
      notice: { title: '政府信息公开申请已答复', body: `您的申请已答复（${info.label.replace(/^\d\./, '')}），请查看答复内容。` },
      also: (tx) => attachUploads(tx, { ids, owner: { type: 'STAFF', id: actor.id }, refType: 'DISCLOSURE', refId: id, field: 'attachmentIds' }),
    }
  })

export const close = (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) =>
  act(deps, actor, id, meta, '办结归档', (_d, _r, now) => ({
    from: ['REPLIED'],
    data: { status: 'CLOSED', closedAt: now },
    event: { action: 'CLOSED', note: null },
  }))
