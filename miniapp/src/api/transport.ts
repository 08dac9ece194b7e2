// The contract client's transport over Taro.request (wx.request in the mini-program, fetch in H5).
import Taro from '@tarojs/taro'
import { ApiError, type Transport } from '@bianmin/shared'

type Method = keyof Taro.request.Method

export const taroTransport: Transport = async ({ method, url, headers, body }) => {
  let res: Taro.request.SuccessCallbackResult<Record<string, unknown> | string>
  try {
    res = await Taro.request<Record<string, unknown> | string>({ method: method as Method, url, header: headers, data: body as never, dataType: 'json', timeout: 15000 })
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
  }
  return { status: res.statusCode, data: res.data, headers: res.header as Record<string, string> | undefined }
}

/** API origin from config/index.ts; '' = same origin. */
export const API_BASE: string = typeof TARO_APP_API_BASE === 'string' ? TARO_APP_API_BASE : ''
