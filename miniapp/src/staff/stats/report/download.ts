// CSV download of the annual report. The endpoint needs the staff token in the Authorization header, so H5 fetches
// it and saves the blob; the mini-program cannot save a CSV file for the user and says where to get it.
import Taro from '@tarojs/taro'
import { ApiError, buildPath, buildQuery, contract } from '@bianmin/shared'
import { STORAGE_KEYS, taroStorage } from '@/api/storage'
import { API_BASE } from '@/api/transport'

function fileName (header: string | null, year: number): string {
  const star = header && /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1]
  if (star) {
    try { return decodeURIComponent(star) } catch { /* fall through */ }
  }
  return `${year}年度报告数据.csv`
}

/** Returns false when the platform cannot save the file (the user has been told what to do). */
export async function downloadAnnualCsv (year: number): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.showModal({
      title: '请在电脑上下载',
      content: '小程序里不能保存表格文件。请在电脑浏览器中打开工作台的“年度报告”，点“下载表格”。',
      showCancel: false,
      confirmText: '知道了',
    })
    return false
  }
  const url = API_BASE + buildPath(contract.getAnnualReport.path) + buildQuery({ year, format: 'csv' })
  let res: Response
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${taroStorage.get(STORAGE_KEYS.staffToken)}`, accept: 'text/csv' } })
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null) as { error?: { code?: string; message?: string } } | null
    throw new ApiError(res.status, body?.error?.code ?? 'INTERNAL', body?.error?.message ?? '下载失败，请稍后再试')
  }
  const blob = await res.blob()
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName(res.headers.get('content-disposition'), year)
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
  return true
}
