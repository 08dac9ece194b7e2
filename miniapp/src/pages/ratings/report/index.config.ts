export default definePageConfig({
  navigationBarTitleText: '好差评月报',
})
