// Draws a bar or line chart on a 2D context (the same canvas API on weapp and in the browser), in CSS px.
import { token, tokens } from '@/kit/tokens'
import { barRects, labelEvery, linePoints, niceScale, type Rect } from './chart-math'

export interface ChartSeries { name: string; values: number[]; color?: string }
export interface ChartSpec {
  kind: 'bar' | 'line'
  labels: string[]
  series: ChartSeries[]
  /** Values are rates 0–1, shown as percentages on a 0–100% axis. */
  percent?: boolean
  /** Shown above the axis, e.g. '单位：件'. */
  unit?: string
}

export const PALETTE: readonly string[] = tokens.chart
const FONT = 'px "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif'
const TEXT = token('color-muted')
const GRID = token('color-border')

export type Ctx = Pick<CanvasRenderingContext2D, 'clearRect' | 'fillRect' | 'fillText' | 'measureText' | 'beginPath' | 'moveTo' | 'lineTo'
  | 'stroke' | 'arc' | 'fill' | 'save' | 'restore'> & {
  font: string; fillStyle: unknown; strokeStyle: unknown; lineWidth: number; textAlign: string; textBaseline: string
}

const colorOf = (s: ChartSeries, i: number) => s.color ?? PALETTE[i % PALETTE.length]!
const tickText = (v: number, percent?: boolean) => (percent ? `${Math.round(v * 100)}%` : String(v))

/** Cuts a label to fit `width` px, ending in '…'. */
function fit (ctx: Ctx, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text
  let s = text
  while (s.length > 1 && ctx.measureText(`${s}…`).width > width) s = s.slice(0, -1)
  return `${s}…`
}

export function drawChart (ctx: Ctx, width: number, height: number, spec: ChartSpec): void {
  ctx.clearRect(0, 0, width, height)
  const all = spec.series.flatMap((s) => s.values)
  const scale = spec.percent ? niceScale(1, 5, false) : niceScale(Math.max(0, ...all), 5, true)
  ctx.font = `12${FONT}`
  const tickW = Math.max(...scale.ticks.map((t) => ctx.measureText(tickText(t, spec.percent)).width))
  // Legend entries flow left to right and wrap onto more rows when the chart is narrow.
  const legend: { s: ChartSeries; i: number; x: number; row: number }[] = []
  if (spec.series.length > 1) {
    let x = 0
    let row = 0
    spec.series.forEach((s, i) => {
      const w = 14 + ctx.measureText(s.name).width + 12
      if (x > 0 && x + w > width - 4) { x = 0; row++ }
      legend.push({ s, i, x, row })
      x += w
    })
  }
  const legendRows = legend.length ? legend[legend.length - 1]!.row + 1 : 0
  // Bars carry their value above them when there are few: leave room for it under the legend.
  const showValues = spec.kind === 'bar' && spec.labels.length * spec.series.length <= 12
  const top = (spec.unit ? 18 : 8) + legendRows * 20 + (showValues ? 14 : 0)
  const plot: Rect = { x: tickW + 10, y: top, w: Math.max(10, width - tickW - 18), h: Math.max(10, height - top - 26) }

  // Legend and unit.
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'left'
  if (spec.unit) {
    ctx.fillStyle = TEXT
    ctx.fillText(spec.unit, 2, 8)
  }
  for (const { s, i, x, row } of legend) {
    const y = (spec.unit ? 18 : 0) + 9 + row * 20
    ctx.fillStyle = colorOf(s, i)
    ctx.fillRect(x + 2, y - 5, 10, 10)
    ctx.fillStyle = TEXT
    ctx.fillText(s.name, x + 16, y)
  }

  // Grid and value axis.
  ctx.textAlign = 'right'
  ctx.lineWidth = 1
  for (const t of scale.ticks) {
    const y = Math.round(plot.y + plot.h - (t / scale.max) * plot.h) + 0.5
    ctx.strokeStyle = GRID
    ctx.beginPath()
    ctx.moveTo(plot.x, y)
    ctx.lineTo(plot.x + plot.w, y)
    ctx.stroke()
    ctx.fillStyle = TEXT
    ctx.fillText(tickText(t, spec.percent), plot.x - 4, y)
  }

  // Category labels, thinned when crowded.
  const n = spec.labels.length
  const band = n > 0 ? plot.w / n : plot.w
  const widest = Math.max(0, ...spec.labels.map((l) => ctx.measureText(l).width))
  const every = labelEvery(n, plot.w, Math.min(widest, 56))
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  ctx.fillStyle = TEXT
  spec.labels.forEach((l, i) => {
    if (i % every !== 0) return
    ctx.fillText(fit(ctx, l, Math.max(band * every - 4, 24)), plot.x + (i + 0.5) * band, plot.y + plot.h + 6)
  })

  const values = spec.series.map((s) => s.values)
  if (spec.kind === 'bar') {
    const rects = barRects(values, plot, scale.max)
    rects.forEach((rs, s) => {
      rs.forEach((r, i) => {
        ctx.fillStyle = colorOf(spec.series[s]!, s)
        ctx.fillRect(r.x, r.y, r.w, r.h)
        if (showValues) {
          ctx.fillStyle = TEXT
          ctx.textBaseline = 'bottom'
          ctx.fillText(tickText(values[s]![i]!, spec.percent), r.x + r.w / 2, r.y - 2)
        }
      })
    })
  } else {
    spec.series.forEach((s, si) => {
      const pts = linePoints(s.values, plot, scale.max)
      ctx.strokeStyle = colorOf(s, si)
      ctx.fillStyle = colorOf(s, si)
      ctx.lineWidth = 2
      ctx.beginPath()
      pts.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)))
      ctx.stroke()
      for (const p of pts) {
        ctx.beginPath()
        ctx.arc(p.x, p.y, 3, 0, Math.PI * 2)
        ctx.fill()
      }
    })
  }

  // Axis line last, over the bars' feet.
  ctx.strokeStyle = token('color-border-strong')
  ctx.lineWidth = 1
  ctx.beginPath()
  ctx.moveTo(plot.x, plot.y + plot.h + 0.5)
  ctx.lineTo(plot.x + plot.w, plot.y + plot.h + 0.5)
  ctx.stroke()
}
