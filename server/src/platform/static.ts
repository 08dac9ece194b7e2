// Serves the mini-program's H5 build at /. Hashed assets are cached for a year; index.html is revalidated.
import fs from 'node:fs'
import path from 'node:path'
import send from 'koa-send'
import type { Middleware } from 'koa'
import type { AppState } from './http'

const missingPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>便民服务</title>
<body style="font:18px/1.6 sans-serif;padding:24px"><h1>便民服务</h1><p>H5 页面尚未构建。请在项目根目录运行 <code>npm run build:h5</code> 后刷新。</p>
<p>接口文档：<a href="/docs">/docs</a></p></body></html>`

export function h5Static (root: string): Middleware<AppState> {
  return async function serveH5 (ctx, next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next()
    if (ctx.path.startsWith('/api/') || ctx.path === '/docs' || ctx.path.startsWith('/docs/') || ctx.path === '/healthz' || ctx.path === '/readyz') return next()
    const index = path.join(root, 'index.html')
    if (ctx.path === '/' || ctx.path === '/index.html') {
      if (!fs.existsSync(index)) { ctx.type = 'text/html; charset=utf-8'; ctx.body = missingPage; return }
      ctx.set('Cache-Control', 'no-cache')
      await send(ctx, 'index.html', { root })
      return
    }
    try {
      const served = await send(ctx, ctx.path, {
        root,
        setHeaders: (res, file) => {
          // Taro's h5 output names js/css with content hashes.
          res.setHeader('Cache-Control', /\.[0-9a-f]{8,}\.(js|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
        },
      })
      if (!served) await next()
    } catch (err) {
      if ((err as { status?: number }).status === 404) return next()
      throw err
    }
  }
}
