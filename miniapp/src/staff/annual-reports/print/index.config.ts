export default definePageConfig({ navigationBarTitleText: '年度报告打印预览' })
