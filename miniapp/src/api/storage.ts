// Storage keys and a thin synchronous key-value port over Taro storage (strings only).
import Taro from '@tarojs/taro'

export const STORAGE_KEYS = {
  residentToken: 'bm_token',
  staffToken: 'bm_staff_token',
  h5LoginCode: 'bm_h5_code',
  elderMode: 'bm_elder_mode',
  /** The privacy notice version the resident said 不同意 to on this device. */
  privacyDeclined: 'bm_privacy_declined',
} as const

export interface KeyValueStore {
  get (key: string): string
  set (key: string, value: string): void
  remove (key: string): void
}

export const taroStorage: KeyValueStore = {
  get (key) {
    try {
      const v: unknown = Taro.getStorageSync(key)
      return typeof v === 'string' ? v : ''
    } catch {
      return ''
    }
  },
  set (key, value) { Taro.setStorageSync(key, value) },
  remove (key) { Taro.removeStorageSync(key) },
}
