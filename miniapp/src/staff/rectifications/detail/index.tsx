import { useRouter } from '@tarojs/taro'
import { StaffPage } from '../../shell/staff-page'
import { RectificationCase } from '../parts/rect-view'

/** One 差评整改 case on its own page (a phone, or a link from the workbench or the audit log). */
export default function RectificationDetailPage () {
  return (
    <StaffPage title='整改详情' section='staffRectifications'>
      <RectificationCase id={useRouter().params.id ?? ''} />
    </StaffPage>
  )
}
