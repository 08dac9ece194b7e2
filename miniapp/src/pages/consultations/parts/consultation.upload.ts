// Picks images and uploads them to POST /api/v1/uploads (multipart, field "file").
import Taro from '@tarojs/taro'
import { ApiError, uploadLimits, type UploadView } from '@bianmin/shared'
import { residentSession } from '@/api/client'
import { API_BASE } from '@/api/transport'

/** Absolute URL of an upload's (signed) link, for <Image src>. */
export const fileUrl = (url: string): string => `${API_BASE}${url}`

async function uploadOne (filePath: string): Promise<UploadView> {
  const token = await residentSession.ensureLogin()
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await Taro.uploadFile({ url: `${API_BASE}/api/v1/uploads`, filePath, name: 'file', header: { Authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(0, 'NETWORK', '图片上传失败，请检查网络后重试')
  }
  let data: unknown = res.data
  try { data = typeof res.data === 'string' ? JSON.parse(res.data) : res.data } catch { /* not JSON */ }
  if (res.statusCode !== 201) {
    const e = (data as { error?: { code?: string; message?: string } } | undefined)?.error
    throw new ApiError(res.statusCode, e?.code ?? 'INTERNAL', e?.message ?? '图片上传失败，请稍后再试')
  }
  return data as UploadView
}

/** Lets the resident choose up to `room` images and uploads them one by one. */
export async function chooseAndUploadImages (room: number): Promise<UploadView[]> {
  if (room <= 0) return []
  let picked: Taro.chooseImage.SuccessCallbackResult
  try {
    picked = await Taro.chooseImage({
      count: room, sizeType: ['compressed'],
      // H5 browsers offer the camera inside the file picker themselves.
      sourceType: process.env.TARO_ENV === 'h5' ? ['album'] : ['album', 'camera'],
    })
  } catch {
    return [] // cancelled
  }
  const files = picked.tempFiles.slice(0, room)
  const tooBig = files.find((f) => f.size > uploadLimits.imageBytes)
  if (tooBig) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '图片不能超过 5 MB，请重新选择')
  const out: UploadView[] = []
  for (const f of files) out.push(await uploadOne(f.path))
  return out
}
