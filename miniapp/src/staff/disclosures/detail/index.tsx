import { useRouter } from '@tarojs/taro'
import { StaffPage } from '../../shell/staff-page'
import { DisclosureCase } from './case-view'

/** One request on its own page (a phone, or a link from the workbench or the audit log). */
export default function StaffDisclosureDetailPage () {
  return (
    <StaffPage title='申请办理' section='staffDisclosures'>
      <DisclosureCase id={useRouter().params.id ?? ''} />
    </StaffPage>
  )
}
