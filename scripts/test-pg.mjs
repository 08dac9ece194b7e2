#!/usr/bin/env node
// The API suite on PostgreSQL (TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/test): a fresh template
// database per run, one database per test file, all dropped at the end. Fails if PostgreSQL is unreachable.
import { spawnSync } from 'node:child_process'

const env = { ...process.env, TEST_DB: 'postgresql' }
const drift = spawnSync('node', ['scripts/prisma.mjs', 'drift', 'postgresql'], { stdio: 'inherit', env: { ...env, DATABASE_URL_PG: process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' } })
if (drift.status !== 0) process.exit(drift.status ?? 1)
const r = spawnSync('npx', ['vitest', 'run', '--project', 'api', ...process.argv.slice(2)], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
