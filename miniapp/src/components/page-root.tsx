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

/** H5 opened straight on an inner page (a shared link): no page to go back to. WeChat shows its own home button. */
function isDeepLinked (path: string): boolean {
  if (process.env.TARO_ENV !== 'h5' || !path || TAB_PATHS.includes(path)) return false
  return typeof Taro.getCurrentPages === 'function' && Taro.getCurrentPages().length <= 1
}

/**
 * Root element of every page: carries the `elder` class that switches the theme variables, a 返回首页 link on
 * pages opened from a link, and the privacy consent panel on residents' pages while consent is needed.
 * `consent='required'`: the page sends personal data, so its content waits for consent (the panel stands in).
 */
export function PageRoot ({ className, children, consent: need }: { className?: string; children?: ReactNode; consent?: 'required' }) {
  const elder = useElderMode()
  const [path] = useState(currentPath)
  // Hall devices (sub-package `hall`: the TV screen, the window's 评价器) are nobody's phone: no consent, no home link.
  const device = path.startsWith('hall/')
  const residentPage = !path.startsWith('staff/') && !device && pageNameOf(path) !== 'privacy'
  const [deepLinked] = useState(() => !device && isDeepLinked(path))
  // Inner staff pages lead back to the workbench; everything else to 首页.
  const toWorkbench = path.startsWith('staff/') && ![STAFF_HOME_URL, STAFF_LOGIN_URL].includes(`/${path}`)
  const c = useConsentState(consent, residentPage)
  const platformWaiting = usePlatformPrivacyWaiting()
  const gate = residentPage && need === 'required' && (c.status === 'needed' || c.status === 'declined')
  const ask = residentPage && !gate && (c.status === 'needed' || platformWaiting)
  // bm-staff: the staff section's desk layout; resident pages keep a phone-width column on a desk (app.scss).
  const cls = ['bm-page', path.startsWith('staff/') ? 'bm-staff' : '', className, elder ? 'elder' : ''].filter(Boolean).join(' ')
  return (
    <View className={cls}>
      {deepLinked && (
        <View className='bm-home-link' {...aria('link', { 'aria-label': toWorkbench ? '返回工作台' : '返回首页' })} hoverClass='bm-home-link--active'
          onClick={() => void Taro.reLaunch({ url: toWorkbench ? STAFF_HOME_URL : HOME_URL })} data-testid='home-link'>
          <Text>{toWorkbench ? '‹ 返回工作台' : '‹ 返回首页'}</Text>
        </View>
      )}
      {ask && <ConsentPanel mode='ask' />}
      {gate ? <ConsentPanel mode='required' /> : children}
    </View>
  )
}
