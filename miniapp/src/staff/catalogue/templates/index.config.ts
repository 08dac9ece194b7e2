export default definePageConfig({ navigationBarTitleText: '时段模板与生成' })
