// Staff pages: send the user to the login page when not signed in or when the session has ended.
import Taro from '@tarojs/taro'
import { ApiError, errorMessage, STAFF_LOGIN_URL, staffSession } from '@/api/client'

/** False (and off to the login page) when there is no staff token. */
export function requireStaff (): boolean {
  if (staffSession.hasToken()) return true
  void Taro.redirectTo({ url: STAFF_LOGIN_URL })
  return false
}

/** The message to show for a failed call; null when the session ended (the user is sent to log in again). */
export function staffError (e: unknown): string | null {
  if (e instanceof ApiError && e.status === 401) {
    void Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none' })
    void Taro.redirectTo({ url: STAFF_LOGIN_URL })
    return null
  }
  return errorMessage(e)
}
