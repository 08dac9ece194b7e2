export default definePageConfig({
  navigationBarTitleText: '服务评价',
  navigationStyle: 'custom',
})
