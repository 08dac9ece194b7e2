import { useRouter } from '@tarojs/taro'
import { StaffPage } from '../../shell/staff-page'
import { ConsultationCase } from './case-view'

/** One case on its own page (a phone, or a link from the workbench). */
export default function StaffConsultationDetail () {
  const { params } = useRouter()
  return (
    <StaffPage title='留言办理' section='staffConsultations'>
      <ConsultationCase id={params.id ?? ''} />
    </StaffPage>
  )
}
