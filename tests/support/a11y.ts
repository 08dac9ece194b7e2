// Readability checks of the page on screen (the H5 build in Chromium), from computed styles: text size, line height,
// contrast of text against its background (WCAG 2 relative luminance), and the height of everything tappable.
import type { Page } from 'playwright-core'

export interface AuditLimits { minFont: number; minLineHeight: number; minContrast: number; minTarget: number }
export const ELDER_LIMITS: AuditLimits = { minFont: 18, minLineHeight: 1.3, minContrast: 4.5, minTarget: 44 }

export interface AuditResult {
  /** How many text elements and tappable elements were measured (a check of nothing proves nothing). */
  texts: number
  targets: number
  smallestFont: number
  lowestContrast: number
  smallestTarget: number
  problems: string[]
}

/** Selectors of things a finger taps: buttons, links, form controls, and custom tappables given a role. */
const TAPPABLE = [
  'taro-button-core', 'button', 'a[href]', 'taro-input-core', 'taro-textarea-core', 'taro-switch-core', 'taro-picker-core',
  '[role=button]', '[role=link]', '[role=radio]', '[role=checkbox]', '[role=switch]', '[role=tab]', '[role=option]',
].join(',')

/** Measures the current page (the visible `.bm-page`; H5 keeps earlier pages of the stack hidden in the DOM). */
export async function auditPage (page: Page, limits: AuditLimits = ELDER_LIMITS): Promise<AuditResult> {
  return page.evaluate(({ limits, tappable }) => {
    type RGBA = [number, number, number, number]
    const parse = (c: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(c)
      if (!m) return [0, 0, 0, 0]
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number)
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1]
    }
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3]
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1]
    }
    /** The colour behind an element: its own and its ancestors' backgrounds composed over white. */
    const background = (el: Element | null): RGBA => {
      const layers: RGBA[] = []
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor)
        if (bg[3] > 0) layers.push(bg)
        if (bg[3] >= 1) break
      }
      return layers.reverse().reduce<RGBA>((acc, l) => over(l, acc), [255, 255, 255, 1])
    }
    const lum = (c: RGBA) => {
      const ch = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4 }
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
    }
    const contrast = (a: RGBA, b: RGBA) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number]; return (x + 0.05) / (y + 0.05) }
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 24)}”`

    // The page on screen: the .bm-page under the middle of the viewport (H5 keeps other pages of the stack in the DOM).
    const root = [0.3, 0.5, 0.7].map((y) => document.elementFromPoint(window.innerWidth / 2, window.innerHeight * y)?.closest('.bm-page')).find(Boolean)
    if (!root) return { texts: 0, targets: 0, smallestFont: 0, lowestContrast: 0, smallestTarget: 0, problems: ['no visible .bm-page'] }
    const problems: string[] = []
    let texts = 0; let smallestFont = Infinity; let lowestContrast = Infinity
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
      if (!own || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const s = getComputedStyle(el)
      const font = parseFloat(s.fontSize)
      const lh = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / font
      const ratio = contrast(over(parse(s.color), background(el)), background(el))
      texts++
      smallestFont = Math.min(smallestFont, font)
      lowestContrast = Math.min(lowestContrast, ratio)
      if (font < limits.minFont) problems.push(`font ${font}px < ${limits.minFont}: ${label(el)}`)
      if (lh < limits.minLineHeight - 0.01) problems.push(`line height ${lh.toFixed(2)} < ${limits.minLineHeight}: ${label(el)}`)
      if (ratio < limits.minContrast) problems.push(`contrast ${ratio.toFixed(2)} < ${limits.minContrast}: ${label(el)} (${s.color} on ${background(el).map((v) => Math.round(v)).join(',')})`)
    }
    let targets = 0; let smallestTarget = Infinity
    for (const el of root.querySelectorAll(tappable)) {
      if (!el.checkVisibility()) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      targets++
      smallestTarget = Math.min(smallestTarget, r.height)
      if (r.height < limits.minTarget - 0.5) problems.push(`target ${Math.round(r.height)}px < ${limits.minTarget}: ${label(el)}`)
    }
    return { texts, targets, smallestFont, lowestContrast: Math.round(lowestContrast * 100) / 100, smallestTarget: Math.round(smallestTarget), problems }
  }, { limits, tappable: TAPPABLE })
}
