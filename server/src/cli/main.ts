// Admin CLI: `npm run admin -- <command> [options]` (production: node server/dist/cli.js <command>).
// Reads the same environment (and .env at the repository root) as the server.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, repoRoot } from '../platform/config'
import { OpsError } from '../modules/ops/first-admin'
import { commands, usage } from './commands'

const envFile = path.join(repoRoot, '.env')
if (fs.existsSync(envFile)) process.loadEnvFile(envFile)

const [name, ...rest] = process.argv.slice(2)
const command = name ? commands[name] : undefined
if (!command) {
  console.log(usage)
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0)
}

try {
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true })
  const config = loadConfig(process.env)
  const code = await command.run({ config, args: positionals, options: values as Record<string, string | boolean | undefined> })
  process.exit(code ?? 0)
} catch (err) {
  if (err instanceof ConfigError || err instanceof OpsError) console.error(err.message)
  else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`参数错误：${(err as Error).message}\n\n${usage}`)
  else console.error('执行失败：', err)
  process.exit(1)
}
