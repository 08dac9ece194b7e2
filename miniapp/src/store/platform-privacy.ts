// WeChat's own privacy authorisation (用户隐私保护指引, `__usePrivacyCheck__`): when a privacy API (choosing a photo,
// the clipboard …) needs the resident's agreement, wx.onNeedPrivacyAuthorization hands us a `resolve`; the page shows
// the consent panel, whose 同意 button is an `agreePrivacyAuthorization` button with this id.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

export const PRIVACY_AGREE_BUTTON_ID = 'bm-agree-privacy'

type Resolve = (o: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void
let pending: Resolve | null = null
const listeners = new Set<(waiting: boolean) => void>()
const notify = () => listeners.forEach((l) => l(pending !== null))

/** Registers the platform listener (weapp only; a no-op elsewhere or on clients without the API). */
export function watchPlatformPrivacy (): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending?.({ event: 'disagree' })
    pending = resolve as Resolve
    pending({ event: 'exposureAuthorization' })
    notify()
  })
}

/** Answers a waiting platform request (if any) after the resident tapped 同意 or 不同意. */
export function resolvePlatformPrivacy (answer: 'agree' | 'disagree'): void {
  if (!pending) return
  pending(answer === 'agree' ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  pending = null
  notify()
}

/** True while WeChat waits for the resident's agreement. */
export function usePlatformPrivacyWaiting (): boolean {
  const [waiting, setWaiting] = useState(pending !== null)
  useEffect(() => {
    listeners.add(setWaiting)
    return () => { listeners.delete(setWaiting) }
  }, [])
  return waiting
}
