// A small bar / line chart on Taro's <Canvas type="2d"> (weapp and H5 alike), with the numbers as text below
// for screen readers, printing and tests.
import { memo, useEffect, useMemo, useRef } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { drawChart, PALETTE, type ChartSpec, type Ctx } from './chart-draw'
import { percent } from './chart-math'
import './chart.scss'

export type { ChartSeries, ChartSpec } from './chart-draw'

interface Props extends ChartSpec {
  title: string
  /** Canvas height in CSS px. */
  height?: number
  /** Formats a value for the text summary (default: the number with `unitWord`). */
  format?: (v: number) => string
  unitWord?: string
  testId?: string
}

let seq = 0

interface Target { canvas: { width: number; height: number; getContext: (t: '2d') => unknown }; width: number; height: number }

function pixelRatio (): number {
  if (process.env.TARO_ENV === 'h5') return window.devicePixelRatio || 1
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return 2
  }
}

/** The canvas node and its CSS size: the DOM in H5 (Taro's query answers null there without a type property), a selector query on weapp. */
function findCanvas (id: string): Promise<Target | null> {
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(id)
    const canvas = host?.querySelector('canvas')
    if (!host || !canvas) return Promise.resolve(null)
    const r = host.getBoundingClientRect()
    return Promise.resolve({ canvas, width: r.width, height: r.height })
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec((res: { node?: Target['canvas']; width: number; height: number }[]) => {
      const r = res?.[0]
      resolve(r?.node ? { canvas: r.node, width: r.width, height: r.height } : null)
    })
  })
}

function ChartView ({ title, height = 200, format, unitWord = '', testId, ...spec }: Props) {
  const id = useMemo(() => `bm-chart-${++seq}`, [])
  const specKey = JSON.stringify(spec)
  const specRef = useRef(spec)
  specRef.current = spec

  useEffect(() => {
    let cancelled = false
    let tries = 0
    // H5: redrawn whenever the canvas's box changes size (the desk layout settles after the first draw; a bitmap
    // drawn for another width is scaled by the browser, which shrank the text and blurred it).
    let observer: ResizeObserver | null = null
    let drawnFor = ''
    const draw = async () => {
      const t = await findCanvas(id)
      if (cancelled) return
      if (!t || t.width < 10) {
        // The canvas element appears a moment after the first render (H5 web component); try again briefly.
        if (++tries < 20) setTimeout(() => void draw(), 50)
        return
      }
      const dpr = pixelRatio()
      if (process.env.TARO_ENV === 'h5' && !observer && typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => { tries = 0; void draw() })
        observer.observe(document.getElementById(id)!)
      }
      const size = `${t.width}x${t.height}@${dpr}:${specKey}`
      if (size === drawnFor) return
      drawnFor = size
      t.canvas.width = Math.round(t.width * dpr)
      t.canvas.height = Math.round(t.height * dpr)
      const ctx = t.canvas.getContext('2d') as (Ctx & { setTransform: (a: number, b: number, c: number, d: number, e: number, f: number) => void }) | null
      if (!ctx) return
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      drawChart(ctx, t.width, t.height, specRef.current)
    }
    void draw()
    const onResize = () => { tries = 0; void draw() }
    if (process.env.TARO_ENV === 'h5') window.addEventListener('resize', onResize)
    return () => {
      cancelled = true
      observer?.disconnect()
      if (process.env.TARO_ENV === 'h5') window.removeEventListener('resize', onResize)
    }
  }, [id, specKey])

  const show = format ?? ((v: number) => (spec.percent ? percent(v) : `${v}${unitWord}`))
  return (
    <View className='bm-chart' data-testid={testId}>
      <Text className='bm-chart__title'>{title}</Text>
      <Canvas type='2d' id={id} canvasId={id} className='bm-chart__canvas' style={{ height: `${height}px` }} aria-hidden />
      <View className='bm-chart__summary' data-testid={testId ? `${testId}-summary` : undefined}>
        {spec.series.map((s, si) => (
          <View key={s.name} className='bm-chart__row'>
            {spec.series.length > 1 && (
              <Text className='bm-chart__series' style={{ color: s.color ?? PALETTE[si % PALETTE.length] }}>{s.name}：</Text>
            )}
            <Text className='bm-chart__values'>
              {spec.labels.map((l, i) => `${l} ${show(s.values[i] ?? 0)}`).join('，')}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** Redrawn only when its data changes. */
export const Chart = memo(ChartView)
