// 好差评 report periods: the last finished month or quarter (Asia/Shanghai).
export type ReportPeriod = 'month' | 'quarter'

export function lastPeriod (p: ReportPeriod, nowMs = Date.now()): { year: number; index: number } {
  const now = new Date(nowMs + 8 * 3600_000)
  const y = now.getUTCFullYear(); const m = now.getUTCMonth() + 1
  if (p === 'month') return m === 1 ? { year: y - 1, index: 12 } : { year: y, index: m - 1 }
  const q = Math.ceil(m / 3)
  return q === 1 ? { year: y - 1, index: 4 } : { year: y, index: q - 1 }
}
