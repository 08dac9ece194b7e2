import { Button, View } from '@tarojs/components'
import { StaffNoticeList, type Tab } from '../staff-notice-list'
import { go } from '@/kit/nav'

const tabs: Tab[] = [
  { key: 'DRAFT', label: '草稿', status: 'DRAFT' },
  { key: 'REJECTED', label: '被退回', status: 'REJECTED' },
  { key: 'PENDING_REVIEW', label: '审核中', status: 'PENDING_REVIEW' },
  { key: 'PUBLISHED', label: '已发布', status: 'PUBLISHED' },
  { key: 'mine', label: '我起草的', mine: true },
]

/** Editors: drafts, rejected and pending notices of their org subtree; 新建 opens the form. */
export default function StaffNoticeListPage () {
  return (
    <StaffNoticeList tabs={tabs} empty='这里还没有信息' header={(
      <View className='nt-actions'>
        <Button className='bm-button bm-button--primary bm-button--block' onClick={() => void go('staffNoticeEdit')} data-testid='staff-notice-new'>
          新建信息
        </Button>
      </View>
    )} />
  )
}
