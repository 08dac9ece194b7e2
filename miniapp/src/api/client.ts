// The app's API clients: `api` for residents, `staffApi` for the staff section.
import Taro from '@tarojs/taro'
import { ApiError } from '@bianmin/shared'
import { createResidentSession, createStaffSession, h5LoginCode } from './session'
import { taroStorage } from './storage'
import { API_BASE, taroTransport } from './transport'

async function wechatLoginCode (): Promise<string> {
  let code: string | undefined
  try {
    code = (await Taro.login()).code
  } catch {
    code = undefined
  }
  if (!code) throw new ApiError(0, 'LOGIN_FAILED', '微信登录失败，请稍后重试')
  return code
}

export const residentSession = createResidentSession({
  baseUrl: API_BASE,
  transport: taroTransport,
  storage: taroStorage,
  getLoginCode: process.env.TARO_ENV === 'h5' ? async () => h5LoginCode(taroStorage) : wechatLoginCode,
})

export const STAFF_LOGIN_URL = '/staff/login/index'
export const STAFF_HOME_URL = '/staff/home/index'

export const staffSession = createStaffSession({
  baseUrl: API_BASE,
  transport: taroTransport,
  storage: taroStorage,
})

export const api = residentSession.call
export const staffApi = staffSession.call

/** A message for the user from any failure. */
export function errorMessage (e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '出了点问题，请稍后再试'
}

export { ApiError }
