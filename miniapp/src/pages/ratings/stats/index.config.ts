export default definePageConfig({
  navigationBarTitleText: '评价公示',
})
