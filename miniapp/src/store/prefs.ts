// Device preferences: 长辈模式 (large text, large touch targets, high contrast), kept in storage. Until the resident
// chooses, it follows WeChat's own font size (设置 → 字体大小) where the platform reports it.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { STORAGE_KEYS, taroStorage, type KeyValueStore } from '@/api/storage'

type Listener = (elderMode: boolean) => void

/** WeChat's font size setting (px) at or above which 长辈模式 starts on; the standard size reports 16 or 17. */
export const LARGE_SYSTEM_FONT = 20

/** Whether the platform reports a large font setting (weapp: fontSizeSetting; H5 and older clients: no). */
export function systemPrefersLargeText (): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    const size = Taro.getSystemInfoSync().fontSizeSetting
    return typeof size === 'number' && size >= LARGE_SYSTEM_FONT
  } catch {
    return false
  }
}

export function createPrefsStore (storage: KeyValueStore, systemLarge: () => boolean = () => false) {
  let cached: boolean | null = null
  const listeners = new Set<Listener>()

  const getElderMode = (): boolean => {
    if (cached !== null) return cached
    const saved = storage.get(STORAGE_KEYS.elderMode)
    cached = saved === '' ? systemLarge() : saved === '1'
    return cached
  }

  function setElderMode (on: boolean): void {
    storage.set(STORAGE_KEYS.elderMode, on ? '1' : '0')
    if (cached === on) return
    cached = on
    listeners.forEach((l) => l(on))
  }

  /** Takes the account's saved 长辈模式 when this device has never chosen (an account without it keeps the system default). */
  function adoptElderMode (on: boolean): void {
    if (on && storage.get(STORAGE_KEYS.elderMode) === '') setElderMode(true)
  }

  function subscribe (l: Listener): () => void {
    listeners.add(l)
    return () => { listeners.delete(l) }
  }

  return { getElderMode, setElderMode, adoptElderMode, subscribe }
}

export const prefs = createPrefsStore(taroStorage, systemPrefersLargeText)

export function useElderMode (): boolean {
  const [on, setOn] = useState(prefs.getElderMode)
  useEffect(() => {
    setOn(prefs.getElderMode())
    return prefs.subscribe(setOn)
  }, [])
  return on
}
