// Headless Chromium (Debian's, driven by playwright-core) against the real server serving the H5 build.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { TestApp } from './app'

export const ARTIFACTS = path.resolve('test-results/e2e')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser (): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`)
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  })
}

/** A phone-sized page (375×812) that fails the test on uncaught page errors. */
export async function phonePage (browser: Browser, opts: { storage?: Record<string, string> } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true, isMobile: true })
  if (opts.storage) {
    await context.addInitScript((entries) => { for (const [k, v] of Object.entries(entries)) window.localStorage.setItem(k, v) }, opts.storage)
  }
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

/** Taro's H5 storage keeps each value as JSON `{ data }`. */
export const taroStorage = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, JSON.stringify({ data: v })]))

/**
 * A phone page signed in (mock WeChat code in storage) as a new resident who has already accepted the privacy notice,
 * for tests of other journeys; the consent step itself is tested in journey.test.ts.
 */
export async function consentedPhonePage (browser: Browser, t: TestApp, code = `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`) {
  const r = await t.resident(code)
  return { ...(await phonePage(browser, { storage: taroStorage({ bm_h5_code: code }) })), residentId: r.id }
}

/** Saves a screenshot under test-results/e2e/<name>.png (kept as a CI artefact). */
export async function screenshot (page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/** Opens an H5 route (hash router), e.g. openPage(page, url, pageUrl('home')) (shared/src/pages.ts). */
export async function openPage (page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#${route}`, { waitUntil: 'domcontentloaded' })
}
