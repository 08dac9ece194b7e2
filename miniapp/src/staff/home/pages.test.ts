import { beforeAll, describe, expect, it } from 'vitest'
import { pageUrl } from '@bianmin/shared'
import * as taro from '../../../test/mocks/taro'
import { entriesForRoles } from '../roles'
import { isRegistered, openStaffPage, pageAliases, registeredStaffPages, resolvePage } from './pages'

let staffPages: string[] = []

beforeAll(async () => {
  // app.config.ts calls Taro's build-time global defineAppConfig.
  ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
  const config = (await import('../../app.config')).default as unknown as { subPackages: { root: string; pages: string[] }[] }
  staffPages = config.subPackages.filter((s) => s.root === 'staff').flatMap((s) => s.pages.map((p) => `/staff/${p}`))
})

describe('registered staff pages', () => {
  it('lists only pages that app.config.ts registers (a listed page never fails to open)', () => {
    for (const p of registeredStaffPages) expect(staffPages, p).toContain(p)
    for (const target of Object.values(pageAliases)) expect(registeredStaffPages.has(target), target).toBe(true)
  })

  it('opens registered pages and says an unknown one cannot be opened', () => {
    openStaffPage('/staff/stats/dashboard/index')
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/stats/dashboard/index' })
    openStaffPage('/staff/some-future-page/index')
    expect(taro.showToast).toHaveBeenCalledWith({ title: '当前版本无法打开该页面，请刷新后重试', icon: 'none' })
    expect(taro.navigateTo).toHaveBeenCalledTimes(1)
  })

  it('follows aliases and keeps the query', () => {
    expect(resolvePage('/staff/ratings/rectifications/index?overdue=1')).toBe('/staff/rectifications/list/index?overdue=1')
    expect(isRegistered('/staff/ratings/rectifications/index')).toBe(true)
    expect(resolvePage('/staff/stats/report/index?year=2025')).toBe('/staff/stats/report/index?year=2025')
  })

  it('gives admins the settings, accounts, calendar, statistics and report entries, clerks only statistics', () => {
    const admin = entriesForRoles(['ADMIN']).map((e) => (e.page ? pageUrl(e.page) : undefined)).filter((u): u is string => Boolean(u))
    expect(admin).toEqual(expect.arrayContaining(['/staff/admin/settings/index', '/staff/admin/accounts/index', '/staff/admin/calendar/index', '/staff/stats/dashboard/index', '/staff/stats/report/index']))
    for (const url of admin) expect(isRegistered(url), url).toBe(true)
    const clerk = entriesForRoles(['CLERK']).map((e) => e.key)
    expect(clerk).toContain('stats')
    expect(clerk).not.toContain('report')
    expect(clerk).not.toContain('settings')
  })
})
