import { Button, Text, View } from '@tarojs/components'
import './page-state.scss'

interface Props {
  status: 'loading' | 'empty' | 'error'
  /** Main line, e.g. the error message. */
  title?: string
  /** Smaller explanation below the title. */
  description?: string
  onRetry?: () => void
}

const defaults = { loading: '正在加载，请稍候…', empty: '暂时没有内容', error: '加载失败，请稍后再试' }

/** Loading, empty and error placeholder, with a 重试 button for errors. */
export function PageState ({ status, title, description, onRetry }: Props) {
  return (
    <View className={`page-state page-state--${status}`} data-testid={`page-state-${status}`}>
      {status === 'loading' && <View className='page-state__spinner' />}
      <Text className='page-state__title'>{title ?? defaults[status]}</Text>
      {description && <Text className='page-state__desc'>{description}</Text>}
      {status === 'error' && onRetry && (
        <View className='page-state__actions'>
          <Button className='bm-button bm-button--primary page-state__retry' onClick={onRetry}>重试</Button>
        </View>
      )}
    </View>
  )
}
