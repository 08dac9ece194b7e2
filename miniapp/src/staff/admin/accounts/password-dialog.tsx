import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Action, Actions, Section } from '@/kit'

interface Props { title: string; who: string; password: string; onClose: () => void }

/** Shows a one-time password once, with a copy button. */
export function PasswordDialog ({ title, who, password, onClose }: Props) {
  const copy = () => {
    Taro.setClipboardData({ data: password })
      .then(() => Taro.showToast({ title: '密码已复制', icon: 'none' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }))
  }
  return (
    <Section title={title} testId='password-dialog'>
      <Text className='staff-case__line'>{`${who}的登录密码：`}</Text>
      <Text className='staff-case__title staff-secret' selectable userSelect data-testid='one-time-password'>{password}</Text>
      <Text className='staff-case__line'>这个密码只显示这一次。请复制或抄下来，当面交给本人；本人第一次登录后需要修改密码。</Text>
      <Actions>
        <Action onClick={copy} testId='password-copy'>复制密码</Action>
        <Action kind='primary' onClick={onClose} testId='password-close'>我已记下</Action>
      </Actions>
    </Section>
  )
}
