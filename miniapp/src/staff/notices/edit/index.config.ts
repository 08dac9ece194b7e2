export default definePageConfig({
  navigationBarTitleText: '编辑信息',
})
