// WeChat's own compiler on the weapp build, offline: miniprogram-ci compiles dist/weapp as an upload would
// (getCompiledResult with the project's settings: ES6 → ES5, minified JS/WXML/WXSS) and runs its code-quality check.
// Prints the main package and every sub-package as the compiler counts them; fails when the main package is over
// 500 KB, a package over 2 MB, or a quality check fails.
// No network: the project attributes WeChat's server would send (`attr`) are given here, and the private key that
// miniprogram-ci insists on is a throwaway one generated for this run (neither compile nor check signs anything).
// Usage (from miniapp/, after `taro build --type weapp`): node scripts/weapp-ci.mjs [distDir]
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const MAIN_LIMIT_KB = 500
const PACKAGE_LIMIT_KB = 2048
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist/weapp'))
const require = createRequire(import.meta.url)

if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error(`✖ ${dist}/app.json not found: run \`taro build --type weapp --no-check\` first`)
  process.exit(1)
}
const ci = require('miniprogram-ci')
// Offline for certain: every request miniprogram-ci would make is refused here (it then uses its built-in lists).
const refused = []
const http = require('miniprogram-ci/dist/utils/request')
http.request = http.simpleRequest = async (opts) => { refused.push(opts?.url); throw new Error('offline (weapp-ci.mjs)') }
const projectConfig = JSON.parse(fs.readFileSync(path.join(dist, 'project.config.json'), 'utf8'))
const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))

// What WeChat's server answers for a regular mini-program (miniprogram-ci's own DefaultProjectAttr, sizes in MB).
const attr = {
  platform: false, appType: 0, isSandbox: false, released: false,
  setting: {
    MaxCodeSize: 2, MaxSubpackageSubCodeSize: 2, MaxSubpackageFullCodeSize: 20, NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100, MinTabbarCount: 2, MaxTabbarCount: 5, MaxCustomTabbarCount: 10, MaxTabbarIconSize: 40,
  },
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-weapp-ci-'))
const keyPath = path.join(tmp, 'private.key')
fs.writeFileSync(keyPath, crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }))

const project = new ci.Project({
  appid: projectConfig.appid, type: 'miniProgram', projectPath: dist, privateKeyPath: keyPath,
  ignores: ['**/*.map', '**/*.LICENSE.txt'], attr: async () => attr,
})

const failures = []
const kb = (bytes) => (bytes / 1024).toFixed(1)
try {
  const s = projectConfig.setting ?? {}
  console.log(`compile settings: es6 ${!!s.es6}, minified ${!!s.minified}, minifyWXML ${!!s.minifyWXML}, minifyWXSS ${!!s.minifyWXSS}`)
  const files = await ci.getCompiledResult({ project, setting: { useProjectConfig: true }, onProgressUpdate: () => {} })
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const sizes = new Map([['main', 0], ...roots.map((r) => [r, 0])])
  let helpers = 0
  for (const [file, body] of Object.entries(files)) {
    const bytes = Buffer.byteLength(body)
    const pkg = roots.find((r) => file.startsWith(`${r}/`)) ?? 'main'
    sizes.set(pkg, sizes.get(pkg) + bytes)
    if (/(^|\/)@babel\/runtime\//.test(file)) helpers += bytes
  }
  const main = sizes.get('main')
  console.log(`main package (WeChat compiler): ${kb(main)} KB (limit ${MAIN_LIMIT_KB} KB), injected babel helpers ${kb(helpers)} KB`)
  if (main > MAIN_LIMIT_KB * 1024) failures.push(`main package is ${kb(main)} KB, over ${MAIN_LIMIT_KB} KB`)
  for (const r of roots) {
    console.log(`  sub-package ${r}: ${kb(sizes.get(r))} KB`)
    if (sizes.get(r) > PACKAGE_LIMIT_KB * 1024) failures.push(`sub-package ${r} is ${kb(sizes.get(r))} KB, over ${PACKAGE_LIMIT_KB} KB`)
  }
  console.log(`network requests refused: ${refused.length}${refused.length ? ` (${[...new Set(refused)].join(', ')}: built-in fallback used)` : ''}`)
  console.log(`total: ${kb([...sizes.values()].reduce((a, b) => a + b, 0))} KB in ${Object.keys(files).length} files`)

  const quality = await ci.checkCodeQuality(project)
  for (const q of quality) {
    // q.text is the check's description (worded as the problem), not its outcome.
    console.log(`${q.success ? '✔ passed' : '✖ FAILED'}: code quality ${q.name} (${q.text})`)
    if (!q.success) failures.push(`code quality ${q.name}: ${q.text} ${JSON.stringify(q.detail ?? '').slice(0, 400)}`)
  }
} catch (e) {
  failures.push(`miniprogram-ci: ${e?.stack ?? e}`)
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}

if (failures.length) {
  for (const f of failures) console.error(`✖ ${f}`)
  process.exit(1)
}
console.log('✔ weapp: WeChat compiler and code-quality check passed')
process.exit(0) // miniprogram-ci leaves a file watcher open
