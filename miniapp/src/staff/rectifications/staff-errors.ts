// Staff pages of 好差评: an expired staff session goes back to the login page; other errors become a message.
import Taro from '@tarojs/taro'
import { ApiError, errorMessage, STAFF_LOGIN_URL, staffSession } from '@/api/client'

/** Returns the message to show, or null when the page is leaving for the login page. */
export function staffError (e: unknown): string | null {
  if (e instanceof ApiError && e.status === 401) {
    void Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none' })
    void Taro.redirectTo({ url: STAFF_LOGIN_URL })
    return null
  }
  return errorMessage(e)
}

/** Sends a signed-out visitor to the login page; true when signed in. */
export function requireStaff (): boolean {
  if (staffSession.hasToken()) return true
  void Taro.redirectTo({ url: STAFF_LOGIN_URL })
  return false
}
