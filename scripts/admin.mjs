#!/usr/bin/env node
// `npm run admin -- <command>`: the admin CLI. With NODE_ENV=production it runs the built server/dist/cli.js
// (npm run build), otherwise the TypeScript sources through tsx.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
let cmd
if (process.env.NODE_ENV === 'production') {
  const built = path.join(root, 'server', 'dist', 'cli.js')
  if (!fs.existsSync(built)) { console.error('未找到 server/dist/cli.js：请先运行 npm run build:server'); process.exit(1) }
  cmd = [process.execPath, ['--enable-source-maps', built, ...args]]
} else {
  cmd = [path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'server', 'src', 'cli', 'main.ts'), ...args]]
}
const r = spawnSync(cmd[0], cmd[1], { stdio: 'inherit', env: process.env })
if (r.error) { console.error(r.error.message); process.exit(1) }
process.exit(r.status ?? 1)
