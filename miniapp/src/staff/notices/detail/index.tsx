import { useRouter } from '@tarojs/taro'
import { StaffPage } from '../../shell/staff-page'
import { NoticeView } from '../notice-view'

/** One notice on its own page (a phone, or after saving the form). */
export default function StaffNoticeDetailPage () {
  const { params } = useRouter()
  return (
    <StaffPage title='信息详情' section='staffNotices'>
      <NoticeView id={params.id ?? ''} page />
    </StaffPage>
  )
}
