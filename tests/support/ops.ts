// Helpers for the operations tests: run the admin CLI and the built server as real processes, and make empty
// databases on the provider under test.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
