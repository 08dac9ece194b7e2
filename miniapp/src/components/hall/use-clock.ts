// A ticking wall clock for screens (device time), and its Chinese date and time text.
import { useEffect, useState } from 'react'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const pad = (n: number) => String(n).padStart(2, '0')

/** "2026年11月23日 星期一" and "09:05:07" in Beijing time, whatever the device's zone. */
export function clockText (d: Date): { date: string; time: string } {
  const bj = new Date(d.getTime() + 8 * 3600_000)
  const date = `${bj.getUTCFullYear()}年${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日 星期${WEEKDAYS[bj.getUTCDay()]}`
  const time = `${pad(bj.getUTCHours())}:${pad(bj.getUTCMinutes())}:${pad(bj.getUTCSeconds())}`
  return { date, time }
}

export function useClock (everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(t)
  }, [everyMs])
  return now
}
