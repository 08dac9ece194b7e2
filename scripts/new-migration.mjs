#!/usr/bin/env node
// Usage: npm run db:new-migration -- <name>
// After editing prisma/models/app.prisma: writes one migration per provider, under the same folder name, from the
// difference between each provider's migration history and the models; then regenerates both clients.
// Needs PostgreSQL (DATABASE_URL_PG, default postgresql://postgres@127.0.0.1:5432/test) for its shadow database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPrisma } from './prisma.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_')
if (!name) { console.error('usage: npm run db:new-migration -- <name>'); process.exit(2) }
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const folder = `${stamp}_${name}`
const pgUrl = process.env.DATABASE_URL_PG ?? 'postgresql://postgres@127.0.0.1:5432/test'
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-mig-'))
let wrote = 0
for (const provider of ['sqlite', 'postgresql']) {
  const out = path.join(tmpDir, `${provider}.sql`)
  const r = runPrisma(['migrate', 'diff', '--from-migrations', `prisma/${provider}/migrations`, '--to-schema-datamodel', `prisma/${provider}`, '--script', '-o', out],
    { provider, url: provider === 'postgresql' ? pgUrl : `file:${path.join(tmpDir, 'shadow.db')}`, quiet: true })
  if (r.status !== 0) { console.error(r.stdout, r.stderr); process.exit(1) }
  const sql = fs.readFileSync(out, 'utf8')
  if (!sql.replace(/--.*$/gm, '').trim()) { console.log(`${provider}: no change`); continue }
  const dir = path.join(root, 'prisma', provider, 'migrations', folder)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql)
  console.log(`wrote prisma/${provider}/migrations/${folder}/migration.sql`)
  wrote++
}
if (wrote) {
  for (const provider of ['sqlite', 'postgresql']) runPrisma(['generate'], { provider, quiet: true })
  console.log('clients regenerated')
}
