import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'

export default function MessagesPage () {
  return (
    <PageRoot className='messages'>
      <PageState status='empty' title='消息提醒即将开放' description='预约成功、办理提醒、咨询答复等消息，以后都会显示在这里。' />
    </PageRoot>
  )
}
