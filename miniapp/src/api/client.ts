// The app's API clients: `api` for residents, `staffApi` for the staff section.
import Taro from '@tarojs/taro'
import { ApiError, type ApiCall } from '@bianmin/shared'
import { createConsentStore } from '@/store/consent'
import { createResidentSession, createStaffSession, h5LoginCode } from './session'
import { onStaffAuthFailure, STAFF_HOME_URL, STAFF_LOGIN_URL } from './staff-auth'
import { STORAGE_KEYS, taroStorage } from './storage'
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

export { STAFF_HOME_URL, STAFF_LOGIN_URL }

/** Staff calls: every 401 and every reasoned 403 is handled in api/staff-auth.ts (pages only show messages). */
export const staffSession = createStaffSession({
  baseUrl: API_BASE,
  transport: taroTransport,
  storage: taroStorage,
  onAuthFailure: onStaffAuthFailure,
})

/** Privacy consent of the signed-in resident (see store/consent.ts). */
export const consent = createConsentStore({
  async fetch () {
    const [notice, me] = await Promise.all([residentSession.call('getPrivacyNotice'), residentSession.call('getMe')])
    return { version: notice.version, accepted: me.type === 'resident' ? me.resident.consentVersion : notice.version }
  },
  async accept (version) { await residentSession.call('acceptPrivacy', { body: { version } }) },
}, { storage: taroStorage, key: STORAGE_KEYS.privacyDeclined })

/** Resident calls; a refusal for missing privacy consent makes the pages ask for it. */
export const api = (async (name, req) => {
  try {
    return await residentSession.call(name, req)
  } catch (e) {
    consent.noteError(e)
    throw e
  }
}) as ApiCall
export const staffApi = staffSession.call

/** A message for the user from any failure. */
export function errorMessage (e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '出了点问题，请稍后再试'
}

export { ApiError }
