// The H5 build served by the real server: a new resident is signed in (mock WeChat) and sees the home page.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startTestApp, type TestApp } from '../support/app'
import { launchBrowser, openPage, phonePage, screenshot } from '../support/browser'
import { pageUrl } from '@bianmin/shared'

let t: TestApp
let browser: Browser
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: '2026-11-23T09:00:00+08:00' })
  browser = await launchBrowser()
})
afterAll(async () => { await browser?.close(); await t?.close() })

it('signs a new resident in and shows the home page', async () => {
  const before = await t.deps.db.resident.count()
  const { page, errors } = await phonePage(browser)
  await openPage(page, t.url, pageUrl('home'))
  const greeting = page.getByTestId('home-greeting')
  await greeting.waitFor({ timeout: 30_000 })
  expect(await greeting.textContent()).toContain('您好')
  await screenshot(page, 'home')
  // The resident now exists server-side, created by the mock WeChat login.
  expect(await t.deps.db.resident.count()).toBe(before + 1)
  // Reloading keeps the same resident (stable mock code in storage).
  await page.reload()
  await page.getByTestId('home-greeting').waitFor()
  expect(await t.deps.db.resident.count()).toBe(before + 1)
  expect(errors).toEqual([])
})

it('serves the H5 shell with revalidation for index.html and long caching for hashed assets', async () => {
  const index = await t.fetch('/')
  expect(index.status).toBe(200)
  expect(index.headers.get('cache-control')).toBe('no-cache')
  const html = await index.text()
  const asset = /src="\/?(js\/[^"]+\.js)"/.exec(html)?.[1]
  expect(asset).toBeTruthy()
  const js = await t.fetch(`/${asset}`)
  expect(js.status).toBe(200)
  expect(js.headers.get('cache-control')).toContain('max-age=31536000')
})

it('lets the H5 page run its own inline script (root font size) under the CSP, and no other inline script', async () => {
  const res = await t.fetch('/')
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
  expect(csp).not.toContain('unsafe-inline\' \'sha256') // scripts are allowed by hash, not wholesale
  const { page } = await phonePage(browser)
  const violations: string[] = []
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()) })
  await openPage(page, t.url, pageUrl('home'))
  await page.getByTestId('home-greeting').waitFor({ timeout: 30_000 })
  expect(violations).toEqual([])
  // Taro's inline script sets the root font size from the viewport (375 px wide → 20 px).
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px')
})
