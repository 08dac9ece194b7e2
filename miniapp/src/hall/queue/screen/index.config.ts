export default definePageConfig({
  navigationBarTitleText: '叫号屏',
  navigationStyle: 'custom',
})
