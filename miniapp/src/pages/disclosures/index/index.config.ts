export default definePageConfig({
  navigationBarTitleText: '依申请公开',
  enablePullDownRefresh: true,
})
