// The hall's devices: the 叫号屏 (a TV, no sign-in) and the 评价器 (a tablet per window, signed in once by its clerk).
// On a desk browser the addresses are shown to type into the TV or tablet, and each opens in a new browser tab.
import { Text } from '@tarojs/components'
import { h5PageUrl, type PageName, type PageQuery } from '@bianmin/shared'
import { Action, Actions, InfoRow, Section, go } from '@/kit'

const isH5 = process.env.TARO_ENV === 'h5'
const address = (name: PageName, query?: PageQuery) => (isH5 ? h5PageUrl(window.location.origin, name, query) : '')

function open (name: PageName, query?: PageQuery) {
  if (isH5) window.open(address(name, query), '_blank', 'noopener')
  else go(name, query)
}

export function HallDevices ({ hallId }: { hallId: string }) {
  return (
    <Section title='大厅设备'>
      {isH5 && <InfoRow label='叫号屏地址' testId='device-screen-url'>{address('hallScreen', { id: hallId })}</InfoRow>}
      {isH5 && <InfoRow label='评价器地址' testId='device-rater-url'>{address('hallRater')}</InfoRow>}
      <Text className='cat-note'>叫号屏在电视上全屏打开（无需登录，不显示个人信息），开机后点一下屏幕开启语音播报；评价器在窗口平板上由该窗口工作人员登录一次并选择窗口。</Text>
      <Actions>
        <Action onClick={() => open('hallScreen', { id: hallId })} testId='device-open-screen'>打开叫号屏</Action>
        <Action onClick={() => open('hallRater')} testId='device-open-rater'>打开评价器</Action>
      </Actions>
    </Section>
  )
}
