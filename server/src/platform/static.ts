// Serves the mini-program's H5 build at /. Hashed assets are cached for a year and sent precompressed (Brotli or gzip
// as the client accepts); index.html is revalidated.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import send from 'koa-send'
import type { Middleware } from 'koa'
import type { AppState } from './types'
import { faviconIco } from './favicon'

const missingPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>便民服务</title>
<body style="font:18px/1.6 sans-serif;padding:24px"><h1>便民服务</h1><p>H5 页面尚未构建。请在项目根目录运行 <code>npm run build:h5</code> 后刷新。</p>
<p>接口文档：<a href="/docs">/docs</a></p></body></html>`

/**
 * Taro's h5 output (miniapp/config/index.ts) names scripts js/<name>.<8 hex>.js and styles css/<name>.<20 hex>.css:
 * those change name when they change, so they may be cached for a year. Images, fonts and media are copied under
 * static/ with their source names (no hash) and are revalidated hourly.
 */
export const hashedAsset = (relative: string): boolean => /^(js|css)[\\/](.+[\\/])?[^\\/]+\.[0-9a-f]{8,32}\.(js|css)$/.test(relative)

/**
 * Taro's index.html carries a small inline script (it sets the root font size the whole H5 layout scales from).
 * Rather than allowing every inline script, the page's own inline scripts are allowed by their sha256.
 */
function inlineScriptHashes (html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '').filter((code) => code.trim())
    .map((code) => `'sha256-${crypto.createHash('sha256').update(code).digest('base64')}'`)
}

export function h5Static (root: string): Middleware<AppState> {
  let cached: { mtimeMs: number; csp: string | null } | null = null
  const indexCsp = (file: string, current: string): string | null => {
    const { mtimeMs } = fs.statSync(file)
    if (!cached || cached.mtimeMs !== mtimeMs) {
      const hashes = inlineScriptHashes(fs.readFileSync(file, 'utf8'))
      cached = { mtimeMs, csp: hashes.length ? current.replace(/script-src ([^;]*)/, `script-src $1 ${hashes.join(' ')}`) : null }
    }
    return cached.csp
  }

  return async function serveH5 (ctx, next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next()
    if (ctx.path.startsWith('/api/') || ctx.path === '/docs' || ctx.path.startsWith('/docs/') || ctx.path === '/healthz' || ctx.path === '/readyz' || ctx.path === '/metrics') return next()
    const index = path.join(root, 'index.html')
    if (ctx.path === '/' || ctx.path === '/index.html') {
      ctx.set('Cache-Control', 'no-cache')
      if (!fs.existsSync(index)) { ctx.type = 'text/html; charset=utf-8'; ctx.body = missingPage; return }
      const csp = indexCsp(index, String(ctx.response.get('Content-Security-Policy') ?? ''))
      if (csp) ctx.set('Content-Security-Policy', csp)
      await send(ctx, 'index.html', { root, brotli: false, gzip: false })
      return
    }
    if (ctx.path === '/favicon.ico' && !fs.existsSync(path.join(root, 'favicon.ico'))) {
      ctx.type = 'image/x-icon'
      ctx.set('Cache-Control', 'public, max-age=86400')
      ctx.body = faviconIco
      return
    }
    try {
      // Hashed scripts and styles have .br/.gz files beside them (miniapp/scripts/precompress.mjs, run by build:h5);
      // only those are looked up: a content-hashed name cannot have a stale compressed copy.
      const hashed = hashedAsset(ctx.path.replace(/^\/+/, ''))
      const served = await send(ctx, ctx.path, {
        root, brotli: hashed, gzip: hashed,
        setHeaders: (res, file) => {
          const immutable = hashedAsset(path.relative(root, file).replace(/\.(br|gz)$/, ''))
          res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
          if (hashed) res.setHeader('Vary', 'Accept-Encoding')
        },
      })
      if (!served) await next()
    } catch (err) {
      if ((err as { status?: number }).status === 404) return next()
      throw err
    }
  }
}
