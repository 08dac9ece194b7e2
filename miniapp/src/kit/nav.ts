// Navigation by page name (shared/src/pages.ts): the only way pages open other pages.
import Taro from '@tarojs/taro'
import { isTabPage, pageNameOf, pageUrl, resolvePageUrl, type PageName, type PageQuery } from '@bianmin/shared'

export { pageUrl, type PageName, type PageQuery }

/** Opens a page on top (a tab page: switches to the tab, the query dropped as WeChat requires). */
export function go (name: PageName, query?: PageQuery): void {
  if (isTabPage(name)) void Taro.switchTab({ url: pageUrl(name) })
  else void Taro.navigateTo({ url: pageUrl(name, query) })
}

/** Replaces the current page (after a form is sent: the new record's page). */
export function redirect (name: PageName, query?: PageQuery): void {
  if (isTabPage(name)) void Taro.switchTab({ url: pageUrl(name) })
  else void Taro.redirectTo({ url: pageUrl(name, query) })
}

/** Starts over on a page (everything else closed). */
export function relaunch (name: PageName, query?: PageQuery): void {
  void Taro.reLaunch({ url: pageUrl(name, query) })
}

/** Opens a link the server sent (`data.page` of a message, a workbench counter); false when it names no page. */
export function openLink (url: string | null | undefined): boolean {
  const name = pageNameOf(url)
  if (!url || !name) return false
  if (isTabPage(name)) void Taro.switchTab({ url: pageUrl(name) })
  else void Taro.navigateTo({ url: resolvePageUrl(url.replace(/^\/?#/, '')) })
  return true
}

/** The name of the page on screen (undefined in unit tests or before the router knows). */
export function currentPage (): PageName | undefined {
  const path = typeof Taro.getCurrentInstance === 'function' ? Taro.getCurrentInstance()?.router?.path : undefined
  return pageNameOf(path)
}
