// Subject-resolver registry: one resolver per rated subject type.
import type { RatingSubjectType } from '@bianmin/shared'
import type { Db } from '../../../platform/db'
import type { SubjectInfo, SubjectResolver } from './types'
import { appointmentSubject } from './appointment'
import { consultationSubject } from './consultation'
import { homeVisitSubject } from './home-visit'
import { ticketSubject } from './ticket'

export type { SubjectInfo, SubjectResolver, DoneFilter } from './types'

export const subjectResolvers: Record<RatingSubjectType, SubjectResolver> = {
  APPOINTMENT: appointmentSubject,
  CONSULTATION: consultationSubject,
  HOME_VISIT: homeVisitSubject,
  TICKET: ticketSubject,
}

export const resolverFor = (type: string): SubjectResolver => {
  const r = subjectResolvers[type as RatingSubjectType]
  if (!r) throw new Error(`unknown rating subject type ${type}`)
  return r
}

/** Subject infos for a mixed list of (type, id), keyed "type:id". */
export async function loadSubjects (db: Db, refs: { subjectType: string; subjectId: string }[]): Promise<Map<string, SubjectInfo>> {
  const out = new Map<string, SubjectInfo>()
  const byType = new Map<string, string[]>()
  for (const r of refs) byType.set(r.subjectType, [...(byType.get(r.subjectType) ?? []), r.subjectId])
  await Promise.all([...byType].map(async ([type, ids]) => {
    for (const s of await resolverFor(type).loadMany(db, [...new Set(ids)])) out.set(`${s.type}:${s.id}`, s)
  }))
  return out
}
