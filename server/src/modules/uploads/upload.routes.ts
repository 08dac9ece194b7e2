import type Router from '@koa/router'
import { contract, isImageMime } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract, Raw } from '../../platform/http'
import { AppError } from '../../platform/errors'
import { readSingleFile } from './upload.multipart'
import { maxBytesFor, openUpload, saveUpload } from './upload.service'
import { uploadView } from './upload.links'

/** Multipart framing on top of the file itself. */
const OVERHEAD = 64 * 1024

export function uploadRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.createUpload, async (_req, c) => {
    await deps.limits.consume('upload', `${c.actor.kind}:${c.actor.id}`)
    const max = maxBytesFor(c.actor)
    const declared = Number(c.headers['content-length'] ?? 0)
    if (declared > max + OVERHEAD) {
      c.setHeader('Connection', 'close')
      throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(max / 1024 / 1024)} MB`, [{ path: 'file', message: `文件不能超过 ${Math.round(max / 1024 / 1024)} MB` }])
    }
    const file = await readSingleFile(c.koa.req, max)
    const row = await saveUpload(deps, c.actor, file, { ip: c.ip, requestId: c.requestId })
    return uploadView(deps, row)
  })

  mountContract(router, deps, contract.getUpload, async ({ params, query }, c) => {
    const { upload, stream, isPublic } = await openUpload(deps, params.id, c.actor, query)
    c.koa.attachment(upload.originalName ?? `${upload.id}`, { type: isImageMime(upload.mime) ? 'inline' : 'attachment' })
    c.setHeader('X-Content-Type-Options', 'nosniff')
    c.setHeader('Cache-Control', isPublic ? 'public, max-age=3600' : 'private, max-age=3600')
    c.setHeader('Content-Length', String(upload.size))
    return new Raw(stream, upload.mime)
  })
}
