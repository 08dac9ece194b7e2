export default definePageConfig({
  navigationBarTitleText: '咨询答复公开',
  enablePullDownRefresh: true,
})
