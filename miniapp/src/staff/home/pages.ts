// Staff pages registered in app.config.ts (sub-package `staff`). The workbench opens only pages listed here;
// any other link (a counter whose list page is not built yet) says '该功能即将开放' instead of failing.
// When you register a staff page in app.config.ts, add it here too (pages.test.ts checks this list against it).
import Taro from '@tarojs/taro'

export const STAFF_PAGES = {
  login: '/staff/login/index',
  home: '/staff/home/index',
  dashboard: '/staff/dashboard/index',
  report: '/staff/report/index',
  settings: '/staff/admin/settings/index',
  accounts: '/staff/admin/accounts/index',
  calendar: '/staff/admin/calendar/index',
} as const

/** Every registered staff page, including those of other features. */
export const registeredStaffPages: ReadonlySet<string> = new Set<string>([
  ...Object.values(STAFF_PAGES),
  '/staff/consultations/index/index',
  '/staff/consultations/detail/index',
  '/staff/disclosures/list/index',
  '/staff/disclosures/detail/index',
  '/staff/rectifications/index',
  '/staff/rectifications/detail/index',
  '/staff/appeals/index',
  '/staff/appointments/today/index',
  '/staff/appointments/slots/index',
  '/staff/notices/list/index',
  '/staff/notices/review/index',
  '/staff/notices/detail/index',
  '/staff/notices/edit/index',
])

/** Where a workbench counter's link (from the server) and the page as built differ: counter link → page. */
export const pageAliases: Readonly<Record<string, string>> = {
  '/staff/consultations/inbox/index': '/staff/consultations/index/index',
  '/staff/ratings/rectifications/index': '/staff/rectifications/index',
  '/staff/ratings/appeals/index': '/staff/appeals/index',
}

const pathOf = (url: string) => `/${url.split('?')[0]!.replace(/^\/+/, '')}`

/** The page to open for a link: its alias if it has one, with the query kept. */
export function resolvePage (url: string): string {
  const path = pathOf(url)
  const alias = pageAliases[path]
  return alias ? alias + url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.length) : url
}

export function isRegistered (url: string | undefined): boolean {
  return Boolean(url) && registeredStaffPages.has(pathOf(resolvePage(url!)))
}

/** Opens a staff page, or tells the user it is not open yet. */
export function openStaffPage (url: string): void {
  if (!isRegistered(url)) {
    void Taro.showToast({ title: '该功能即将开放', icon: 'none' })
    return
  }
  void Taro.navigateTo({ url: resolvePage(url) })
}
