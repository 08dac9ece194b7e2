// axe-core (the maintained accessibility engine) run inside the H5 page: critical and serious violations, and landmarks.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding { id: string; impact: string; help: string; targets: string[] }

/** Landmark rules axe rates moderate, held to as well: everything inside a landmark, one main landmark. */
const ALSO = ['region', 'landmark-one-main', 'landmark-no-duplicate-main']

/**
 * Critical and serious axe-core violations (and the landmark rules in ALSO) of the document as it is now (H5 keeps
 * earlier pages of the stack hidden in the DOM; axe skips hidden content). Disabled buttons are left out of the contrast check, as WCAG 1.4.3 exempts
 * inactive controls (Taro's H5 button carries its state in a class).
 */
export async function axeFindings (page: Page): Promise<AxeFinding[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy allows only its own scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  // Measure the page at rest: a modal fading in or a page sliding over the previous one would be judged on colours
  // half-blended or on two pages at once (finite animations only; a spinner runs for ever). Bounded, then measure anyway.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined, { timeout: 5000, polling: 50 }).catch(() => undefined)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  return page.evaluate(async (also) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<Result> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    const inactive = (target: string[]) => Boolean(document.querySelector(target.join(' '))?.closest('.bm-button--disabled, [disabled], [aria-disabled=true]'))
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious' || also.includes(v.id))
      .map((v) => ({ ...v, nodes: v.id === 'color-contrast' ? v.nodes.filter((n) => !inactive(n.target)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, ALSO)
}

/** One line per violation (rule, impact and the first few elements), for assertions and logs. */
export const describeFindings = (f: AxeFinding[]) =>
  f.map((v) => `${v.id} (${v.impact}, ${v.targets.length}): ${v.targets.slice(0, 3).join(', ')}`)

/**
 * Throws when the page has a critical or serious violation (or a landmark one), naming the page: call it after every navigation.
 * `seen` (optional) collects the names of the pages checked.
 */
export async function expectAccessible (page: Page, name: string, seen?: string[]): Promise<void> {
  const found = describeFindings(await axeFindings(page))
  seen?.push(name)
  if (found.length) throw new Error(`axe-core: ${found.length} critical/serious violation(s) on ${name}:\n${found.join('\n')}`)
}
