export default definePageConfig({
  navigationBarTitleText: '信息详情',
})
