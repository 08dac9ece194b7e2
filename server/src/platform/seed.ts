// Demo data types (the seeders are listed in module manifests: `seeds`).
import type { Deps } from './types'

export interface DemoContext { districtId: string; streetId: string; communityIds: string[]; hallIds: string[] }
export type DemoSeeder = (deps: Deps, ctx: DemoContext) => Promise<void>
