// zod setup first: it must run before the shared contract's schemas are built.
import './setup/zod'
import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { pageUrl } from '@bianmin/shared'
import { consent, residentSession } from './api/client'
import { enableKeyboardActivation } from './components/a11y'
import { patchTaroDom } from './components/h5-dom'
import { watchPlatformPrivacy } from './store/platform-privacy'
import { prefs } from './store/prefs'
import './app.scss'
import './desk.scss'

/**
 * H5: 长辈模式 also enlarges what lives outside the pages (the tab bar), through a class on <html>; keyboard use;
 * button semantics and a CSP-clean tab bar on Taro's web components (components/h5-dom.ts).
 */
function setUpDocument (): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  enableKeyboardActivation(document)
  patchTaroDom(document)
  const apply = (on: boolean) => document.documentElement.classList.toggle('bm-elder', on)
  apply(prefs.getElderMode())
  prefs.subscribe(apply)
}

/** Opened on a staff page (a shared desk PC) or a hall device (TV, 评价器): no resident is signed in, no notice asked. */
function launchedOnStaffPage (path: string | undefined): boolean {
  const p = (path || (typeof location !== 'undefined' ? location.hash.replace(/^#/, '') : '')).replace(/^\/+/, '')
  return p.startsWith('staff/') || p.startsWith('hall/')
}

// An address that names no page (a mistyped or outdated link): the router would show nothing; 页面不存在 instead.
Taro.onPageNotFound?.((res: { path?: string }) => {
  void Taro.redirectTo({ url: pageUrl('notFound', { path: res.path ?? '' }) })
})

function App ({ children }: PropsWithChildren) {
  useLaunch((options) => {
    watchPlatformPrivacy()
    setUpDocument()
    if (launchedOnStaffPage((options as { path?: string } | undefined)?.path)) return
    // Sign the resident in early and learn whether the privacy notice must be shown; pages show any error themselves.
    residentSession.ensureLogin().then(() => consent.ensureLoaded()).catch(() => undefined)
  })
  return children
}

export default App
