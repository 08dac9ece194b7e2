// Staff pages of this feature: no token → login page; a call answered 401 → login page (the token is dropped).
import Taro from '@tarojs/taro'
import { ApiError, errorMessage, STAFF_LOGIN_URL, staffSession } from '@/api/client'

export function requireStaff (): boolean {
  if (staffSession.hasToken()) return true
  void Taro.redirectTo({ url: STAFF_LOGIN_URL })
  return false
}

/** The message for a failed call; null when the session ended and the user was sent to log in. */
export function staffError (e: unknown): string | null {
  if (e instanceof ApiError && e.status === 401) {
    void Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none' })
    void Taro.redirectTo({ url: STAFF_LOGIN_URL })
    return null
  }
  return errorMessage(e)
}
