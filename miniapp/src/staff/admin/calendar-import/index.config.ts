export default definePageConfig({ navigationBarTitleText: '导入节假日安排' })
