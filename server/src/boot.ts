// Start-up: validate config, migrate, seed (demo outside production, only `admin` in production), serve.
import type { Server } from 'node:http'
import type { Logger } from 'pino'
import { loadConfig, type Config } from './platform/config'
import { createLogger } from './platform/logger'
import { createDb, type Db } from './platform/db'
import { migrateDeploy } from './platform/migrate'
import { buildDeps, closeDeps } from './deps'
import type { Deps } from './platform/types'
import { createApp } from './app'
import { seedOnFirstStart } from './seed/index'
import { startJobs, type Jobs } from './platform/jobs'
import { collect } from './platform/module'
import { modules } from './modules/index'
import { listen } from './platform/client-error'

export interface Running { deps: Deps; server: Server; jobs: Jobs; stop: () => Promise<void> }

export async function boot (env: NodeJS.ProcessEnv = process.env, opts: { log?: Logger } = {}): Promise<Running> {
  const config: Config = loadConfig(env)
  const log = opts.log ?? createLogger(config.logLevel)
  log.info({ provider: config.provider, env: config.env, clock: config.clock ?? 'system' }, '启动中')
  await migrateDeploy(config.databaseUrl, config.provider)
  const db: Db = await createDb(config.databaseUrl)
  const deps = await buildDeps(config, db, log, {}, modules)
  await seedOnFirstStart(deps, modules)
  const app = createApp(deps, modules)
  const server = await listen(app, config.port, config.host)
  server.keepAliveTimeout = 65_000
  const jobs = startJobs(deps, collect(modules).jobs)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  log.info({ port }, `便民服务已启动：http://localhost:${port}`)
  let stopping: Promise<void> | null = null
  const stop = () => (stopping ??= (async () => {
    jobs.stop()
    // Long-lived responses (the hall's event streams) end first, or the server would wait for them forever.
    for (const s of Object.values(deps.state as unknown as Record<string, { drain?: () => void } | undefined>)) s?.drain?.()
    await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeIdleConnections() })
    await jobs.idle()
    await closeDeps(deps) // buffered notice views written, module timers cleared
    await db.$disconnect()
    log.info('已停止')
  })())
  return { deps, server, jobs, stop }
}
