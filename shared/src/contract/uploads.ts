import { z } from 'zod'
import { route } from './route'
import { id, idParams } from './common'

const MB = 1024 * 1024
/** Size limits, also checked by the mini-program before it uploads. */
export const uploadLimits = { imageBytes: 5 * MB, documentBytes: 20 * MB } as const

export const imageMimes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const
/** Staff may also upload notice / reply attachments. */
export const documentMimes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const
export const isImageMime = (mime: string): boolean => (imageMimes as readonly string[]).includes(mime)

/** `url` is relative to the API origin and, for private files, carries a short-lived signature (usable in <Image src>). */
export const uploadView = z.object({
  id,
  url: z.string(),
  mime: z.string(),
  size: z.number().int(),
  name: z.string().nullable(),
})
export type UploadView = z.infer<typeof uploadView>

/** A list of upload ids, each at most once. */
export const uploadIds = (max: number, label: string) => z.array(id, { error: `${label}格式不正确` })
  .max(max, `最多上传 ${max} ${label === '图片' ? '张' : '个'}${label}`)
  .refine((ids) => new Set(ids).size === ids.length, `${label}不能重复`)

export const uploadRoutes = {
  createUpload: route({
    method: 'POST', path: '/api/v1/uploads', access: 'user', requiresConsent: true, consumes: 'multipart/form-data', tags: ['上传'],
    summary: '上传文件（multipart，字段名 file）：居民可传 JPG/PNG/WEBP/GIF 图片（≤ 5 MB），工作人员另可传 PDF/DOCX/XLSX（≤ 20 MB）',
    responses: { 201: uploadView },
  }),
  getUpload: route({
    method: 'GET', path: '/api/v1/uploads/:id', access: 'public', produces: 'application/octet-stream', tags: ['上传'],
    summary: '下载文件：上传者本人、有权限的工作人员、签名链接，或已发布公告的附件',
    params: idParams,
    query: z.object({
      exp: z.string().regex(/^\d{1,12}$/, '链接参数无效').optional(),
      sig: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '链接参数无效').optional(),
    }),
    responses: { 200: z.string() },
  }),
}
