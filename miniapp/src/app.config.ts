// Relative import: Taro reads this file at build time, outside the workspace's package resolution.
import { hallPackagePages, staffPackagePages } from '../../shared/src/pages'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/services/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/consultations/index/index',
    'pages/consultations/new/index',
    'pages/consultations/detail/index',
    'pages/consultations/public/index',
    'pages/notices/list/index',
    'pages/notices/detail/index',
    'pages/services/detail/index',
    'pages/appointments/book/index',
    'pages/appointments/list/index',
    'pages/appointments/detail/index',
    'pages/home-visits/index/index',
    'pages/ratings/rate/index',
    'pages/ratings/mine/index',
    'pages/ratings/detail/index',
    'pages/ratings/stats/index',
    'pages/disclosures/index/index',
    'pages/disclosures/apply/index',
    'pages/disclosures/detail/index',
    'pages/privacy/index',
    'pages/hall/take/index',
    'pages/hall/tickets/index',
  ],
  subPackages: [
    // Staff section: loaded only when a staff member opens it. Its pages come from the page table (shared/src/pages.ts).
    { root: 'staff', pages: staffPackagePages() },
    // Hall devices (叫号屏 on a TV, 评价器 on a counter tablet): H5 pages, no resident session.
    { root: 'hall', pages: hallPackagePages() },
  ],
  // WeChat's privacy check: privacy APIs wait for the resident's agreement (app.ts, components/consent-panel.tsx).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#1a5fd0',
    navigationBarTitleText: '便民服务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#1a5fd0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tabbar/services.png', selectedIconPath: 'assets/tabbar/services-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tabbar/messages.png', selectedIconPath: 'assets/tabbar/messages-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
})
