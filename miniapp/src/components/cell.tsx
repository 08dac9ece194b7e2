import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { aria } from './a11y'
import './cell.scss'

interface Props {
  title: string
  description?: string
  /** Right-hand content (e.g. a Switch); without it and with onClick an arrow is shown. */
  extra?: ReactNode
  onClick?: () => void
  testId?: string
}

/** One row of a list: title, optional description, and an action on the right. */
export function Cell ({ title, description, extra, onClick, testId }: Props) {
  return (
    <View className={`cell${onClick ? ' cell--link' : ''}`} hoverClass={onClick ? 'cell--active' : 'none'} onClick={onClick} data-testid={testId}
      {...(onClick ? aria('button', { 'aria-label': description ? `${title}，${description}` : title }) : {})}>
      <View className='cell__main'>
        <Text className='cell__title'>{title}</Text>
        {description && <Text className='cell__desc'>{description}</Text>}
      </View>
      {extra ?? (onClick ? <Text className='cell__arrow'>›</Text> : null)}
    </View>
  )
}

/** A titled white card holding cells. */
export function CellGroup ({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <View className='cell-group'>
      {title && <Text className='cell-group__title'>{title}</Text>}
      <View className='cell-group__body'>{children}</View>
    </View>
  )
}
