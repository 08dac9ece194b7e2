#!/usr/bin/env node
// Refreshes the README's screenshots (docs/screenshots/*.png): the resident journey at 375×812 and three staff pages
// at a desk's 1280×800 (desk-*.png): runs those browser tests with UPDATE_SCREENSHOTS=1 over the real server and the
// H5 build (built first if its sources changed).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
run('node', ['scripts/ensure-h5.mjs'])
run('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/journey.test.ts', 'tests/e2e/desk.test.ts'], { UPDATE_SCREENSHOTS: '1' })
console.log('docs/screenshots/ updated')
