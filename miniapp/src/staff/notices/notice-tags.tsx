// A staff notice's status as a tag (list and detail).
import { noticeStatusLabels, type NoticeStatus } from '@bianmin/shared'
import { StatusTag, type StatusMap } from '@/kit'

const tones: StatusMap<NoticeStatus> = {
  DRAFT: { label: noticeStatusLabels.DRAFT, tone: 'muted' },
  PENDING_REVIEW: { label: noticeStatusLabels.PENDING_REVIEW, tone: 'warning' },
  PUBLISHED: { label: noticeStatusLabels.PUBLISHED, tone: 'success' },
  REJECTED: { label: noticeStatusLabels.REJECTED, tone: 'danger' },
  WITHDRAWN: { label: noticeStatusLabels.WITHDRAWN, tone: 'muted' },
}

export const NoticeStatusTag = ({ status, testId }: { status: NoticeStatus; testId?: string }) => <StatusTag map={tones} status={status} testId={testId} />
