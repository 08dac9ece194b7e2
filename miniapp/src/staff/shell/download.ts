// Staff downloads (.docx / CSV): H5 fetches with the staff token and saves the blob; the mini-program cannot save
// files and says where to get them.
import Taro from '@tarojs/taro'
import { ApiError } from '@bianmin/shared'
import { STORAGE_KEYS, taroStorage } from '@/api/storage'
import { API_BASE } from '@/api/transport'

/** Downloads `path + query` (built from a contract route) as `fileName`; false where files cannot be saved. */
export async function downloadFile (pathAndQuery: string, fileName: string, where: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.showModal({ title: '请在电脑上下载', content: `小程序里不能保存文件。请在电脑浏览器中打开工作台的“${where}”下载。`, showCancel: false, confirmText: '知道了' })
    return false
  }
  let res: Response
  try {
    res = await fetch(API_BASE + pathAndQuery, { headers: { authorization: `Bearer ${taroStorage.get(STORAGE_KEYS.staffToken)}` } })
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null) as { error?: { code?: string; message?: string } } | null
    throw new ApiError(res.status, body?.error?.code ?? 'INTERNAL', body?.error?.message ?? '下载失败，请稍后再试')
  }
  const href = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
  return true
}
