import { Image, Text, View } from '@tarojs/components'
import { alt } from '@/components/a11y'
import Taro from '@tarojs/taro'
import type { UploadView } from '@bianmin/shared'
import { timeText } from './consultation.format'
import { fileUrl } from './consultation.upload'
import './consultation.scss'

interface Message { id: string; authorType: 'RESIDENT' | 'STAFF'; authorName: string | null; content: string; createdAt: string }

/** Thumbnails; a tap opens the full-size preview. */
export function ImageGrid ({ images }: { images: UploadView[] }) {
  if (!images.length) return null
  const urls = images.map((i) => fileUrl(i.url))
  return (
    <View className='cs-images' data-testid='cs-images'>
      {urls.map((u) => (
        <Image key={u} className='cs-images__item' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: u })} {...alt(`留言图片 ${urls.indexOf(u) + 1}，点击查看大图`)} />
      ))}
    </View>
  )
}

/** The conversation after the question: answers on the left, the resident's follow-ups on the right. */
export function Thread ({ messages, residentLabel = '我' }: { messages: Message[]; residentLabel?: string }) {
  if (!messages.length) return null
  return (
    <View className='cs-thread' data-testid='cs-thread'>
      {messages.map((m) => (
        <View key={m.id} className={`cs-msg cs-msg--${m.authorType === 'STAFF' ? 'staff' : 'resident'}`} data-testid={`cs-msg-${m.authorType.toLowerCase()}`}>
          <Text className='cs-msg__who'>{`${m.authorType === 'STAFF' ? (m.authorName ?? '工作人员') + ' 答复' : residentLabel} · ${timeText(m.createdAt)}`}</Text>
          <Text className='cs-msg__body' userSelect>{m.content}</Text>
        </View>
      ))}
    </View>
  )
}

/** Status pill: 待受理 / 办理中 / 已答复 / 已办结. */
export function StatusTag ({ status, label }: { status: string; label: string }) {
  return <Text className={`cs-tag cs-tag--${status.toLowerCase()}`}>{label}</Text>
}
