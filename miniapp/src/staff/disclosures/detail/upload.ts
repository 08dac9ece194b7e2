// Reply documents: the staff member picks a PDF / DOCX / XLSX (or an image) and it goes to POST /api/v1/uploads.
// WeChat: chooseMessageFile + uploadFile; H5: a file input and fetch (Taro's H5 has no file chooser for documents).
import Taro from '@tarojs/taro'
import { ApiError, uploadLimits, type UploadView } from '@bianmin/shared'
import { STORAGE_KEYS, taroStorage } from '@/api/storage'
import { API_BASE } from '@/api/transport'

const EXTENSIONS = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png']
const url = () => `${API_BASE}/api/v1/uploads`
const auth = () => ({ Authorization: `Bearer ${taroStorage.get(STORAGE_KEYS.staffToken)}` })

function answer (status: number, raw: unknown): UploadView {
  let data = raw
  try { data = typeof raw === 'string' ? JSON.parse(raw) : raw } catch { /* not JSON */ }
  if (status !== 201) {
    const e = (data as { error?: { code?: string; message?: string } } | undefined)?.error
    throw new ApiError(status, e?.code ?? 'INTERNAL', e?.message ?? '文件上传失败，请稍后再试')
  }
  return data as UploadView
}

function pickInBrowser (): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = EXTENSIONS.map((e) => `.${e}`).join(',')
    input.setAttribute('data-testid', 'reply-file-input')
    input.style.display = 'none'
    input.onchange = () => { resolve(input.files?.[0] ?? null); input.remove() }
    document.body.appendChild(input)
    input.click()
  })
}

/** Lets the staff member choose one document and uploads it; null when cancelled. */
export async function chooseAndUploadDocument (): Promise<UploadView | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await pickInBrowser()
    if (!file) return null
    if (file.size > uploadLimits.documentBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件不能超过 20 MB')
    const form = new FormData()
    form.append('file', file, file.name)
    let res: Response
    try { res = await fetch(url(), { method: 'POST', body: form, headers: auth() }) } catch { throw new ApiError(0, 'NETWORK', '文件上传失败，请检查网络后重试') }
    return answer(res.status, await res.text())
  }
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS })
  } catch {
    return null
  }
  const f = picked.tempFiles[0]
  if (!f) return null
  if (f.size > uploadLimits.documentBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件不能超过 20 MB')
  try {
    const res = await Taro.uploadFile({ url: url(), filePath: f.path, name: 'file', header: auth() })
    return answer(res.statusCode, res.data)
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError(0, 'NETWORK', '文件上传失败，请检查网络后重试')
  }
}
