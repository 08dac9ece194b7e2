// The one place where a staff session ends or is held back (wired into staffSession in api/client.ts):
// - every 401: the token is dropped, 登录已过期, the login page, and after signing in again back to the same page;
// - a 403 with `details.reason` (e.g. a forced password change): the page that resolves it, then back again.
// A plain 403 (a role that may not do this) is only a message on the page (errorMessage).
import Taro from '@tarojs/taro'
import { pageUrl } from '@bianmin/shared'
import type { StaffAuthFailure } from './session'

export const STAFF_LOGIN_URL = pageUrl('staffLogin')
export const STAFF_HOME_URL = pageUrl('staffHome')

/** 403 reasons and the page that lifts them (that page gets `?back=` too). Add a reason here, nowhere else. */
export const forbiddenReasons: Record<string, { url: string; message: string }> = {
  PASSWORD_CHANGE_REQUIRED: { url: pageUrl('staffPassword'), message: '请先修改初始密码' },
}

/** The current page as a URL (path and query, Taro's own `$…` parameters left out); '' when unknown. */
export function currentStaffUrl (): string {
  const router = typeof Taro.getCurrentInstance === 'function' ? Taro.getCurrentInstance()?.router : undefined
  const path = `/${(router?.path ?? '').replace(/^\/+/, '').split('?')[0]}`
  if (path === '/') return ''
  const query = Object.entries(router?.params ?? {})
    .filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')
  return query ? `${path}?${query}` : path
}

/** A `back` parameter that may be followed: a staff page other than the login page (never another site). */
export function safeBack (back: string | undefined): string {
  if (!back) return ''
  let url = back
  try { url = decodeURIComponent(back) } catch { return '' }
  return /^\/staff\/[\w/-]+(\?[^#]*)?$/.test(url) && !url.startsWith(STAFF_LOGIN_URL) ? url : ''
}

/** The login page with the way back to `from` (default: the current page). */
export function loginUrl (from = currentStaffUrl()): string {
  const back = safeBack(from)
  return back && !back.startsWith(STAFF_HOME_URL) ? `${STAFF_LOGIN_URL}?back=${encodeURIComponent(back)}` : STAFF_LOGIN_URL
}

let leavingUntil = 0

/** Several calls of one page fail together: act once. */
function once (go: () => void): void {
  const now = Date.now()
  if (now < leavingUntil) return
  leavingUntil = now + 1500
  go()
}

export function onStaffAuthFailure (f: StaffAuthFailure): void {
  const here = currentStaffUrl()
  if (f.kind === 'expired') {
    if (here.startsWith(STAFF_LOGIN_URL)) return
    once(() => {
      void Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none' })
      void Taro.redirectTo({ url: loginUrl(here) })
    })
    return
  }
  const fix = forbiddenReasons[f.reason]
  if (!fix || here.startsWith(fix.url)) return
  once(() => {
    void Taro.showToast({ title: fix.message, icon: 'none' })
    const back = safeBack(here)
    Taro.redirectTo({ url: back ? `${fix.url}?back=${encodeURIComponent(back)}` : fix.url }).catch(() => undefined)
  })
}

/** Pages that need a signed-in staff member call this first: false (and off to sign in, then back) without a token. */
export function redirectToLogin (): void {
  const url = loginUrl()
  once(() => { void Taro.redirectTo({ url }) })
}
