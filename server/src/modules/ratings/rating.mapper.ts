// Rating and rectification rows → response shapes of the ratings contract.
import { ratingChannels, ratingLevelLabels, type RatingChannel, type RatingSubjectType } from '@bianmin/shared'
import { toIso, toIsoOrNull } from '../../platform/clock'
import type { SubjectInfo } from './subjects/index'

export type RectStatus = 'OPEN' | 'VERIFIED' | 'RECTIFIED' | 'EXPLAINED' | 'REVISITED' | 'CLOSED'
type Dimensions = { attitude?: number; efficiency?: number; guideAccuracy?: number; convenience?: number }

export interface RatingRow {
  id: string; subjectType: string; subjectId: string; level: number; dimensions: unknown; tags: unknown; comment: string | null
  createdAt: Date; excluded: boolean; channel: string
}
export interface RectRow {
  id: string; status: RectStatus; dueAt: Date; createdAt: Date; closedAt: Date | null; result: string | null
  residentSatisfied: boolean | null; residentFeedback: string | null
}
export interface StepRow { id: string; action: string; note: string; staffId: string | null; createdAt: Date }

/** Open cases past their due date are overdue; a closed case is no longer flagged. */
export const isOverdue = (r: { status: string; dueAt: Date }, now: Date): boolean => r.status !== 'CLOSED' && r.dueAt.getTime() < now.getTime()

export const tagsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [])
export const dimensionsOf = (v: unknown): Dimensions | null => (v && typeof v === 'object' && !Array.isArray(v) ? v as Dimensions : null)

export const channelOf = (c: string): RatingChannel => ((ratingChannels as readonly string[]).includes(c) ? c as RatingChannel : 'APP')

export const subjectView = (s: SubjectInfo | undefined) => s
  ? { subjectType: s.type, subjectId: s.id, title: s.title, orgName: s.orgName, hallName: s.hallName, doneAt: toIsoOrNull(s.doneAt) }
  : null

export const rectSummary = (r: RectRow, now: Date) => ({ id: r.id, status: r.status, dueAt: toIso(r.dueAt), overdue: isOverdue(r, now) })

export const rectProgress = (r: RectRow & { steps: StepRow[] }, now: Date) => ({
  ...rectSummary(r, now),
  createdAt: toIso(r.createdAt),
  closedAt: toIsoOrNull(r.closedAt),
  result: r.result,
  residentSatisfied: r.residentSatisfied,
  residentFeedback: r.residentFeedback,
  steps: r.steps.map((s) => ({ id: s.id, action: s.action, note: s.note, createdAt: toIso(s.createdAt) })),
})

export function ratingView (r: RatingRow & { rectification?: RectRow | null }, subject: SubjectInfo | undefined, now: Date) {
  return {
    id: r.id,
    subjectType: r.subjectType as RatingSubjectType,
    subjectId: r.subjectId,
    level: r.level,
    levelLabel: ratingLevelLabels[r.level] ?? '',
    dimensions: dimensionsOf(r.dimensions),
    tags: tagsOf(r.tags),
    ...(r.comment ? { comment: r.comment } : {}),
    channel: channelOf(r.channel),
    createdAt: toIso(r.createdAt),
    subject: subjectView(subject),
    ...(r.rectification ? { rectification: rectSummary(r.rectification, now) } : {}),
  }
}

export function ratingDetail (r: RatingRow & { rectification: (RectRow & { steps: StepRow[] }) | null }, subject: SubjectInfo | undefined, now: Date) {
  const { rectification: _omit, ...base } = ratingView({ ...r, rectification: null }, subject, now)
  return { ...base, ...(r.rectification ? { rectification: rectProgress(r.rectification, now) } : {}) }
}
