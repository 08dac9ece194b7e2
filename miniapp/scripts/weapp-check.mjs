// Checks the weapp build: app.json lists every page and sub-package of src/app.config.ts, each page's
// files exist, the privacy check is on (__usePrivacyCheck__, an agreePrivacyAuthorization button in the templates),
// no zod in the main package, and the main package stays under WeChat's 2 MB limit (prints its size; WeChat's own
// count and the 500 KB budget: scripts/weapp-ci.mjs).
// Usage (from miniapp/, after `taro build --type weapp`): node scripts/weapp-check.mjs [distDir]
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const LIMIT_KB = 2048
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist/weapp'))

const failures = []
const check = (ok, msg) => { if (!ok) failures.push(msg) }

// Evaluate src/app.config.ts (and what it imports: the page table, the tokens) as Taro does, defineAppConfig = identity.
function readAppConfig () {
  const { requireWithEsbuild } = createRequire(import.meta.url)('@tarojs/helper')
  globalThis.defineAppConfig = (c) => c
  const mod = requireWithEsbuild(path.join(root, 'src/app.config.ts'), { cwd: root })
  return mod.default ?? mod
}

function dirSize (dir, skip = new Set()) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (skip.has(path.relative(dist, p))) continue
    total += entry.isDirectory() ? dirSize(p, skip) : fs.statSync(p).size
  }
  return total
}

if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error(`✖ ${path.relative(process.cwd(), dist)}/app.json not found: run \`taro build --type weapp --no-check\` first`)
  process.exit(1)
}
const config = readAppConfig()
const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))

// On-demand injection: only the components a page renders are loaded with it (issue 17).
check(appJson.lazyCodeLoading === 'requiredComponents', 'app.json lacks lazyCodeLoading: "requiredComponents"')

const pageFiles = (page) => ['.js', '.json', '.wxml'].map((ext) => path.join(dist, page + ext))
for (const page of config.pages) {
  check(appJson.pages?.includes(page), `app.json does not list page ${page}`)
  for (const f of pageFiles(page)) check(fs.existsSync(f), `missing ${path.relative(dist, f)}`)
}
const subs = config.subPackages ?? config.subpackages ?? []
const builtSubs = appJson.subPackages ?? appJson.subpackages ?? []
for (const sub of subs) {
  const built = builtSubs.find((s) => s.root === sub.root)
  check(built, `app.json does not list sub-package ${sub.root}`)
  for (const page of sub.pages) {
    check(built?.pages?.includes(page), `app.json sub-package ${sub.root} does not list page ${page}`)
    for (const f of pageFiles(`${sub.root}/${page}`)) check(fs.existsSync(f), `missing ${path.relative(dist, f)}`)
  }
}
for (const item of config.tabBar?.list ?? []) {
  for (const icon of [item.iconPath, item.selectedIconPath].filter(Boolean)) check(fs.existsSync(path.join(dist, icon)), `missing tab bar icon ${icon}`)
}

// WeChat's privacy flow: the check is on, and the button template forwards the agree event (the open-type itself is
// set from the page's data: components/consent-panel.tsx).
check(appJson.__usePrivacyCheck__ === true, 'app.json lacks "__usePrivacyCheck__": true')
const mainFiles = fs.readdirSync(dist).filter((f) => /\.(wxml|js)$/.test(f)).map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n')
check(/bindagreeprivacyauthorization=/.test(mainFiles), 'no template binds agreeprivacyauthorization (the privacy agree button)')
const pagesJs = [...new Set(config.pages.map((p) => path.dirname(p)))].flatMap((d) => fs.readdirSync(path.join(dist, d)).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, d, f)))
const jsText = [...mainFiles.split('\n'), ...pagesJs.map((f) => fs.readFileSync(f, 'utf8'))].join('\n')
check(jsText.includes('agreePrivacyAuthorization') && jsText.includes('onNeedPrivacyAuthorization'), 'the agreePrivacyAuthorization button or the onNeedPrivacyAuthorization listener is missing from the build')
console.log(`privacy: __usePrivacyCheck__ ${appJson.__usePrivacyCheck__ === true ? 'on' : 'OFF'}`)

const subRoots = new Set(builtSubs.map((s) => s.root.replace(/\/$/, '')))

// zod and the contract's schemas belong to the sub-packages whose forms check them: in the main package they cost
// ~200 KB of WeChat's 500 KB budget (scripts/weapp-ci.mjs). A tab page checks with useSubmit's `validate` instead.
const mainJs = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name)
  if (subRoots.has(path.relative(dist, p))) return []
  return e.isDirectory() ? mainJs(p) : e.name.endsWith('.js') ? [p] : []
})
const withZod = mainJs(dist).filter((f) => fs.readFileSync(f, 'utf8').includes('"ZodObject"'))
check(withZod.length === 0, `zod schemas in the main package (${withZod.map((f) => path.relative(dist, f)).join(', ')}): a tab page or an app-wide module imports a contract schema or \`contract\``)
const kb = (bytes) => (bytes / 1024).toFixed(1)
const mainBytes = dirSize(dist, subRoots)
console.log(`main package: ${kb(mainBytes)} KB (limit ${LIMIT_KB} KB)`)
check(mainBytes <= LIMIT_KB * 1024, `main package is ${kb(mainBytes)} KB, over ${LIMIT_KB} KB`)
for (const r of subRoots) {
  const bytes = fs.existsSync(path.join(dist, r)) ? dirSize(path.join(dist, r)) : 0
  console.log(`sub-package ${r}: ${kb(bytes)} KB`)
  check(bytes <= LIMIT_KB * 1024, `sub-package ${r} is ${kb(bytes)} KB, over ${LIMIT_KB} KB`)
}
console.log(`pages: ${config.pages.length} main, ${subs.reduce((n, s) => n + s.pages.length, 0)} in ${subs.length} sub-package(s)`)

if (failures.length) {
  for (const f of failures) console.error(`✖ ${f}`)
  process.exit(1)
}
console.log('✔ weapp build checked')
