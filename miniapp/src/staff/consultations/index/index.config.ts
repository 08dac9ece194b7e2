export default definePageConfig({
  navigationBarTitleText: '咨询待办',
  enablePullDownRefresh: true,
})
