#!/usr/bin/env node
// Prisma CLI wrapper: picks the provider folder from DATABASE_URL (postgresql:// → prisma/postgresql, else
// prisma/sqlite) and runs offline.
//   node scripts/prisma.mjs generate        generate both clients (used by postinstall)
//   node scripts/prisma.mjs deploy          apply pending migrations to DATABASE_URL
//   node scripts/prisma.mjs drift [provider] fail if a provider's migrations differ from the models (default: both)
//   node scripts/prisma.mjs <prisma args…>  anything else, for the provider of DATABASE_URL
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'node_modules', '.bin', 'prisma')
const providerOf = (url) => (/^postgres(ql)?:\/\//.test(url ?? '') ? 'postgresql' : 'sqlite')

export function runPrisma (args, { provider, url, quiet = false } = {}) {
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', DB_PROVIDER: provider }
  if (url) env.DATABASE_URL = url
  const r = spawnSync(bin, args, { cwd: root, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' })
  return r
}

function must (r, what) {
  if (r.status !== 0) {
    if (r.stdout) process.stdout.write(r.stdout)
    if (r.stderr) process.stderr.write(r.stderr)
    console.error(`prisma ${what} failed (exit ${r.status})`)
    process.exit(r.status || 1)
  }
}

const defaultPg = process.env.DATABASE_URL_PG ?? 'postgresql://postgres@127.0.0.1:5432/test'

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, ...rest] = process.argv.slice(2)
  const url = process.env.DATABASE_URL
  if (!fs.existsSync(bin)) { console.error('prisma CLI missing: run npm install'); process.exit(1) }
  if (cmd === 'generate') {
    for (const p of ['sqlite', 'postgresql']) must(runPrisma(['generate', ...rest], { provider: p, quiet: true }), `generate (${p})`)
    console.log('Prisma clients generated (sqlite, postgresql)')
  } else if (cmd === 'deploy') {
    must(runPrisma(['migrate', 'deploy'], { provider: providerOf(url), url }), 'migrate deploy')
  } else if (cmd === 'drift') {
    for (const p of rest.length ? rest : ['sqlite', 'postgresql']) {
      const r = runPrisma(['migrate', 'diff', '--from-migrations', `prisma/${p}/migrations`, '--to-schema-datamodel', `prisma/${p}`, '--exit-code'],
        { provider: p, url: p === 'postgresql' ? defaultPg : 'file::memory:', quiet: true })
      if (r.status === 2) { console.error(`Drift: prisma/${p}/migrations does not match the models.\n${r.stdout}`); process.exit(1) }
      must(r, `migrate diff (${p})`)
      console.log(`prisma/${p}/migrations: in step with the models`)
    }
  } else {
    const r = runPrisma([cmd, ...rest].filter(Boolean), { provider: providerOf(url), url })
    process.exit(r.status ?? 1)
  }
}
