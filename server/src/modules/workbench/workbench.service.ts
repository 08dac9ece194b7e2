// "What needs me now": counters per role for the staff home page, each linking to its list.
import { pageUrl, type PageName } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { subtreeOrgIds } from '../../platform/scope'

interface Counter { key: string; label: string; count: number; urgent: boolean; page: string }

export async function workbenchCounters (deps: Deps, actor: StaffActor): Promise<{ today: string; counters: Counter[] }> {
  const { db } = deps
  const today = deps.clock.today()
  const now = deps.clock.now()
  const endOfToday = deps.calendar.deadline(now, 0)
  const orgIds = await subtreeOrgIds(db, actor)
  const has = (...roles: string[]) => roles.some((r) => actor.roles.includes(r as never))
  const jobs: Promise<Counter>[] = []
  const add = (key: string, label: string, page: PageName, urgent: boolean, n: Promise<number>) =>
    jobs.push(n.then((count) => ({ key, label, count, urgent: urgent && count > 0, page: pageUrl(page) })))

  if (has('REVIEWER')) {
    add('noticesToReview', '待审核公开信息', 'staffNoticeReview', false,
      db.notice.count({ where: { orgId: { in: orgIds }, status: 'PENDING_REVIEW', authorId: { not: actor.id } } }))
    add('appealsToDecide', '待复核申诉', 'staffAppeals', false,
      db.ratingAppeal.count({ where: { status: 'PENDING', orgId: { in: orgIds }, NOT: { orgId: actor.orgId } } }))
  }
  if (has('EDITOR')) {
    add('noticesRejected', '被退回的稿件', 'staffNotices', true,
      db.notice.count({ where: { authorId: actor.id, status: 'REJECTED' } }))
  }
  if (has('CLERK', 'ADMIN')) {
    const halls = actor.hallId ? { hallId: actor.hallId } : { hall: { orgId: { in: orgIds } } }
    add('appointmentsToday', '今日预约', 'staffAppointmentsToday', false,
      db.appointment.count({ where: { ...halls, date: today, status: { in: ['BOOKED', 'CHECKED_IN', 'CALLED', 'DONE', 'NO_SHOW'] } } }))
    add('waitingNow', '正在排队', 'staffAppointmentsToday', true,
      db.appointment.count({ where: { ...halls, date: today, status: { in: ['CHECKED_IN', 'CALLED'] } } }))
  }
  if (has('HANDLER', 'ADMIN')) {
    const open = { orgId: { in: orgIds }, firstRepliedAt: null, status: { in: ['SUBMITTED' as const, 'ASSIGNED' as const] } }
    add('consultationsDueToday', '今日到期咨询', 'staffConsultations', true,
      db.consultation.count({ where: { ...open, dueAt: { gte: now, lte: endOfToday } } }))
    add('consultationsOverdue', '已超期咨询', 'staffConsultations', true,
      db.consultation.count({ where: { ...open, dueAt: { lt: now } } }))
    add('rectificationsOpen', '待整改差评', 'staffRectifications', false,
      db.rectification.count({ where: { orgId: { in: orgIds }, status: { not: 'CLOSED' } } }))
    add('rectificationsOverdue', '整改已超期', 'staffRectifications', true,
      db.rectification.count({ where: { orgId: { in: orgIds }, status: { not: 'CLOSED' }, dueAt: { lt: now } } }))
  }
  if (has('HANDLER', 'REVIEWER', 'ADMIN')) {
    add('disclosuresOpen', '办理中的依申请公开', 'staffDisclosures', false,
      db.disclosure.count({ where: { orgId: { in: orgIds }, status: { notIn: ['REPLIED', 'CLOSED'] } } }))
    add('disclosuresOverdue', '依申请公开已超期', 'staffDisclosures', true,
      db.disclosure.count({ where: { orgId: { in: orgIds }, status: { notIn: ['REPLIED', 'CLOSED', 'PAUSED'] }, dueAt: { lt: now } } }))
  }
  if (has('EDITOR', 'REVIEWER', 'ADMIN')) {
    // From 1 January the previous year's 年度报告 is due; after 31 January (the legal deadline) it is shown in red.
    const prev = Number(today.slice(0, 4)) - 1
    add('annualReportDue', `${prev}年度政府信息公开工作年度报告未发布`, 'staffAnnualReports', today > `${prev + 1}-01-31`,
      db.annualReport.count({ where: { orgId: actor.orgId, year: prev, status: 'PUBLISHED' } }).then((n) => (n ? 0 : 1)))
  }
  return { today, counters: await Promise.all(jobs) }
}
