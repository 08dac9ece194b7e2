import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { PAGES, TAB_PAGES, pageNameOf, pageUrl } from '@bianmin/shared'
import { consent, STAFF_HOME_URL, STAFF_LOGIN_URL } from '@/api/client'
import { aria } from '@/components/a11y'
import { ConsentPanel } from '@/components/consent-panel'
import { useConsentState } from '@/store/consent'
import { usePlatformPrivacyWaiting } from '@/store/platform-privacy'
import { useElderMode } from '@/store/prefs'

const HOME_URL = pageUrl('home')
const TAB_PATHS: string[] = TAB_PAGES.map((n) => PAGES[n])

/** The current page's path without a leading slash or query ('' when unknown, e.g. in unit tests). */
function currentPath (): string {
  const path = typeof Taro.getCurrentInstance === 'function' ? Taro.getCurrentInstance()?.router?.path ?? '' : ''
  return path.replace(/^\//, '').split('?')[0] ?? ''
}

/** How many pages the H5 router holds (1: opened straight on this page, e.g. from a shared link). */
const stackDepth = () => (typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages().length : 0)

/** The page's own title (navigationBarTitleText of its index.config.ts), as WeChat shows it in its bar. */
function pageTitle (): string {
  const config = typeof Taro.getCurrentInstance === 'function' ? (Taro.getCurrentInstance()?.page as { config?: { navigationBarTitleText?: string } } | undefined)?.config : undefined
  return config?.navigationBarTitleText ?? ''
}

/**
 * H5 title bar of a page outside the tabs (WeChat draws its own bar with a back arrow): the page's title as its
 * heading and a back control, 返回 to the page before or, opened straight from a link, 首页 (staff: 工作台). Staff pages
 * have their own heading (StaffPage), so their bar holds only the control.
 */
function TitleBar ({ path, staff }: { path: string; staff: boolean }) {
  const [back] = useState(() => stackDepth() > 1)
  const [title] = useState(pageTitle)
  const home = staff ? STAFF_HOME_URL : HOME_URL
  const homeText = staff ? '工作台' : '首页'
  return (
    // Inside the page's main landmark; a staff page's main is StaffPage's, so there the bar is a navigation landmark.
    <View className={`bm-titlebar${staff ? ' bm-titlebar--staff' : ''}`} data-testid='title-bar' data-path={path}
      {...(staff ? aria('navigation', { 'aria-label': '页面导航' }) : {})}>
      {back
        ? <View className='bm-titlebar__back' {...aria('button', { 'aria-label': '返回上一页' })} hoverClass='bm-titlebar__back--active'
            onClick={() => void Taro.navigateBack()} data-testid='page-back'><Text>‹ 返回</Text></View>
        : <View className='bm-titlebar__back' {...aria('link', { 'aria-label': `返回${homeText}` })} hoverClass='bm-titlebar__back--active'
            onClick={() => void Taro.reLaunch({ url: home })} data-testid='home-link'><Text>{`‹ ${homeText}`}</Text></View>}
      {!staff && <Text className='bm-titlebar__title' {...aria('heading', { 'aria-level': 1 })} data-testid='page-title'>{title}</Text>}
    </View>
  )
}

/**
 * Root element of every page (the main landmark; staff pages have theirs in StaffPage): carries the `elder` class
 * that switches the theme variables, the H5 title bar with its back control on pages outside the tabs, and the
 * privacy consent panel on residents' pages while consent is needed.
 * `consent='required'`: the page sends personal data, so its content waits for consent (the panel stands in).
 */
export function PageRoot ({ className, children, consent: need }: { className?: string; children?: ReactNode; consent?: 'required' }) {
  const elder = useElderMode()
  const [path] = useState(currentPath)
  // Hall devices (sub-package `hall`: the TV screen, the window's 评价器) are nobody's phone: no consent, no home link.
  const device = path.startsWith('hall/')
  const residentPage = !path.startsWith('staff/') && !device && pageNameOf(path) !== 'privacy'
  const staff = path.startsWith('staff/')
  // H5 only (WeChat has its own bar); not on tab pages, the workbench, the login page or hall devices.
  const titleBar = process.env.TARO_ENV === 'h5' && !!path && !device && !TAB_PATHS.includes(path) && ![STAFF_HOME_URL, STAFF_LOGIN_URL].includes(`/${path}`)
  const c = useConsentState(consent, residentPage)
  const platformWaiting = usePlatformPrivacyWaiting()
  const gate = residentPage && need === 'required' && (c.status === 'needed' || c.status === 'declined')
  const ask = residentPage && !gate && (c.status === 'needed' || platformWaiting)
  // bm-staff: the staff section's desk layout; resident pages keep a phone-width column on a desk (app.scss).
  const cls = ['bm-page', staff ? 'bm-staff' : '', className, elder ? 'elder' : ''].filter(Boolean).join(' ')
  // Until the first consent answer (one round trip, beside the page's own first load; from the very first render) the
  // page is laid out but not shown: the panel then appears above it in the same frame instead of pushing it down (a layout shift; issue 17).
  const pending = residentPage && c.status === 'unknown' && c.loading
  return (
    <View className={cls} {...(staff ? {} : aria('main'))} style={pending ? { visibility: 'hidden' } : undefined} data-consent-pending={pending || undefined}>
      {titleBar && <TitleBar path={path} staff={staff} />}
      {ask && <ConsentPanel mode='ask' />}
      {gate ? <ConsentPanel mode='required' /> : children}
    </View>
  )
}
