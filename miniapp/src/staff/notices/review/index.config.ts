export default definePageConfig({
  navigationBarTitleText: '信息审核',
  enablePullDownRefresh: true,
})
