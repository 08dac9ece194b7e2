// Auto-close: a REPLIED case closes itself `autoCloseDays` after the last answer (closedBy AUTO). Runs every few
// minutes; each case is closed by a conditional update, so overlapping runs or instances close it once.
import { pageUrl } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { JobDef } from '../../platform/jobs'
import { audit } from '../../platform/audit'
import { notify } from '../../platform/outbox'

const DAY = 86400_000

export async function autoCloseReplied (deps: Deps): Promise<number> {
  const days = (await deps.settings.get()).consultation.autoCloseDays
  const now = deps.clock.now()
  const cutoff = new Date(now.getTime() - days * DAY)
  const due = await deps.db.consultation.findMany({
    where: { status: 'REPLIED', repliedAt: { lte: cutoff } },
    select: { id: true, residentId: true, title: true, orgId: true },
    orderBy: { repliedAt: 'asc' },
    take: 500,
  })
  let closed = 0
  for (const c of due) {
    await deps.db.$transaction(async (tx) => {
      const r = await tx.consultation.updateMany({ where: { id: c.id, status: 'REPLIED', repliedAt: { lte: cutoff } }, data: { status: 'CLOSED', closedAt: now, closedBy: 'AUTO' } })
      if (r.count === 0) return
      closed++
      if (c.residentId) {
        await notify(tx, {
          residentId: c.residentId, kind: 'CONSULTATION_CLOSED', title: '您的留言已办结',
          body: `您提交的「${c.title}」答复后 ${days} 天未再追问，已自动办结。欢迎对本次服务进行评价。`,
          data: { page: pageUrl('consultationDetail', { id: c.id }), consultationId: c.id },
          dedupeKey: `consultation-closed:${c.id}`,
        }, now)
      }
      await audit(tx, { kind: 'system' }, { action: 'consultation.auto-close', targetType: 'Consultation', targetId: c.id, orgId: c.orgId, detail: { days } })
    })
  }
  if (closed) deps.log.info({ closed }, '咨询自动办结')
  return closed
}

export const autoCloseJob: JobDef = { name: 'consultations.auto-close', everyMs: 5 * 60_000, run: async (deps) => { await autoCloseReplied(deps) } }
