// Desk or phone: the staff desk layout starts at 1024 px wide (the same breakpoint as staff/shell/shell.scss).
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

export const DESK_MIN_WIDTH = 1024
const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`
const h5 = process.env.TARO_ENV === 'h5'

function isDesk (): boolean {
  if (h5) return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches
  try { return Taro.getSystemInfoSync().windowWidth >= DESK_MIN_WIDTH } catch { return false }
}

/** True on a desk-wide window; follows resizing. */
export function useDesk (): boolean {
  const [desk, setDesk] = useState(isDesk)
  useEffect(() => {
    if (h5) {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
      const mq = window.matchMedia(QUERY)
      const on = () => setDesk(mq.matches)
      mq.addEventListener('change', on)
      return () => mq.removeEventListener('change', on)
    }
    const on = () => setDesk(isDesk())
    Taro.onWindowResize?.(on)
    return () => Taro.offWindowResize?.(on)
  }, [])
  return desk
}
