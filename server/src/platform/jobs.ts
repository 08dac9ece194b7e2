// Scheduled jobs (slot generation, reminders, auto-close, outbox delivery …). Each job is idempotent; a JobRun row
// records the last period handled so a restart or a second instance does not repeat it.
import type { Deps } from '../deps'
import { metrics } from './metrics'

export interface JobDef {
  name: string
  /** How often to check, in ms. */
  everyMs: number
  /** Period key (e.g. today's date); the job runs once per key. Omit to run on every tick. */
  key?: (deps: Deps) => string
  run: (deps: Deps) => Promise<void>
}

const registry: JobDef[] = []
export function defineJob (job: JobDef): void {
  if (!registry.some((j) => j.name === job.name)) registry.push(job)
}
export const jobDefs = () => [...registry]

export interface Jobs { stop: () => void; idle: () => Promise<void>; runAll: () => Promise<void> }

export async function runJob (deps: Deps, job: JobDef): Promise<boolean> {
  if (!job.key) { await job.run(deps); return true }
  const key = job.key(deps)
  const { db } = deps
  const last = await db.jobRun.findUnique({ where: { name: job.name } })
  if (last?.lastKey === key) return false
  // Claim the period atomically, so two instances never run the same daily job twice.
  if (last) {
    const claimed = await db.jobRun.updateMany({ where: { name: job.name, lastKey: last.lastKey }, data: { lastKey: key } })
    if (claimed.count === 0) return false
  } else {
    try {
      await db.jobRun.create({ data: { name: job.name, lastKey: key } })
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') return false
      throw err
    }
  }
  try {
    await job.run(deps)
  } catch (err) {
    // Give the period back so the next tick retries it.
    await db.jobRun.updateMany({ where: { name: job.name, lastKey: key }, data: { lastKey: last?.lastKey ?? '' } })
    throw err
  }
  return true
}

export function startJobs (deps: Deps): Jobs {
  const timers: NodeJS.Timeout[] = []
  const running = new Set<Promise<unknown>>()
  const tick = (job: JobDef) => {
    const p = runJob(deps, job).catch((err) => { metrics.jobFailures.inc({ job: job.name }); deps.log.error({ err, job: job.name }, 'job failed') }).finally(() => running.delete(p))
    running.add(p)
  }
  if (deps.config.jobs) {
    for (const job of registry) {
      tick(job)
      const t = setInterval(() => tick(job), job.everyMs)
      t.unref()
      timers.push(t)
    }
  }
  return {
    stop: () => timers.forEach(clearInterval),
    idle: async () => { await Promise.all([...running]) },
    runAll: async () => { for (const job of registry) await runJob(deps, job) },
  }
}
