// What a browser and a reader notice first: /favicon.ico is served (no 404 in every page load), and the demo
// 年度报告 is dated when such a report is published (by 31 January of the following year), not this year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00', demo: true }) })
afterAll(async () => { await t?.close() })

describe('favicon', () => {
  it('answers /favicon.ico with an icon', async () => {
    const r = await t.fetch('/favicon.ico')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('image/x-icon')
    const bytes = new Uint8Array(await r.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]) // ICO header: reserved 0, type 1 (icon)
    expect(bytes.length).toBeGreaterThan(22)
  })
})

describe('demo notices', () => {
  it('dates the 2019年度 report in January 2020', async () => {
    const reports = (await t.anon('listNotices', { query: { category: '年度报告', limit: 50 } })).items
    const r2019 = reports.find((n) => n.title.includes('2019年度'))!
    expect(r2019.publishedAt.slice(0, 7)).toBe('2020-01')
    for (const n of reports) {
      const year = /(\d{4})年度/.exec(n.title)?.[1]
      if (year) expect(Number(n.publishedAt.slice(0, 4)), n.title).toBe(Number(year) + 1)
    }
  })
})
