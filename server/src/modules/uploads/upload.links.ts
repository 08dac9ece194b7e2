// What other domains use: signed download URLs (for <Image src>, which cannot send a token) and attaching a
// caller's own uploads to a record atomically.
import crypto from 'node:crypto'
import type { UploadView } from '@bianmin/shared'
import { isImageMime } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { Db } from '../../platform/db'
import { validation } from '../../platform/errors'

const HOUR = 3600_000

function signature (deps: Deps, id: string, exp: number): string {
  const key = crypto.createHash('sha256').update('upload-url:').update(deps.secretKey).digest()
  return crypto.createHmac('sha256', key).update(`${id}.${exp}`).digest('base64url').slice(0, 32)
}

/** Signed URL valid for 1–2 hours; it stays the same within an hour, so list answers keep their ETag. */
export function signedUrl (deps: Deps, id: string): string {
  const exp = (Math.ceil(deps.clock.now().getTime() / HOUR) + 1) * HOUR / 1000
  return `/api/v1/uploads/${id}?exp=${exp}&sig=${signature(deps, id, exp)}`
}

export function verifySignature (deps: Deps, id: string, exp: string | undefined, sig: string | undefined): boolean {
  if (!exp || !sig) return false
  const n = Number(exp)
  if (n * 1000 < deps.clock.now().getTime()) return false
  const want = Buffer.from(signature(deps, id, n))
  const got = Buffer.from(sig)
  return want.length === got.length && crypto.timingSafeEqual(want, got)
}

type UploadRow = { id: string; mime: string; size: number; originalName: string | null }

export const uploadView = (deps: Deps, u: UploadRow, opts: { public?: boolean } = {}): UploadView => ({
  id: u.id, mime: u.mime, size: u.size, name: u.originalName,
  url: opts.public ? `/api/v1/uploads/${u.id}` : signedUrl(deps, u.id),
})

/** Uploads attached to a record, oldest first. */
export async function attachedUploads (db: Pick<Db, 'upload'>, refType: string, refId: string): Promise<UploadRow[]> {
  return db.upload.findMany({ where: { refType, refId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, mime: true, size: true, originalName: true } })
}

export interface AttachInput {
  ids: readonly string[]
  owner: { type: 'RESIDENT' | 'STAFF'; id: string }
  refType: 'NOTICE' | 'CONSULTATION' | 'MESSAGE' | 'DISCLOSURE'
  refId: string
  imagesOnly?: boolean
  /** Request field the ids came from, for the error details (e.g. "imageIds"). */
  field: string
}

/**
 * Claims the caller's own, not yet attached uploads for a record (run inside the record's transaction).
 * Anything else (another person's file, already used, not an image when images are required) → 400, nothing changes.
 */
export async function attachUploads (tx: Pick<Db, 'upload'>, a: AttachInput): Promise<void> {
  const ids = [...new Set(a.ids)]
  if (ids.length === 0) return
  const where = { id: { in: ids }, ownerType: a.owner.type, ownerId: a.owner.id, refType: null }
  if (a.imagesOnly) {
    const rows = await tx.upload.findMany({ where, select: { mime: true } })
    if (rows.some((r) => !isImageMime(r.mime))) throw validation('只能附加图片文件', [{ path: a.field, message: '只能附加图片文件' }])
  }
  const r = await tx.upload.updateMany({ where, data: { refType: a.refType, refId: a.refId } })
  if (r.count !== ids.length) {
    const what = a.imagesOnly ? '图片' : '附件'
    throw validation(`${what}无效或已被使用，请重新上传`, [{ path: a.field, message: `${what}无效或已被使用，请重新上传` }])
  }
}
