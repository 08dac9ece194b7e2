export default definePageConfig({
  navigationBarTitleText: '电话预约 / 代办',
})
