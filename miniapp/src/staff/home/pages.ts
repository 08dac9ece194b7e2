// Links to staff pages (workbench counters from the server, old links) through the one page table
// (shared/src/pages.ts). A link that names no staff page (e.g. from a newer server) says so instead of failing.
import Taro from '@tarojs/taro'
import { isStaffPage, LEGACY_PAGES, PAGES, pageNameOf, pageUrl, resolvePageUrl, type PageName } from '@bianmin/shared'

/** Every staff page of the sub-package, as `/staff/…/index`. */
export const registeredStaffPages: ReadonlySet<string> = new Set(
  (Object.keys(PAGES) as PageName[]).filter(isStaffPage).map((n) => pageUrl(n)),
)

/** Old staff links (before a rename, or as an older server sends them) → today's page. */
export const pageAliases: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LEGACY_PAGES).filter(([p]) => p.startsWith('staff/')).map(([p, n]) => [`/${p}`, pageUrl(n)]),
)

/** The page to open for a link: today's path for an old one, with the query kept. */
export const resolvePage = (url: string): string => resolvePageUrl(url)

export function isRegistered (url: string | undefined): boolean {
  const name = pageNameOf(url)
  return Boolean(name && isStaffPage(name))
}

/** Opens a staff page, or tells the user this version cannot open it. */
export function openStaffPage (url: string): void {
  if (!isRegistered(url)) {
    void Taro.showToast({ title: '当前版本无法打开该页面，请刷新后重试', icon: 'none' })
    return
  }
  void Taro.navigateTo({ url: resolvePage(url) })
}
