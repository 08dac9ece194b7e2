export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/services/index',
    'pages/messages/index',
    'pages/mine/index',
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
  ],
  subPackages: [
    // Staff section: loaded only when a staff member opens it.
    { root: 'staff', pages: ['login/index', 'home/index', 'dashboard/index', 'report/index', 'admin/settings/index', 'admin/accounts/index', 'admin/calendar/index', 'appointments/today/index', 'appointments/slots/index', 'rectifications/index', 'rectifications/detail/index', 'appeals/index', 'disclosures/list/index', 'disclosures/detail/index'] },
  ],
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
