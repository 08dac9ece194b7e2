// Scheduled jobs (slot generation, reminders, auto-close, outbox delivery …), declared in module manifests. Each job is idempotent; a JobRun row
// records the last period handled so a restart or a second instance does not repeat it.
import type { Deps } from './types'
import { metrics } from './metrics'

export interface JobDef {
  name: string
  /** How often to check, in ms. */
  everyMs: number
  /** Period key (e.g. today's date); the job runs once per key. Omit to run on every tick. */
  key?: (deps: Deps) => string
  run: (deps: Deps) => Promise<void>
}

/** Types a job; list it in its module's manifest (`jobs: [...]`) — nothing runs by being imported. */
export const defineJob = (job: JobDef): JobDef => job

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

/** Ticks every job of the list (unless config.jobs is off); the list comes from the module manifests. */
export function startJobs (deps: Deps, jobs: readonly JobDef[]): Jobs {
  const timers: NodeJS.Timeout[] = []
  const running = new Set<Promise<unknown>>()
  const tick = (job: JobDef) => {
    const p = runJob(deps, job).catch((err) => { metrics.jobFailures.inc({ job: job.name }); deps.log.error({ err, job: job.name }, 'job failed') }).finally(() => running.delete(p))
    running.add(p)
  }
  if (deps.config.jobs) {
    for (const job of jobs) {
      tick(job)
      const t = setInterval(() => tick(job), job.everyMs)
      t.unref()
      timers.push(t)
    }
  }
  return {
    stop: () => timers.forEach(clearInterval),
    idle: async () => { await Promise.all([...running]) },
    runAll: async () => { for (const job of jobs) await runJob(deps, job) },
  }
}
