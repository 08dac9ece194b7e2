// 页面不存在: where the H5 router sends an address that names no page (app.ts, Taro.onPageNotFound), with a way home.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { isStaffPage, pageNameOf } from '@bianmin/shared'
import { Action, EmptyState, PageRoot, relaunch } from '@/kit'

export default function NotFoundPage () {
  const asked = useRouter().params.path ?? ''
  // An old or mistyped staff address leads to the workbench, anything else to 首页.
  const staff = asked.replace(/^\/+/, '').startsWith('staff/') || (pageNameOf(asked) ? isStaffPage(pageNameOf(asked)!) : false)
  return (
    <PageRoot>
      <EmptyState title='页面不存在' description={`您打开的地址${asked ? `（${decodeURIComponent(asked)}）` : ''}没有对应的页面，可能链接有误或页面已调整。`} />
      <View className='bm-card'>
        <Action kind='primary' block onClick={() => relaunch(staff ? 'staffHome' : 'home')} testId='not-found-home'>{staff ? '返回工作台' : '返回首页'}</Action>
      </View>
    </PageRoot>
  )
}
