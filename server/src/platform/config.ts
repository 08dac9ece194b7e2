// Environment, validated once at boot. Secrets are required in production; outside production they are
// generated once and kept in the data folder so tokens and encrypted phones survive restarts.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { strongPassword } from '@bianmin/shared'

/** The repository root (holds prisma.config.ts): from server/src/platform in development, server/dist when built. */
export const repoRoot = ((from: string) => {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'prisma.config.ts'))) return dir
    if (path.dirname(dir) === dir) return path.resolve(from, '../../..')
  }
})(path.dirname(fileURLToPath(import.meta.url)))

const optional = z.string().trim().optional().transform((v) => (v ? v : undefined))
const hexKey = /^[0-9a-f]{64}$/i
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('file:./data/bianmin.db'),
  CLOCK: optional.pipe(z.iso.datetime({ offset: true, error: 'CLOCK 必须是带时区的 ISO 8601 时间' }).optional()),
  DEMO_PASSWORD: optional,
  ADMIN_PASSWORD: optional,
  TOKEN_SECRET: optional.pipe(z.string().min(32, 'TOKEN_SECRET 至少 32 个字符').optional()),
  PHONE_KEY: optional.pipe(z.string().regex(/^[0-9a-f]{64}$/i, 'PHONE_KEY 必须是 64 位十六进制（32 字节）').optional()),
  WECHAT_APP_ID: optional,
  WECHAT_APP_SECRET: optional,
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  /** JSON object: notification kind → subscribe-message template id, e.g. {"BOOKING_CONFIRMED":"abc…"} */
  WECHAT_TEMPLATES: optional.pipe(z.string().transform((v, ctx) => {
    try {
      const o = JSON.parse(v) as unknown
      if (o && typeof o === 'object' && !Array.isArray(o) && Object.values(o).every((x) => typeof x === 'string')) return o as Record<string, string>
    } catch { /* reported below */ }
    ctx.addIssue({ code: 'custom', message: 'WECHAT_TEMPLATES 必须是 JSON 对象：{"消息类型":"模板ID"}' })
    return z.NEVER
  }).optional()),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  REDIS_URL: optional.pipe(z.string().regex(/^rediss?:\/\//, 'REDIS_URL 必须以 redis:// 或 rediss:// 开头').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  UPLOAD_DIR: optional,
  H5_DIR: z.string().default('./miniapp/dist/h5'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  JOBS: z.enum(['on', 'off']).default('on'),
  PHONE_KEY_PREVIOUS: optional.pipe(z.string().refine((v) => v.split(',').every((k) => hexKey.test(k.trim())),
    'PHONE_KEY_PREVIOUS 必须是逗号分隔的 64 位十六进制密钥').optional()),
  ORG_NAME: optional.pipe(z.string().max(60, 'ORG_NAME 最多 60 个字').optional()),
  ORG_LEVEL: z.enum(['DISTRICT', 'STREET', 'COMMUNITY'], { error: 'ORG_LEVEL 只能是 DISTRICT、STREET 或 COMMUNITY' }).default('STREET'),
  ORG_CODE: optional,
  METRICS_TOKEN: optional.pipe(z.string().min(16, 'METRICS_TOKEN 至少 16 个字符').optional()),
  BACKUP_DIR: optional,
  PG_BIN_DIR: optional,
})

export interface Config {
  env: 'development' | 'production' | 'test'
  production: boolean
  port: number
  host: string
  databaseUrl: string
  provider: 'sqlite' | 'postgresql'
  clock?: string
  demoPassword?: string
  adminPassword?: string
  tokenSecret: string
  phoneKey: Buffer
  /** Earlier phone keys, still accepted for decryption while `admin rotate-phone-key` re-encrypts. */
  previousPhoneKeys: Buffer[]
  /** The first org, created with the `admin` account on an empty production database. */
  firstOrg: { name?: string; level: 'DISTRICT' | 'STREET' | 'COMMUNITY'; code?: string }
  /** Bearer token for GET /metrics; unset → only direct requests from loopback / private addresses. */
  metricsToken?: string
  backupDir: string
  /** Folder of pg_dump / pg_restore / psql when they are not on PATH. */
  pgBinDir?: string
  wechat: { appId?: string; appSecret?: string; apiBase: string; templates: Record<string, string> }
  rateLimits: boolean
  /** Rate-limit counters in Redis (shared by every instance); else in PostgreSQL, or in memory on SQLite. */
  redisUrl?: string
  logLevel: string
  dataDir: string
  uploadDir: string
  h5Dir: string
  trustProxy: boolean
  jobs: boolean
}

export class ConfigError extends Error {}

/** Low-variety or placeholder secrets ("changeme", "aaaa…", a repeated short block). */
function weakSecret (s: string): boolean {
  return new Set(s).size < 10 || /change.?me|example|placeholder|secret|password|123456/i.test(s) || /^(.{1,16})\1+$/.test(s)
}
function weakHexKey (k: string): boolean {
  return new Set(k.toLowerCase()).size < 10 || /^(.{1,32})\1+$/i.test(k)
}

const resolveFromRoot = (p: string) => (path.isAbsolute(p) ? p : path.resolve(repoRoot, p))
export function resolveDatabaseUrl (url: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) return url
  const file = url.replace(/^file:/, '')
  return file === ':memory:' || path.isAbsolute(file) ? `file:${file}` : `file:${resolveFromRoot(file)}`
}

function devSecrets (dataDir: string): { tokenSecret: string; phoneKey: string } {
  const file = path.join(dataDir, 'dev-secrets.json')
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    const s = { tokenSecret: crypto.randomBytes(32).toString('base64url'), phoneKey: crypto.randomBytes(32).toString('hex') }
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(s), { mode: 0o600 })
    return s
  }
}

export function loadConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError('配置错误：\n' + parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n'))
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  const dataDir = resolveFromRoot(e.DATA_DIR)
  const problems: string[] = []
  if (production) {
    if (!e.TOKEN_SECRET) problems.push('生产环境必须设置 TOKEN_SECRET（至少 32 个随机字符）')
    if (!e.PHONE_KEY) problems.push('生产环境必须设置 PHONE_KEY（32 字节十六进制，用于手机号加密）')
    if (e.WECHAT_APP_ID && !e.WECHAT_APP_SECRET) problems.push('设置了 WECHAT_APP_ID 时必须同时设置 WECHAT_APP_SECRET')
    if (e.TOKEN_SECRET && weakSecret(e.TOKEN_SECRET)) problems.push('TOKEN_SECRET 过于简单，请使用随机生成的值（如 openssl rand -base64 48）')
    if (e.PHONE_KEY && weakHexKey(e.PHONE_KEY)) problems.push('PHONE_KEY 过于简单，请使用随机生成的值（openssl rand -hex 32）')
    if (e.ADMIN_PASSWORD) {
      const pw = strongPassword.safeParse(e.ADMIN_PASSWORD)
      if (!pw.success) problems.push(`ADMIN_PASSWORD 不符合密码要求：${pw.error.issues[0]?.message}`)
    }
  }
  if (problems.length) throw new ConfigError('配置错误：\n' + problems.map((p) => `- ${p}`).join('\n'))
  const dev = production ? undefined : (!e.TOKEN_SECRET || !e.PHONE_KEY ? devSecrets(dataDir) : undefined)
  const databaseUrl = resolveDatabaseUrl(e.DATABASE_URL)
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    provider: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql',
    clock: production ? undefined : e.CLOCK,
    demoPassword: e.DEMO_PASSWORD,
    adminPassword: e.ADMIN_PASSWORD,
    tokenSecret: e.TOKEN_SECRET ?? dev!.tokenSecret,
    phoneKey: Buffer.from(e.PHONE_KEY ?? dev!.phoneKey, 'hex'),
    previousPhoneKeys: (e.PHONE_KEY_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean).map((k) => Buffer.from(k, 'hex')),
    firstOrg: { name: e.ORG_NAME, level: e.ORG_LEVEL, code: e.ORG_CODE },
    metricsToken: e.METRICS_TOKEN,
    backupDir: e.BACKUP_DIR ? resolveFromRoot(e.BACKUP_DIR) : path.join(dataDir, 'backups'),
    pgBinDir: e.PG_BIN_DIR,
    wechat: { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE, templates: e.WECHAT_TEMPLATES ?? {} },
    rateLimits: production ? true : e.RATE_LIMITS === 'on',
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    dataDir,
    uploadDir: e.UPLOAD_DIR ? resolveFromRoot(e.UPLOAD_DIR) : path.join(dataDir, 'uploads'),
    h5Dir: resolveFromRoot(e.H5_DIR),
    trustProxy: e.TRUST_PROXY === 'true',
    jobs: e.JOBS === 'on',
  }
}
