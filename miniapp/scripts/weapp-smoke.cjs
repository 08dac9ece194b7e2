// Runs the built mini-program's app and 首页 in Node with a stubbed `wx` (no WeChat DevTools here):
// the app launches, signs in through wx.login + wx.request, and the page data shows the greeting; the privacy notice
// is shown to a resident without consent, WeChat's privacy listener is registered, and a large WeChat font size
// (fontSizeSetting 20) starts 长辈模式.
// Usage (from miniapp/, after `taro build --type weapp`): node scripts/weapp-smoke.cjs [distDir]
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')

const dist = path.resolve(process.argv[2] || path.join(__dirname, '../dist/weapp'))
const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
const noop = () => {}
const sys = { platform: 'devtools', system: 'iOS 16', SDKVersion: '3.0.0', version: '8.0.0', pixelRatio: 2,
  screenWidth: 375, screenHeight: 667, windowWidth: 375, windowHeight: 667, statusBarHeight: 20, language: 'zh_CN', fontSizeSetting: 20 }

// A fake BFF behind wx.request.
const requests = []
const resident = { id: 'r1', nickname: null, consentVersion: null, elderMode: false, suspendedUntil: null, createdAt: '2026-11-21T08:00:00+08:00' }
function api ({ method, url, header, data }) {
  const p = new URL(url).pathname
  requests.push(`${method} ${p}`)
  if (p === '/api/v1/auth/wechat') return { statusCode: 200, data: { token: 'tok1', expiresAt: 'x', resident } }
  if (p === '/api/v1/me') return header.authorization === 'Bearer tok1' ? { statusCode: 200, data: { type: 'resident', resident } } : { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }
  if (p === '/api/v1/privacy') return { statusCode: 200, data: { version: '2026-11', updatedAt: null } }
  if (p === '/api/v1/orgs') return { statusCode: 200, data: { items: [{ id: 's1', name: '东湖街道', level: 'STREET', parentId: null, children: [] }] } }
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } } }
}
const storage = new Map()
let privacyListener = null
const later = (fn) => setTimeout(fn, 0)
const wxApi = {
  getSystemInfoSync: () => sys, getWindowInfo: () => sys, getDeviceInfo: () => sys, getAppBaseInfo: () => sys,
  nextTick: (fn) => setTimeout(fn, 0), canIUse: () => true,
  login: (o) => later(() => { o.success?.({ code: 'smoke_code', errMsg: 'login:ok' }); o.complete?.() }),
  request: (o) => { later(() => { const r = { ...api(o), header: {}, errMsg: 'request:ok' }; o.success?.(r); o.complete?.(r) }); return { abort: noop } },
  getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
  setStorageSync: (k, v) => { storage.set(k, v) },
  removeStorageSync: (k) => { storage.delete(k) },
  onNeedPrivacyAuthorization: (fn) => { privacyListener = fn },
  // Taro builds its API object from the keys `wx` has at start-up: list the ones the pages call.
  stopPullDownRefresh: noop, startPullDownRefresh: noop, pageScrollTo: noop, showToast: noop, showModal: noop,
}
const wx = new Proxy(wxApi, { get: (t, k) => (k in t ? t[k] : (typeof k === 'string' && k !== 'then' && k !== 'webpackJsonp' ? (t[k] = noop) : undefined)) })

let registered = null
let app
let pages = []
// No `Function` constructor, as in WeChat: zod must run jitless.
const ctx = vm.createContext({ console, setTimeout, clearTimeout, setInterval, clearInterval, Promise, wx, URL,
  App: (c) => { registered = c }, Page: (c) => { registered = c }, Component: (c) => { registered = c },
  getApp: () => app, getCurrentPages: () => pages }, { codeGeneration: { strings: false } })
ctx.globalThis = ctx; ctx.global = ctx
const cache = {}
function load (file) {
  const abs = path.resolve(file.endsWith('.js') ? file : file + '.js')
  if (cache[abs]) return cache[abs].exports
  const mod = cache[abs] = { exports: {} }
  const fn = vm.runInContext(`(function (require, module, exports) {${fs.readFileSync(abs, 'utf8')}\n})`, ctx, { filename: abs })
  fn((p) => load(path.resolve(path.dirname(abs), p)), mod, mod.exports)
  return mod.exports
}
function setPath (obj, p, v) { // Taro paths look like "root.cn.[0].cn.[1].v"
  const keys = [...p.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => m[1] ?? m[2])
  let o = obj
  keys.slice(0, -1).forEach((k, i) => { if (o[k] == null) o[k] = /^\d+$/.test(keys[i + 1]) ? [] : {}; o = o[k] })
  o[keys.at(-1)] = v
}
function instance (config, route) {
  const inst = Object.assign(Object.create(null), config)
  inst.route = route; inst.data = JSON.parse(JSON.stringify(config.data || {}))
  inst.setData = (d, cb) => { for (const [k, v] of Object.entries(d)) setPath(inst.data, k, v); cb && setTimeout(cb, 0) }
  return inst
}
const tick = () => new Promise((r) => setTimeout(r, 20))
const texts = (n) => (JSON.stringify(n).match(/"v":"[^"]*"/g) || []).map((s) => s.slice(5, -1))

;(async () => {
  load(path.join(dist, 'app.js')); app = instance(registered, '')
  app.onLaunch && app.onLaunch({ path: appJson.pages[0], query: {} }); app.onShow && app.onShow({})
  load(path.join(dist, appJson.pages[0] + '.js'))
  const page = instance(registered, appJson.pages[0]); pages = [page]
  page.onLoad({}); await tick(); page.onShow && page.onShow(); page.onReady && page.onReady()
  const ready = () => texts(page.data.root).some((t) => t.includes('您好')) && texts(page.data.root).includes('个人信息保护提示')
  for (let i = 0; i < 25 && !ready(); i++) await tick()
  const shown = texts(page.data.root)
  console.log('requests:', requests.join(', '))
  console.log('texts:', shown.join(' | '))
  // WeChat asks for privacy agreement through the registered listener; the app reports the exposure of its notice.
  const answers = []
  if (privacyListener) privacyListener((o) => answers.push(o.event), { referrer: 'chooseImage' })
  const checks = {
    'resident signed in': storage.get('bm_token') === 'tok1',
    '首页 greets with the street name': shown.some((t) => t.includes('您好')) && shown.includes('东湖街道'),
    'privacy notice shown before consent': shown.includes('个人信息保护提示') && requests.includes('GET /api/v1/privacy'),
    'wx.onNeedPrivacyAuthorization registered and answered': answers.includes('exposureAuthorization'),
    '长辈模式 from fontSizeSetting 20': /"cl":"[^"]*\belder\b/.test(JSON.stringify(page.data.root)),
  }
  for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? '✔' : '✖'} ${name}`)
  if (!Object.values(checks).every(Boolean)) { console.log('✖ weapp smoke failed'); process.exit(1) }
  console.log('✔ weapp smoke: app launched, resident signed in, 首页 greets, privacy flow wired')
})().catch((e) => { console.error('✖ weapp smoke failed:', e); process.exit(1) })
