// Pure geometry of our small charts: a "nice" value axis, grouped bar rectangles, line points, label thinning.
// No canvas here, so it is unit-tested as is.

export interface Rect { x: number; y: number; w: number; h: number }
export interface Scale { max: number; step: number; ticks: number[] }

/** Rounds away floating noise (0.1 + 0.2) to the precision of the step. */
function clean (v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  return Number(v.toFixed(digits))
}

/**
 * A value axis from 0 with at most `maxTicks` intervals, stepping by 1, 2 or 5 × 10^n.
 * Counts (`integer`) never step below 1. All-zero or empty data still gets a 0–1 axis.
 */
export function niceScale (maxValue: number, maxTicks = 5, integer = true): Scale {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 0
  if (top === 0) return { max: 1, step: integer ? 1 : 0.2, ticks: integer ? [0, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1] }
  const raw = top / Math.max(1, maxTicks)
  const mag = 10 ** Math.floor(Math.log10(raw))
  const norm = raw / mag
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag
  if (integer) step = Math.max(1, Math.round(step))
  const max = clean(Math.ceil(top / step - 1e-9) * step, step)
  const ticks: number[] = []
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(clean(v, step))
  return { max, step, ticks }
}

/** Height in px of a bar for `value` on a 0–max axis of `plotHeight` px; a non-zero value is at least 1 px. */
export function barHeight (value: number, max: number, plotHeight: number): number {
  if (!(value > 0) || !(max > 0)) return 0
  return Math.max(1, Math.min(plotHeight, (value / max) * plotHeight))
}

/**
 * Grouped bars: `series[s][i]` is the value of series s in category i. Each category gets an equal band;
 * `gap` (0–1) of the band is left empty, the rest is shared by the series' bars. Returns rects[s][i].
 */
export function barRects (series: number[][], plot: Rect, max: number, gap = 0.3): Rect[][] {
  const n = Math.max(0, ...series.map((s) => s.length))
  if (n === 0 || series.length === 0) return series.map(() => [])
  const band = plot.w / n
  const barW = (band * (1 - gap)) / series.length
  const bottom = plot.y + plot.h
  return series.map((values, s) => values.map((v, i) => {
    const h = barHeight(v, max, plot.h)
    return { x: plot.x + i * band + (band * gap) / 2 + s * barW, y: bottom - h, w: barW, h }
  }))
}

/** Points of a line series: x at the middle of each category band, y from the value. */
export function linePoints (values: number[], plot: Rect, max: number): { x: number; y: number }[] {
  const band = values.length > 0 ? plot.w / values.length : 0
  return values.map((v, i) => ({
    x: plot.x + (i + 0.5) * band,
    y: plot.y + plot.h - (max > 0 ? (Math.max(0, Math.min(v, max)) / max) * plot.h : 0),
  }))
}

/** Show every k-th category label so labels of `labelWidth` px do not overlap in `plotWidth` px. */
export function labelEvery (count: number, plotWidth: number, labelWidth: number): number {
  if (count <= 0 || plotWidth <= 0) return 1
  return Math.max(1, Math.ceil((count * (labelWidth + 4)) / plotWidth))
}

/** '2026-03' → '3月'; January shows its year ('2026年1月') when the range spans years. */
export function monthLabel (month: string, withYear = false): string {
  const [y, m] = month.split('-')
  const label = `${Number(m)}月`
  return withYear ? `${y}年${label}` : label
}

/** 0.8512 → '85.1%', null → '—' (no data to divide by). */
export function percent (rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits).replace(/\.0+$/, '')}%`
}
