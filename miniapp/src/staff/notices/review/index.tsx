import { StaffNoticeList, type Tab } from '../staff-notice-list'

const tabs: Tab[] = [
  { key: 'PENDING_REVIEW', label: '待审核', status: 'PENDING_REVIEW' },
  { key: 'PUBLISHED', label: '已发布', status: 'PUBLISHED' },
  { key: 'REJECTED', label: '已退回', status: 'REJECTED' },
  { key: 'WITHDRAWN', label: '已撤回', status: 'WITHDRAWN' },
]

/** Reviewers: the queue of notices awaiting 保密审查, and published ones (to withdraw). */
export default function StaffNoticeReviewPage () {
  return <StaffNoticeList title='信息审核' page='staffNoticeReview' tabs={tabs} empty='没有待审核的信息' />
}
