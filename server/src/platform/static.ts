// Serves the mini-program's H5 build at /. Hashed assets are cached for a year; index.html is revalidated.
import fs from 'node:fs'
import path from 'node:path'
import send from 'koa-send'
import type { Middleware } from 'koa'
import type { AppState } from './http'

const missingPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>便民服务</title>
<body style="font:18px/1.6 sans-serif;padding:24px"><h1>便民服务</h1><p>H5 页面尚未构建。请在项目根目录运行 <code>npm run build:h5</code> 后刷新。</p>
<p>接口文档：<a href="/docs">/docs</a></p></body></html>`

/**
 * Taro's h5 output (miniapp/config/index.ts) names scripts js/<name>.<8 hex>.js and styles css/<name>.<20 hex>.css:
 * those change name when they change, so they may be cached for a year. Images, fonts and media are copied under
 * static/ with their source names (no hash) and are revalidated hourly.
 */
export const hashedAsset = (relative: string): boolean => /^(js|css)[\\/](.+[\\/])?[^\\/]+\.[0-9a-f]{8,32}\.(js|css)$/.test(relative)

export function h5Static (root: string): Middleware<AppState> {
  return async function serveH5 (ctx, next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next()
    if (ctx.path.startsWith('/api/') || ctx.path === '/docs' || ctx.path.startsWith('/docs/') || ctx.path === '/healthz' || ctx.path === '/readyz' || ctx.path === '/metrics') return next()
    const index = path.join(root, 'index.html')
    if (ctx.path === '/' || ctx.path === '/index.html') {
      ctx.set('Cache-Control', 'no-cache')
      if (!fs.existsSync(index)) { ctx.type = 'text/html; charset=utf-8'; ctx.body = missingPage; return }
      await send(ctx, 'index.html', { root })
      return
    }
    try {
      const served = await send(ctx, ctx.path, {
        root,
        setHeaders: (res, file) => {
          res.setHeader('Cache-Control', hashedAsset(path.relative(root, file)) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
        },
      })
      if (!served) await next()
    } catch (err) {
      if ((err as { status?: number }).status === 404) return next()
      throw err
    }
  }
}
