// Relative imports: Taro reads this file at build time, outside the workspace's package resolution.
import {
  PAGES, TAB_PAGES, hallPackagePages, mainPackagePages, residentPackageRoot, residentSubPackages, staffPackagePages,
  type PageName, type TabPageName,
} from '../../shared/src/pages'
import { tokens } from './kit/tokens'

const icon = (name: string) => ({ iconPath: `assets/tabbar/${name}.png`, selectedIconPath: `assets/tabbar/${name}-active.png` })
const tabs: Record<TabPageName, { text: string; iconPath: string; selectedIconPath: string }> = {
  home: { text: '首页', ...icon('home') },
  services: { text: '办事', ...icon('services') },
  messages: { text: '消息', ...icon('messages') },
  mine: { text: '我的', ...icon('mine') },
}

// What each tab opens next: their sub-packages are downloaded in the background once the tab shows (preloadRule).
const nextFrom: Record<TabPageName, PageName[]> = {
  home: ['notices', 'serviceDetail', 'appointmentBook', 'consultations', 'disclosures'],
  services: ['serviceDetail', 'appointmentBook', 'homeVisits', 'hallTake'],
  messages: ['appointmentDetail', 'consultationDetail', 'ratingRate', 'disclosureDetail'],
  mine: ['appointments', 'consultations', 'ratingsMine', 'homeVisits', 'hallTickets', 'privacy'],
}
const preloadRule = Object.fromEntries(TAB_PAGES.map((tab) => [PAGES[tab], {
  network: 'all' as const,
  packages: [...new Set(nextFrom[tab].map((n) => residentPackageRoot(n)!))],
}]))

export default defineAppConfig({
  // Main package: the four tabs (shared/src/pages.ts), 首页 first. WeChat counts it against 2 MB; we keep it ≤ 500 KB
  // (miniapp/scripts/weapp-ci.mjs, WeChat's own compiler).
  pages: mainPackagePages(),
  subPackages: [
    // The other resident pages, one sub-package per domain; paths unchanged (root + page = PAGES entry).
    ...residentSubPackages(),
    // Staff section: loaded only when a staff member opens it. Its pages come from the page table (shared/src/pages.ts).
    { root: 'staff', pages: staffPackagePages() },
    // Hall devices (叫号屏 on a TV, 评价器 on a counter tablet): H5 pages, no resident session.
    { root: 'hall', pages: hallPackagePages() },
  ],
  preloadRule,
  // Only the components a page renders are injected when it loads (WeChat's on-demand injection; issue 17).
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy check: privacy APIs wait for the resident's agreement (app.ts, components/consent-panel.tsx).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: tokens.normal['color-bg'],
    navigationBarBackgroundColor: tokens.normal['color-primary'],
    navigationBarTitleText: '便民服务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: tokens.normal['color-muted'],
    selectedColor: tokens.normal['color-primary'],
    backgroundColor: tokens.normal['color-card'],
    borderStyle: 'black',
    list: TAB_PAGES.map((name) => ({ pagePath: PAGES[name], ...tabs[name] })),
  },
})
