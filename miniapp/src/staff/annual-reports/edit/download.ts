// Downloads of the report (.docx / CSV): H5 fetches with the staff token and saves the blob; the mini-program
// cannot save files and says where to get them.
import Taro from '@tarojs/taro'
import { ApiError, buildPath, buildQuery, contract } from '@bianmin/shared'
import { STORAGE_KEYS, taroStorage } from '@/api/storage'
import { API_BASE } from '@/api/transport'

export async function downloadReport (id: string, format: 'docx' | 'csv', fallbackName: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.showModal({ title: '请在电脑上下载', content: '小程序里不能保存文件。请在电脑浏览器中打开工作台的“年度报告编制”下载。', showCancel: false, confirmText: '知道了' })
    return false
  }
  const url = API_BASE + buildPath(contract.exportAnnualReport.path, { id }) + buildQuery({ format })
  let res: Response
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${taroStorage.get(STORAGE_KEYS.staffToken)}` } })
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
  a.download = `${fallbackName}.${format}`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
  return true
}
