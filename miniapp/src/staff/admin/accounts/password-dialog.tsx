import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

interface Props {
  title: string
  who: string
  password: string
  onClose: () => void
}

/** Shows a one-time password once, with a copy button. */
export function PasswordDialog ({ title, who, password, onClose }: Props) {
  const copy = () => {
    Taro.setClipboardData({ data: password })
      .then(() => Taro.showToast({ title: '密码已复制', icon: 'none' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }))
  }
  return (
    <View className='wb-dialog' data-testid='password-dialog'>
      <View className='wb-dialog__box'>
        <Text className='wb-dialog__title'>{title}</Text>
        <Text className='wb-dialog__text'>{who}的登录密码：</Text>
        <Text className='wb-dialog__secret' selectable userSelect data-testid='one-time-password'>{password}</Text>
        <Text className='wb-dialog__text'>这个密码只显示这一次。请复制或抄下来，当面交给本人；本人第一次登录后需要修改密码。</Text>
        <View className='wb-dialog__actions'>
          <Button className='bm-button' onClick={copy} data-testid='password-copy'>复制密码</Button>
          <Button className='bm-button bm-button--primary' onClick={onClose} data-testid='password-close'>我已记下</Button>
        </View>
      </View>
    </View>
  )
}
