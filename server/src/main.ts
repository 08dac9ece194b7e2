import fs from 'node:fs'
import path from 'node:path'
import { boot } from './boot'
import { ConfigError, repoRoot } from './platform/config'

// A .env file at the repository root, if present (real environment variables win).
const envFile = path.join(repoRoot, '.env')
if (fs.existsSync(envFile)) process.loadEnvFile(envFile)

try {
  const running = await boot()
  let signals = 0
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1)
    running.deps.log.info({ signal }, '正在停止（完成进行中的请求）')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    running.stop().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message)
  } else {
    console.error('启动失败：', err)
  }
  process.exit(1)
}
