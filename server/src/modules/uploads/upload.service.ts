// Uploads: type sniffed from the bytes, size-limited, stored under a random key (no executable extension),
// recorded in the Upload table; downloads only for those allowed to see the file.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import { documentMimes, imageMimes, isImageMime, uploadLimits } from '@bianmin/shared'
import type { Actor, Deps } from '../../platform/types'
import { AppError, notFound } from '../../platform/errors'
import { orgPathIn } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'
import { shanghaiDate } from '../../platform/clock'
import type { ReceivedFile } from './upload.multipart'
import { verifySignature } from './upload.links'

/** Stored extension per accepted type (fixed list: never taken from the client's file name). */
const extensions: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
}

export const maxBytesFor = (actor: Actor): number => (actor.kind === 'staff' ? uploadLimits.documentBytes : uploadLimits.imageBytes)

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
const tooLarge = (limit: number, what: string) => new AppError('PAYLOAD_TOO_LARGE', `${what}不能超过 ${MB(limit)}`, [{ path: 'file', message: `${what}不能超过 ${MB(limit)}` }])

/** File name for Content-Disposition: no path, no control characters, at most 100 characters. */
export function cleanName (name: string | null): string | null {
  if (!name) return null
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim()
  return base ? [...base].slice(-100).join('') : null
}

export async function saveUpload (deps: Deps, actor: Actor, file: ReceivedFile | null, meta: AuditMeta) {
  const allowed: readonly string[] = actor.kind === 'staff' ? [...imageMimes, ...documentMimes] : imageMimes
  const typeMessage = actor.kind === 'staff' ? '仅支持 JPG、PNG、WEBP、GIF 图片或 PDF、Word（docx）、Excel（xlsx）文件' : '仅支持 JPG、PNG、WEBP、GIF 格式的图片'
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', [{ path: 'file', message: '请选择要上传的文件' }])
  if (file.truncated) throw tooLarge(maxBytesFor(actor), actor.kind === 'staff' ? '文件' : '图片')
  if (file.buffer.length === 0) throw new AppError('VALIDATION_FAILED', '文件内容为空', [{ path: 'file', message: '文件内容为空' }])
  const type = await fileTypeFromBuffer(file.buffer)
  if (!type || !allowed.includes(type.mime)) throw new AppError('VALIDATION_FAILED', `文件类型不支持：${typeMessage}`, [{ path: 'file', message: typeMessage }])
  if (isImageMime(type.mime) && file.buffer.length > uploadLimits.imageBytes) throw tooLarge(uploadLimits.imageBytes, '图片')

  const now = deps.clock.now()
  const storageKey = `${shanghaiDate(now).slice(0, 7)}/${crypto.randomBytes(16).toString('hex')}.${extensions[type.mime]}`
  const target = path.join(deps.config.uploadDir, storageKey)
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  await fs.promises.writeFile(target, file.buffer, { flag: 'wx', mode: 0o640 })
  try {
    const row = await deps.db.upload.create({
      data: {
        ownerType: actor.kind === 'staff' ? 'STAFF' : 'RESIDENT', ownerId: actor.id, mime: type.mime, size: file.buffer.length,
        sha256: crypto.createHash('sha256').update(file.buffer).digest('hex'), storageKey, originalName: cleanName(file.filename), createdAt: now,
      },
    })
    if (actor.kind === 'staff') await audit(deps.db, actor, { action: 'upload.create', targetType: 'Upload', targetId: row.id, detail: { mime: row.mime, size: row.size } }, meta)
    return row
  } catch (err) {
    await fs.promises.unlink(target).catch(() => {})
    throw err
  }
}

interface RefInfo { orgPath: string | null; residentId: string | null; public: boolean }

/** Who may see the record a file is attached to. */
async function refInfo (deps: Deps, refType: string | null, refId: string | null): Promise<RefInfo | null> {
  if (!refType || !refId) return null
  const db = deps.db
  const org = { select: { path: true } } as const
  switch (refType) {
    case 'NOTICE': {
      const n = await db.notice.findUnique({ where: { id: refId }, select: { status: true, publishedAt: true, org } })
      // Public once the notice is visible: approved for a later time is not yet.
      const visible = n?.status === 'PUBLISHED' && !!n.publishedAt && n.publishedAt <= deps.clock.now()
      return n && { orgPath: n.org.path, residentId: null, public: visible }
    }
    case 'CONSULTATION': {
      const c = await db.consultation.findUnique({ where: { id: refId }, select: { residentId: true, org } })
      return c && { orgPath: c.org.path, residentId: c.residentId, public: false }
    }
    case 'MESSAGE': {
      const m = await db.consultationMessage.findUnique({ where: { id: refId }, select: { consultation: { select: { residentId: true, org } } } })
      return m && { orgPath: m.consultation.org.path, residentId: m.consultation.residentId, public: false }
    }
    case 'DISCLOSURE': {
      const d = await db.disclosure.findUnique({ where: { id: refId }, select: { residentId: true, org } })
      return d && { orgPath: d.org.path, residentId: d.residentId, public: false }
    }
    default: return null
  }
}

export async function openUpload (deps: Deps, id: string, actor: Actor | undefined, q: { exp?: string; sig?: string }) {
  const u = await deps.db.upload.findUnique({ where: { id } })
  if (!u) throw notFound('文件')
  let allowed = verifySignature(deps, u.id, q.exp, q.sig)
  let isPublic = false
  if (!allowed) {
    const owner = actor && u.ownerType === (actor.kind === 'staff' ? 'STAFF' : 'RESIDENT') && u.ownerId === actor.id
    const ref = owner ? null : await refInfo(deps, u.refType, u.refId)
    isPublic = ref?.public ?? false
    allowed = Boolean(owner) || isPublic ||
      (actor?.kind === 'staff' && orgPathIn(actor, ref?.orgPath)) ||
      (actor?.kind === 'resident' && ref?.residentId === actor.id)
  }
  if (!allowed) throw notFound('文件')
  const file = path.join(deps.config.uploadDir, u.storageKey)
  if (!file.startsWith(deps.config.uploadDir + path.sep) || !fs.existsSync(file)) throw notFound('文件')
  return { upload: u, stream: fs.createReadStream(file), isPublic }
}
