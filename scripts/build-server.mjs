#!/usr/bin/env node
// Production build of the BFF: one esbuild bundle of server/src (with the shared contract and the generated Prisma
// clients, which are TypeScript sources) into server/dist/{main,cli}.js. npm packages stay external and load from
// node_modules at run time (native better-sqlite3, pg, the Prisma runtime and its WASM, and the prisma CLI that
// applies migrations on start), so production runs with plain `node`, no tsx.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pkg = (p) => JSON.parse(fs.readFileSync(path.join(root, p, 'package.json'), 'utf8'))
const server = pkg('server')
const shared = pkg('shared')
const external = [...new Set([
  ...Object.keys(server.dependencies ?? {}),
  ...Object.keys(shared.dependencies ?? {}),
])].filter((d) => !d.startsWith('@bianmin/')).flatMap((d) => [d, `${d}/*`])

if (!fs.existsSync(path.join(root, 'server/src/generated/sqlite/client.ts'))) {
  console.error('Prisma 客户端尚未生成：请先运行 npm install（或 npm run db -- generate）')
  process.exit(1)
}

// --outdir <dir>: another output folder (inside the repository: node_modules and prisma/ are found from it).
const at = process.argv.indexOf('--outdir')
const outdir = path.resolve(root, at > 0 ? process.argv[at + 1] : 'server/dist')
fs.rmSync(outdir, { recursive: true, force: true })
const started = Date.now()
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/src/main.ts', cli: 'server/src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Bundled CommonJS helpers may call require().
  banner: { js: "import { createRequire as __bmCreateRequire } from 'node:module'; const require = __bmCreateRequire(import.meta.url);" },
})
fs.writeFileSync(path.join(outdir, 'package.json'), JSON.stringify({ type: 'module' }) + '\n')
const bytes = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0)
console.log(`${path.relative(root, outdir)} built in ${Date.now() - started} ms (${(bytes / 1024).toFixed(0)} KB of JS)`)
