export default definePageConfig({
  navigationBarTitleText: '整改详情',
})
