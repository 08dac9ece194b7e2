import Taro from '@tarojs/taro'
import { API_BASE } from '@/api/transport'

/** Opens an attachment: the browser downloads it on H5; WeChat downloads it and opens it with its document viewer. */
export async function openAttachment (url: string, mime: string): Promise<void> {
  const full = /^https?:/.test(url) ? url : `${API_BASE}${url}`
  if (process.env.TARO_ENV === 'h5') {
    window.open(full, '_blank')
    return
  }
  try {
    void Taro.showLoading({ title: '正在下载' })
    const { tempFilePath } = await Taro.downloadFile({ url: full })
    if (mime.startsWith('image/')) await Taro.previewImage({ urls: [tempFilePath] })
    else await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
  } catch {
    void Taro.showToast({ title: '附件打开失败，请稍后再试', icon: 'none' })
  } finally {
    Taro.hideLoading()
  }
}
