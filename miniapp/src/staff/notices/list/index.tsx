import { Action, go } from '@/kit'
import { StaffNoticeList, type Tab } from '../staff-notice-list'

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
    <StaffNoticeList title='信息发布' page='staffNotices' tabs={tabs} empty='这里还没有信息'
      actions={<Action kind='primary' onClick={() => go('staffNoticeEdit')} testId='staff-notice-new'>新建信息</Action>} />
  )
}
