/*
 * Design tokens: THE one place for colours, type scale, spacing, radius and touch size, each with its 长辈模式 value.
 * No hex colour anywhere else (SCSS, inline styles, canvas drawing, app.config.ts).
 *
 * How they reach the styles: config/index.ts turns this file into SCSS variables (`$bm-color-primary`, maps
 * `$bm-tokens` / `$bm-tokens-elder`) prepended to every SCSS file; kit/styles/base.scss writes them out as CSS custom
 * properties on `.bm-page` and `.bm-page.elder` (`--bm-color-primary` …). Styles use the custom properties, so
 * 长辈模式 switches every page at once. TypeScript reads `tokens` directly (charts, app.config.ts, platform props).
 */

export interface Tokens {
  /** Brand / links / primary buttons, and text or borders on it. */
  'color-primary': string
  'color-primary-soft': string
  'color-on-primary': string
  'color-text': string
  /** Secondary text (dates, hints). `color-text-2` is the same, kept for older styles. */
  'color-muted': string
  'color-text-2': string
  'color-bg': string
  'color-card': string
  'color-border': string
  /** Pressed rows and cards. */
  'color-pressed': string
  'color-success': string
  'color-success-soft': string
  'color-warning': string
  'color-warning-soft': string
  'color-danger': string
  'color-danger-soft': string
  'color-info': string
  'color-info-soft': string
  'color-muted-soft': string
  /** Axis lines and strong dividers. */
  'color-border-strong': string
  /** 好差评 scale, 5 = 非常满意 … 1 = 非常不满意, and the star. */
  'color-rate-5': string
  'color-rate-4': string
  'color-rate-3': string
  'color-rate-2': string
  'color-rate-1': string
  'color-star': string
  'font-small': string
  'font-body': string
  'font-title': string
  'font-large': string
  'font-display': string
  'line-height': string
  'space-1': string
  'space-2': string
  'space-3': string
  'space-4': string
  'space-5': string
  radius: string
  'radius-sm': string
  touch: string
}

const normal: Tokens = {
  'color-primary': '#1a5fd0',
  'color-primary-soft': '#eaf1fd',
  'color-on-primary': '#ffffff',
  'color-text': '#1f1f1f',
  'color-muted': '#595959',
  'color-text-2': '#595959',
  'color-bg': '#f4f5f7',
  'color-card': '#ffffff',
  'color-border': '#e5e6eb',
  'color-pressed': '#eef3fc',
  'color-success': '#1b7a3d',
  'color-success-soft': '#e8f5ec',
  'color-warning': '#ad4e00',
  'color-warning-soft': '#fff4e5',
  'color-danger': '#c62828',
  'color-danger-soft': '#fdecea',
  'color-info': '#1a5fd0',
  'color-info-soft': '#eaf1fd',
  'color-muted-soft': '#f0f0f0',
  'color-border-strong': '#8c8c8c',
  'color-rate-5': '#2e7d32',
  'color-rate-4': '#66a33a',
  'color-rate-3': '#d19a00',
  'color-rate-2': '#e0641b',
  'color-rate-1': '#c62828',
  'color-star': '#f5a623',
  'font-small': '13px',
  'font-body': '15px',
  'font-title': '18px',
  'font-large': '22px',
  'font-display': '34px',
  'line-height': '1.5',
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  'space-5': '24px',
  radius: '8px',
  'radius-sm': '4px',
  touch: '44px',
}

/** 长辈模式: every text ≥ 18px, line height ≥ 1.3, targets ≥ 44px (56), contrast ≥ 4.5:1 on a white page. */
const elder: Tokens = {
  ...normal,
  'color-primary': '#0b3fa8',
  'color-primary-soft': '#dce6f8',
  'color-text': '#000000',
  'color-muted': '#262626',
  'color-text-2': '#262626',
  'color-bg': '#ffffff',
  'color-border': '#8c8c8c',
  'color-pressed': '#dce6f8',
  'color-success': '#0f5c2b',
  'color-success-soft': '#dcefe2',
  'color-warning': '#7a3700',
  'color-warning-soft': '#ffe9cc',
  'color-danger': '#a50e0e',
  'color-danger-soft': '#fbdcd8',
  'color-info': '#0b3fa8',
  'color-info-soft': '#dce6f8',
  'color-muted-soft': '#e8e8e8',
  'color-border-strong': '#595959',
  'color-rate-5': '#1e5e22',
  'color-rate-4': '#3f7a1c',
  'color-rate-3': '#8a6500',
  'color-rate-2': '#a8430c',
  'color-rate-1': '#a50e0e',
  'font-small': '18px',
  'font-body': '20px',
  'font-title': '24px',
  'font-large': '28px',
  'font-display': '40px',
  'line-height': '1.6',
  'space-2': '10px',
  'space-3': '14px',
  'space-4': '20px',
  'space-5': '28px',
  touch: '56px',
}

/** Series colours of charts (canvas), in order. */
const chart = ['#1a5fd0', '#e8833a', '#2e9d5b', '#8e44ad', '#c62828', '#00838f'] as const

export const tokens = { normal, elder, chart } as const
export type TokenName = keyof Tokens

/** A token's value in the given theme, for code that cannot use CSS (canvas, platform component props). */
export const token = (name: TokenName, elderMode = false): string => (elderMode ? elder : normal)[name]

/** The SCSS prepended to every stylesheet (config/index.ts): `$bm-<name>` variables and the two theme maps. */
export function tokensScss (): string {
  const map = (t: Tokens) => `(${Object.entries(t).map(([k, v]) => `'${k}': ${v}`).join(', ')})`
  const vars = Object.entries(normal).map(([k, v]) => `$bm-${k}: ${v};`).join('\n')
  return `${vars}\n$bm-tokens: ${map(normal)};\n$bm-tokens-elder: ${map(elder)};\n`
}
