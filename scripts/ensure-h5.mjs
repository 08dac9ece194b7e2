#!/usr/bin/env node
// Builds the mini-program's H5 output (served by the BFF at /) when it is missing or older than its sources.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const index = path.join(root, 'miniapp', 'dist', 'h5', 'index.html')
const sources = ['miniapp/src', 'miniapp/config', 'shared/src'].map((d) => path.join(root, d))

function newest (dir) {
  let t = 0
  if (!fs.existsSync(dir)) return t
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
  }
  return t
}

const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
const stale = Math.max(...sources.map(newest)) > built
if (!built || stale || process.argv.includes('--force')) {
  console.log(built ? 'H5 页面源码有更新，正在重新构建…' : '首次启动：正在构建 H5 页面（约 30 秒）…')
  const r = spawnSync('npm', ['run', 'build:h5', '-w', '@bianmin/miniapp'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) { console.error('H5 构建失败'); process.exit(r.status ?? 1) }
}
