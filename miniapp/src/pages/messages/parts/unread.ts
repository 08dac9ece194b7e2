// The unread count on the 消息 tab (Taro.setTabBarBadge): read from listMessages' `unread` whenever a tab page shows,
// and set again by the messages page after reading. A hint only: failures are ignored.
import Taro, { useDidShow } from '@tarojs/taro'
import { TAB_PAGES } from '@bianmin/shared'
import { api } from '@/api/client'

const index = TAB_PAGES.indexOf('messages')

/** Shows `n` on the 消息 tab (99+ above 99), or removes the badge at 0. */
export function showUnread (n: number): void {
  try {
    const done = Promise.resolve(n > 0
      ? Taro.setTabBarBadge({ index, text: n > 99 ? '99+' : String(n) })
      : Taro.removeTabBarBadge({ index }))
    done.catch(() => undefined)
  } catch { /* no tab bar here (unit tests, a page outside the tabs) */ }
}

/** Reads the unread count (one message fetched) and shows it. */
export async function refreshUnread (): Promise<void> {
  try {
    showUnread((await api('listMessages', { query: { limit: 1 } })).unread)
  } catch { /* offline or signed out: leave the badge as it is */ }
}

/** On every show of a tab page: the 消息 badge follows the server. */
export function useUnreadBadge (): void {
  useDidShow(() => { void refreshUnread() })
}
