// 逾期不补正: a 补正 request left unanswered past its deadline ends the request (条例 第三十条), counted in the annual
// table as 其他处理 — 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请. Idempotent: each request is
// ended by one conditional update, so reruns and a second instance change nothing.
import type { Deps } from '../../platform/types'
import { audit } from '../../platform/audit'
import type { JobDef } from '../../platform/jobs'
import { notify } from '../../platform/outbox'
import { detailPage } from './disclosure.service'
import { OPEN_STATUSES, storedDueAt } from './disclosure.deadline'

export const EXPIRED_REPLY = '您未在补正期限内补正申请内容，视为放弃本次申请，本机关不再处理。如仍需要该信息，可以重新提交申请。'

export async function expireUnansweredCorrections (deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const due = await deps.db.disclosure.findMany({
    where: { status: 'CORRECTION_REQUESTED', dueAt: { lt: now } },
    select: { id: true, orgId: true, residentId: true },
    take: 500,
  })
  let ended = 0
  for (const d of due) {
    await deps.db.$transaction(async (tx) => {
      const u = await tx.disclosure.updateMany({
        where: { id: d.id, status: 'CORRECTION_REQUESTED', dueAt: { lt: now } },
        data: { status: 'CLOSED', outcome: 'OTHER_NO_CORRECTION', replyContent: EXPIRED_REPLY, repliedAt: now, closedAt: now },
      })
      if (u.count === 0) return
      ended++
      await tx.disclosureEvent.create({ data: { disclosureId: d.id, action: 'CORRECTION_EXPIRED', note: null, createdAt: now } })
      await audit(tx, { kind: 'system' }, { action: 'disclosure.correction_expired', targetType: 'Disclosure', targetId: d.id, orgId: d.orgId })
      if (d.residentId) {
        await notify(tx, {
          residentId: d.residentId, kind: 'DISCLOSURE_UPDATE', title: '政府信息公开申请已终止', body: EXPIRED_REPLY,
          data: { page: detailPage(d.id) }, dedupeKey: `disclosure:${d.id}:expired`,
        }, now)
      }
    })
  }
  if (ended) deps.log.info({ ended }, '逾期不补正的政府信息公开申请已终止')
  return ended
}

export const correctionExpiryJob: JobDef = {
  name: 'disclosure-correction-expiry',
  everyMs: 15 * 60_000,
  run: async (deps) => { await expireUnansweredCorrections(deps) },
}

/** After an admin changes the working-day calendar, open requests get their deadlines recomputed from it. */
export async function recomputeOpenDeadlines (deps: Deps): Promise<number> {
  const r = (await deps.settings.get()).disclosure
  const open = await deps.db.disclosure.findMany({ where: { status: { in: [...OPEN_STATUSES] } } })
  let changed = 0
  for (const d of open) {
    const dueAt = storedDueAt(deps.calendar, r, d)
    if (dueAt.getTime() === d.dueAt.getTime()) continue
    const u = await deps.db.disclosure.updateMany({ where: { id: d.id, status: d.status, updatedAt: d.updatedAt }, data: { dueAt } })
    changed += u.count
  }
  if (changed) deps.log.info({ changed }, '工作日历调整后已重新计算依申请公开的答复期限')
  return changed
}
