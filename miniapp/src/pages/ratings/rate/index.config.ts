export default definePageConfig({
  navigationBarTitleText: '评价办事服务',
})
