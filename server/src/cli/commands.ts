// The admin CLI's commands. Each prints what it did in Chinese and returns an exit code (errors: OpsError → exit 1).
import type { ParseArgsConfig } from 'node:util'
import type { Config } from '../platform/config'
import { createDb, type Db } from '../platform/db'
import { FieldCipher, keyIdOf } from '../platform/crypto'
import { migrateDeploy, pendingMigrations } from '../platform/migrate'
import { createLogger } from '../platform/logger'
import { hashPassword, randomPassword } from '../platform/password'
import { audit } from '../platform/audit'
import { buildDeps, closeDeps } from '../deps'
import type { Deps } from '../platform/types'
import { runJob } from '../platform/jobs'
import { collect } from '../platform/module'
import { modules } from '../modules/index'
import { createFirstAdmin, OpsError, type OrgLevel } from '../modules/ops/first-admin'
import { backupDatabase, restoreDatabase } from '../modules/ops/backup'
import { tableChecksums } from '../modules/ops/table-checksum'
import { rotateEncryptedColumns } from '../modules/ops/key-rotation'
import { runRetention } from '../modules/ops/retention.job'

interface Ctx { config: Config; args: string[]; options: Record<string, string | boolean | undefined> }
interface Command { summary: string; options?: ParseArgsConfig['options']; run: (c: Ctx) => Promise<number | void> }

async function withDb<T> (config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(config.databaseUrl)
  try { return await fn(db) } finally { await db.$disconnect() }
}

const cli = { kind: 'system' } as const

function oneArg (c: Ctx, what: string): string {
  const v = c.args[0]
  if (!v || c.args.length > 1) throw new OpsError(`请给出${what}，例如：npm run admin -- ${what === '用户名' ? 'reset-password zhangsan' : 'restore data/backups/bianmin-20261123.sqlite'}`)
  return v
}

async function findStaff (db: Db, username: string) {
  const staff = await db.staff.findUnique({ where: { username } })
  if (!staff) throw new OpsError(`未找到账号 ${username}`)
  return staff
}

/** A full Deps (module state included) on its own connection, closed afterwards. */
async function withDeps<T> (config: Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  return withDb(config, async (db) => {
    const deps = await buildDeps(config, db, createLogger('warn'), {}, modules)
    try { return await fn(deps) } finally { await closeDeps(deps) }
  })
}

async function revokeStaffSessions (db: Db, staffId: string): Promise<number> {
  const r = await db.authSession.updateMany({ where: { subjectType: 'STAFF', subjectId: staffId, revokedAt: null }, data: { revokedAt: new Date() } })
  return r.count
}

export const commands: Record<string, Command> = {
  'create-admin': {
    summary: '创建第一个管理员（空库时同时创建本单位机构）。密码取 ADMIN_PASSWORD，未设置则随机生成并显示一次',
    options: { 'org-name': { type: 'string' }, 'org-level': { type: 'string' }, 'org-code': { type: 'string' }, org: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' } },
    async run ({ config, options }) {
      const level = (options['org-level'] as string | undefined) ?? config.firstOrg.level
      if (!['DISTRICT', 'STREET', 'COMMUNITY'].includes(level)) throw new OpsError('--org-level 只能是 DISTRICT（区）、STREET（街道）或 COMMUNITY（社区）')
      const password = config.adminPassword ?? randomPassword()
      const r = await withDb(config, (db) => createFirstAdmin(db, {
        password, username: options.username as string | undefined, name: options.name as string | undefined, org: options.org as string | undefined,
        orgName: (options['org-name'] as string | undefined) ?? config.firstOrg.name, orgLevel: level as OrgLevel,
        orgCode: (options['org-code'] as string | undefined) ?? config.firstOrg.code,
      }))
      if (r.createdOrg) console.log(`已创建机构：${r.orgName}（ID ${r.orgId}）`)
      console.log(`已创建管理员账号 ${(options.username as string | undefined) ?? 'admin'}（机构：${r.orgName}），首次登录须修改密码`)
      if (!config.adminPassword) console.log(`初始密码（只显示这一次）：${password}`)
    },
  },
  'reset-password': {
    summary: '重置工作人员密码（随机生成并显示一次，下次登录须修改），并注销其所有登录',
    async run (c) {
      const username = oneArg(c, '用户名')
      const password = randomPassword()
      const revoked = await withDb(c.config, async (db) => {
        const staff = await findStaff(db, username)
        await db.staff.update({
          where: { id: staff.id },
          data: { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: { increment: 1 } },
        })
        const n = await revokeStaffSessions(db, staff.id)
        await audit(db, cli, { action: 'staff.password-reset', targetType: 'Staff', targetId: staff.id, orgId: staff.orgId, detail: { username, via: 'admin-cli', sessionsRevoked: n } })
        return n
      })
      console.log(`已重置 ${username} 的密码，注销登录 ${revoked} 个；下次登录须修改密码`)
      console.log(`新密码（只显示这一次）：${password}`)
    },
  },
  disable: {
    summary: '停用工作人员账号并注销其所有登录',
    async run (c) {
      const username = oneArg(c, '用户名')
      const revoked = await withDb(c.config, async (db) => {
        const staff = await findStaff(db, username)
        await db.staff.update({ where: { id: staff.id }, data: { disabled: true, tokenVersion: { increment: 1 } } })
        const n = await revokeStaffSessions(db, staff.id)
        await audit(db, cli, { action: 'staff.disable', targetType: 'Staff', targetId: staff.id, orgId: staff.orgId, detail: { username, via: 'admin-cli', sessionsRevoked: n } })
        return n
      })
      console.log(`已停用账号 ${username}，注销登录 ${revoked} 个`)
    },
  },
  enable: {
    summary: '重新启用已停用的工作人员账号',
    async run (c) {
      const username = oneArg(c, '用户名')
      await withDb(c.config, async (db) => {
        const staff = await findStaff(db, username)
        await db.staff.update({ where: { id: staff.id }, data: { disabled: false, failedLogins: 0, lockedUntil: null } })
        await audit(db, cli, { action: 'staff.enable', targetType: 'Staff', targetId: staff.id, orgId: staff.orgId, detail: { username, via: 'admin-cli' } })
      })
      console.log(`已启用账号 ${username}`)
    },
  },
  'pending-migrations': {
    summary: '列出尚未执行的数据库迁移（--check：有待执行迁移时退出码为 1）',
    options: { check: { type: 'boolean' } },
    async run ({ config, options }) {
      const pending = await withDb(config, (db) => pendingMigrations(db, config.provider))
      if (!pending.length) { console.log('没有待执行的数据库迁移'); return 0 }
      console.log(`待执行的数据库迁移 ${pending.length} 个：`)
      for (const m of pending) console.log(`  ${m}`)
      return options.check ? 1 : 0
    },
  },
  migrate: {
    summary: '执行待执行的数据库迁移（服务启动时也会自动执行）',
    async run ({ config }) {
      const before = await withDb(config, (db) => pendingMigrations(db, config.provider))
      await migrateDeploy(config.databaseUrl, config.provider)
      console.log(before.length ? `已执行 ${before.length} 个迁移：${before.join('、')}` : '没有待执行的数据库迁移')
    },
  },
  'rotate-phone-key': {
    summary: '用新密钥重新加密手机号等加密字段（分批、可中断后重跑）。目标密钥：NEW_PHONE_KEY，未设置时为 PHONE_KEY',
    options: { batch: { type: 'string' } },
    async run ({ config, options }) {
      const raw = process.env.NEW_PHONE_KEY?.trim()
      if (raw && !/^[0-9a-f]{64}$/i.test(raw)) throw new OpsError('NEW_PHONE_KEY 必须是 64 位十六进制（openssl rand -hex 32）')
      if (raw && new Set(raw.toLowerCase()).size < 10) throw new OpsError('NEW_PHONE_KEY 过于简单，请使用随机生成的值')
      const target = raw ? Buffer.from(raw, 'hex') : config.phoneKey
      const batch = Number(options.batch ?? 500)
      if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new OpsError('--batch 须为 1–10000 的整数')
      const others = [config.phoneKey, ...config.previousPhoneKeys].filter((k) => !k.equals(target))
      const cipher = new FieldCipher(target, others)
      console.log(`目标密钥 ID：${keyIdOf(target)}；可解密的旧密钥 ${others.length} 个`)
      const reports = await withDb(config, (db) => rotateEncryptedColumns(db, cipher, { batch }))
      for (const r of reports) console.log(`  ${r.model}：检查 ${r.scanned} 行，重新加密 ${r.rotated} 行，已是新密钥 ${r.current} 行${r.failed.length ? `，无法解密 ${r.failed.length} 行` : ''}`)
      const failed = reports.flatMap((r) => r.failed.map((id) => `${r.model}:${id}`))
      if (failed.length) {
        console.error(`有 ${failed.length} 行无法用已知密钥解密（请在 PHONE_KEY_PREVIOUS 中加入对应旧密钥后重跑）：${failed.slice(0, 20).join(', ')}`)
        return 1
      }
      console.log(raw ? '完成。请把 PHONE_KEY 改为新密钥后再启动服务。' : '完成。可以从配置中删除 PHONE_KEY_PREVIOUS。')
    },
  },
  backup: {
    summary: '在线备份数据库（SQLite：驱动的 backup API；PostgreSQL：pg_dump 自定义格式）。--out 指定文件，默认 BACKUP_DIR',
    options: { out: { type: 'string' } },
    async run ({ config, options }) {
      const r = await backupDatabase(config, options.out as string | undefined)
      console.log(`备份完成：${r.file}（${(r.bytes / 1024).toFixed(0)} KB，${r.ms} ms）`)
    },
  },
  restore: {
    summary: '从备份恢复到 DATABASE_URL 指向的新数据库（请先停止服务；--force 覆盖已有数据）',
    options: { force: { type: 'boolean' } },
    async run (c) {
      const file = oneArg(c, '备份文件')
      const r = await restoreDatabase(c.config, file, { force: !!c.options.force })
      if (r.previous) console.log(`原数据库已改名保留：${r.previous}`)
      const pending = await withDb(c.config, (db) => pendingMigrations(db, c.config.provider))
      console.log(`恢复完成（${r.ms} ms）${pending.length ? `；备份早于当前版本，启动服务时将执行 ${pending.length} 个迁移` : ''}`)
    },
  },
  checksums: {
    summary: '每张表的行数和校验和（核对备份恢复结果）',
    async run ({ config }) {
      const sums = await withDb(config, (db) => tableChecksums(db, config.provider))
      for (const s of sums) console.log(`${s.table}\t${s.rows}\t${s.sha256}`)
    },
  },
  retention: {
    summary: '立即执行数据保留任务（归档并删除超期审计日志，删除已注销居民的上传文件）',
    async run ({ config }) {
      const r = await withDeps(config, runRetention)
      console.log(`审计日志：归档并删除 ${r.archived} 条（早于 ${r.cutoff.toISOString()}）${r.files.length ? `，归档文件：${r.files.join('、')}` : ''}`)
      console.log(`已注销居民的上传文件：删除 ${r.uploadsRemoved} 个`)
    },
  },
  'run-job': {
    summary: '立即执行一个定时任务（不写名称时列出各模块声明的全部任务）；按周期执行的任务本周期已执行过则跳过',
    async run ({ config, args }) {
      const jobs = collect(modules).jobs
      if (!args[0]) { for (const j of jobs) console.log(`${j.name.padEnd(32)}每 ${Math.round(j.everyMs / 1000)} 秒${j.key ? '，每周期一次' : ''}`); return }
      const job = jobs.find((j) => j.name === args[0])
      if (!job || args.length > 1) throw new OpsError(`未找到任务 ${args.join(' ')}（npm run admin -- run-job 列出全部任务）`)
      const ran = await withDeps(config, (deps) => runJob(deps, job))
      console.log(ran ? `已执行任务 ${job.name}` : `任务 ${job.name} 本周期已执行过，未重复执行`)
    },
  },
}

export const usage = `用法：npm run admin -- <命令> [参数]

${Object.entries(commands).map(([n, c]) => `  ${n.padEnd(20)}${c.summary}`).join('\n')}

示例：
  npm run admin -- create-admin --org-name 湖里街道办事处 --org-level STREET
  npm run admin -- reset-password zhangsan
  npm run admin -- run-job appointments.slots
  npm run admin -- backup --out /var/backups/bianmin/bianmin.sqlite
  NEW_PHONE_KEY=<新密钥（先妥善保存）> npm run admin -- rotate-phone-key`
