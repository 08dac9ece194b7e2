import { describe, expect, it } from 'vitest'
import { barHeight, barRects, labelEvery, linePoints, monthLabel, niceScale, percent } from './chart-math'

describe('niceScale', () => {
  it('steps by 1, 2 or 5 × 10^n and covers the maximum', () => {
    expect(niceScale(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] })
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] })
    expect(niceScale(23)).toEqual({ max: 25, step: 5, ticks: [0, 5, 10, 15, 20, 25] })
    expect(niceScale(100)).toEqual({ max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] })
    expect(niceScale(1234).max).toBe(1500)
    expect(niceScale(1234).step).toBe(500)
  })

  it('never steps below 1 for counts, and gives a 0–1 axis when there is nothing', () => {
    expect(niceScale(1)).toEqual({ max: 1, step: 1, ticks: [0, 1] })
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] })
    expect(niceScale(Number.NaN).max).toBe(1)
  })

  it('handles fractions (rates) without floating noise', () => {
    const s = niceScale(0.87, 5, false)
    expect(s.step).toBe(0.2)
    expect(s.max).toBe(1)
    expect(s.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(niceScale(0.3, 5, false).ticks).toEqual([0, 0.1, 0.2, 0.3])
  })
})

describe('bars', () => {
  it('scales heights to the axis, with a visible minimum for small non-zero values', () => {
    expect(barHeight(5, 10, 200)).toBe(100)
    expect(barHeight(10, 10, 200)).toBe(200)
    expect(barHeight(0, 10, 200)).toBe(0)
    expect(barHeight(0.01, 1000, 200)).toBe(1)
    expect(barHeight(20, 10, 200)).toBe(200)
  })

  it('lays grouped bars in equal bands, sitting on the bottom of the plot', () => {
    const plot = { x: 40, y: 10, w: 300, h: 100 }
    const [a, b] = barRects([[10, 5, 0], [2, 4, 6]], plot, 10, 0.4) as [ReturnType<typeof barRects>[0], ReturnType<typeof barRects>[0]]
    // Band 100 px, 40 px gap (20 each side), two bars of 30 px.
    expect(a[0]).toEqual({ x: 60, y: 10, w: 30, h: 100 })
    expect(b[0]).toEqual({ x: 90, y: 90, w: 30, h: 20 })
    expect(a[1]).toEqual({ x: 160, y: 60, w: 30, h: 50 })
    expect(a[2]?.h).toBe(0)
    expect(b[2]).toEqual({ x: 290, y: 50, w: 30, h: 60 })
    for (const r of [...a, ...b]) expect(r.y + r.h).toBe(110)
  })

  it('gives nothing for no categories', () => {
    expect(barRects([[]], { x: 0, y: 0, w: 100, h: 100 }, 1)).toEqual([[]])
  })
})

describe('lines and labels', () => {
  it('puts points in the middle of each band, clamped to the axis', () => {
    const pts = linePoints([0, 5, 10, 12], { x: 0, y: 0, w: 400, h: 100 }, 10)
    expect(pts).toEqual([{ x: 50, y: 100 }, { x: 150, y: 50 }, { x: 250, y: 0 }, { x: 350, y: 0 }])
  })

  it('thins category labels that would overlap', () => {
    expect(labelEvery(12, 300, 30)).toBe(2)
    expect(labelEvery(4, 300, 30)).toBe(1)
    expect(labelEvery(0, 300, 30)).toBe(1)
  })

  it('formats months and rates in Chinese', () => {
    expect(monthLabel('2026-03')).toBe('3月')
    expect(monthLabel('2026-01', true)).toBe('2026年1月')
    expect(percent(0.8512)).toBe('85.1%')
    expect(percent(1)).toBe('100%')
    expect(percent(null)).toBe('—')
  })
})
