// Feature modules add their demo data here (notices, consultations …); each runs once on a fresh demo database.
import type { Deps } from '../deps'
import { seedDisclosures } from '../modules/disclosures/disclosure.seed'
import { seedConsultations } from '../modules/consultations/consultation.seed'
import { seedRatings } from '../modules/ratings/rating.seed'
import { seedNotices } from '../modules/notices/notice.seed'

export interface DemoContext { districtId: string; streetId: string; communityIds: string[]; hallIds: string[] }
export type DemoSeeder = (deps: Deps, ctx: DemoContext) => Promise<void>

export const demoSeeders: DemoSeeder[] = []
demoSeeders.push(seedConsultations)
demoSeeders.push(seedRatings)
demoSeeders.push(seedNotices)
demoSeeders.push(seedDisclosures)
