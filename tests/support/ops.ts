// Helpers for the operations tests: run the admin CLI and the built server as real processes, and make empty
// databases on the provider under test.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../server/src/platform/db'
import { pgAdmin, pgUrlFor, testProvider } from './db'

export const root = path.resolve(import.meta.dirname, '../..')
/** The secrets startTestApp uses (tests/support/app.ts), so the CLI reads what the test app wrote. */
export const TEST_ENV = {
  TOKEN_SECRET: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  PHONE_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
}
/** Random production-grade secrets. */
export const prodSecrets = () => ({ TOKEN_SECRET: crypto.randomBytes(36).toString('base64url'), PHONE_KEY: crypto.randomBytes(32).toString('hex') })

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs a command to completion (no shell), with a clean environment plus `env`. */
export function run (cmd: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = '', stderr = ''
    child.stdout.on('data', (b) => { stdout += b })
    child.stderr.on('data', (b) => { stderr += b })
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${cmd} ${args.join(' ')} timed out\n${stdout}\n${stderr}`)) }, timeoutMs)
    child.on('error', reject)
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }) })
  })
}

/** `npm run admin -- <args>` as operators run it (scripts/admin.mjs; tsx outside production). */
export const admin = (args: string[], env: Record<string, string>) => run(process.execPath, ['scripts/admin.mjs', ...args], env)

export function tempDir (prefix = 'bianmin-ops-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** An empty, unmigrated database on the provider under test. */
export async function emptyDatabase (): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testProvider === 'sqlite') {
    const t = tempDir('bianmin-empty-')
    return { url: `file:${path.join(t.dir, 'empty.db')}`, drop: async () => t.remove() }
  }
  const name = `bm_t_${crypto.randomBytes(6).toString('hex')}`
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}"`))
  return { url: pgUrlFor(name), drop: async () => { await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) } }
}

/** One row in every table with encrypted columns (resident, appointment, home visit, disclosure), encrypted by `enc`. */
export async function encryptedRows (db: Db, orgId: string, enc: (plain: string) => string, tag = crypto.randomBytes(3).toString('hex')) {
  const hall = await db.hall.create({ data: { orgId, name: `加密测试大厅${tag}`, address: '测试路 1 号' } })
  const item = await db.serviceItem.create({ data: { orgId, code: `ENC-${tag}`, name: '测试事项', category: '证明开具', materials: [], timeLimitDays: 1 } })
  const slot = await db.slot.create({ data: { hallId: hall.id, date: '2026-11-24', start: '09:00', end: '09:30', startsAt: new Date('2026-11-24T01:00:00Z'), capacity: 3 } })
  const resident = await db.resident.create({ data: { openid: `enc-${tag}`, phoneEnc: enc('13800138000') } })
  const appointment = await db.appointment.create({
    data: { residentId: resident.id, slotId: slot.id, serviceItemId: item.id, hallId: hall.id, date: slot.date, code: `C${tag}`.slice(0, 8), contactName: '张三', contactPhoneEnc: enc('13900139000') },
  })
  const homeVisit = await db.homeVisit.create({
    data: { residentId: resident.id, serviceItemId: item.id, orgId, contactName: '李四', contactPhoneEnc: enc('13700137000'), addressEnc: enc('湖里区测试路 2 号 301'), reason: '行动不便', preferredDays: ['2026-11-25'] },
  })
  const disclosure = await db.disclosure.create({
    data: { residentId: resident.id, orgId, applicantType: 'NATURAL_PERSON', description: '申请公开测试信息', form: 'PAPER', contactName: '王五', contactPhoneEnc: enc('13600136000'), applicantIdEnc: enc('350203199001015678'), postalAddressEnc: enc('湖里区邮寄路 3 号'), receivedAt: new Date(), dueAt: new Date(Date.now() + 30 * 86400_000) },
  })
  return { resident, appointment, homeVisit, disclosure, plain: { phone: '13800138000', contact: '13900139000', visitPhone: '13700137000', address: '湖里区测试路 2 号 301', disclosurePhone: '13600136000', idNumber: '350203199001015678', postal: '湖里区邮寄路 3 号' } }
}

/** A value in the first ciphertext format ("v1.<iv>.<tag>.<data>", no key id), as stored before key ids existed. */
export function legacyEncrypt (keyHex: string, plain: string): string {
  const iv = crypto.randomBytes(12)
  const c = crypto.createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv)
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()])
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
}
