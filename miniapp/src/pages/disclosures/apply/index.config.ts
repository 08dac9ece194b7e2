export default definePageConfig({
  navigationBarTitleText: '申请公开政府信息',
})
