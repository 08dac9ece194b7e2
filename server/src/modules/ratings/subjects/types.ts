// A rated subject (finished appointment, answered consultation, done home visit) as the ratings module sees it.
// Each subject type plugs in through one resolver that reads its rows directly.
import type { RatingSubjectType } from '@bianmin/shared'
import type { Db } from '../../../platform/db'
import type { FieldCipher } from '../../../platform/crypto'

export interface SubjectInfo {
  type: RatingSubjectType
  id: string
  residentId: string | null
  /** Finished in the sense of 一事一评: DONE appointment / home visit, REPLIED or CLOSED consultation. */
  finished: boolean
  /** Completion instant: the rating window runs from here. */
  doneAt: Date | null
  /** The responsible org (hall's org for appointments). */
  orgId: string
  orgName: string
  hallId: string | null
  hallName: string | null
  windowId: string | null
  serviceItemId: string | null
  title: string
}

/** Filter for counting finished services (statistics); undefined fields do not filter. */
export interface DoneFilter {
  orgIds?: string[]
  hallId?: string
  windowId?: string
  serviceItemId?: string
  /** Completion instant range [from, to). */
  from?: Date
  to?: Date
}

export interface SubjectResolver {
  type: RatingSubjectType
  load (db: Db, id: string): Promise<SubjectInfo | null>
  loadMany (db: Db, ids: string[]): Promise<SubjectInfo[]>
  /** The resident's subjects finished at or after `since` (newest first, at most `take`). */
  finishedSince (db: Db, residentId: string, since: Date, take: number): Promise<SubjectInfo[]>
  /** The contact given with the subject, decrypted (for the audited 回访 call); null if none. */
  contact (db: Db, cipher: FieldCipher, id: string): Promise<{ name: string; phone: string } | null>
  /** Number of finished services matching the filter (database aggregation). */
  countDone (db: Db, f: DoneFilter): Promise<number>
}

/** Prisma range filter for [from, to); "not null" when unbounded. */
export const instantRange = (f: Pick<DoneFilter, 'from' | 'to'>) =>
  f.from || f.to ? { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } : { not: null }
