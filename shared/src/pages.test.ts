import { describe, expect, it } from 'vitest'
import { PAGES, TAB_PAGES, h5PageUrl, hallPackagePages, mainPackagePages, pageNameOf, pageUrl, residentSubPackages, resolvePageUrl, staffPackagePages } from './pages'

describe('page table', () => {
  it('builds URLs with encoded query values, leaving out empty ones', () => {
    expect(pageUrl('noticeDetail', { id: 'n1' })).toBe('/pages/notices/detail/index?id=n1')
    expect(pageUrl('ratingRate', { subjectType: 'CONSULTATION', subjectId: 'a b', x: undefined, y: '' }))
      .toBe('/pages/ratings/rate/index?subjectType=CONSULTATION&subjectId=a%20b')
    expect(pageUrl('home')).toBe('/pages/home/index/index')
    expect(h5PageUrl('http://h:1/', 'serviceDetail', { id: 's' })).toBe('http://h:1/#/pages/services/detail/index?id=s')
  })

  it('names every path once, two levels under the package root', () => {
    const paths = Object.values(PAGES)
    expect(new Set(paths).size).toBe(paths.length)
    for (const p of paths) expect(p).toMatch(/^(pages|staff|hall)\/[a-z-]+\/[a-z-]+\/index$/)
    expect(mainPackagePages()[0]).toBe(PAGES.home)
    expect(staffPackagePages()).toContain('auth/login/index')
    expect(hallPackagePages()).toEqual(['queue/screen/index', 'window/rater/index'])
    expect(mainPackagePages().some((p) => p.startsWith('hall/'))).toBe(false)
  })

  it('keeps the four tabs in the main package and every other resident page in a sub-package, paths unchanged', () => {
    expect(mainPackagePages()).toEqual(TAB_PAGES.map((n) => PAGES[n]))
    const subs = residentSubPackages()
    const subPaths = subs.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))
    const resident = Object.values(PAGES).filter((p) => p.startsWith('pages/'))
    expect([...mainPackagePages(), ...subPaths].sort()).toEqual([...resident].sort())
    expect(subs.find((s) => s.root === 'pages/appointments')?.pages).toContain('book/index')
    // No main-package page under a sub-package root, no root under another.
    for (const s of subs) {
      expect(mainPackagePages().some((p) => p.startsWith(`${s.root}/`))).toBe(false)
      expect(subs.some((o) => o !== s && o.root.startsWith(`${s.root}/`))).toBe(false)
    }
    expect(subs.find((s) => s.pages.includes('index') && s.root === 'pages/services/detail')).toBeTruthy()
  })

  it('resolves current and legacy links, keeping the query', () => {
    expect(pageNameOf('/#/pages/notices/detail/index?id=1')).toBe('noticeDetail')
    expect(resolvePageUrl('/pages/index/index')).toBe('/pages/home/index/index')
    expect(resolvePageUrl('/staff/ratings/rectifications/index?overdue=1')).toBe('/staff/rectifications/list/index?overdue=1')
    expect(resolvePageUrl('/staff/unknown/index')).toBe('/staff/unknown/index')
  })
})
