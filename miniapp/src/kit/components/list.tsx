// List / ListItem (rows in a card), Section (a titled block), Card.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { aria } from '@/components/a11y'
import '../styles/kit.scss'

/** A titled group of rows in one white card. */
export function List ({ title, children, testId }: { title?: string; children?: ReactNode; testId?: string }) {
  return (
    <View className='bm-list' data-testid={testId}>
      {title && <Text className='bm-list__title'>{title}</Text>}
      <View className='bm-list__body'>{children}</View>
    </View>
  )
}

interface ItemProps {
  title: ReactNode
  description?: ReactNode
  /** Tags and small facts above the title. */
  meta?: ReactNode
  /** Right-hand content (a Switch, a count); without it a tappable row shows an arrow. */
  extra?: ReactNode
  onClick?: () => void
  role?: 'button' | 'link'
  testId?: string
  children?: ReactNode
}

/**
 * One row: meta line, title, description, an action on the right; a button or link when tappable, named by what it
 * shows (no separate aria-label: a screen reader's name must contain the visible text, WCAG 2.5.3).
 */
export function ListItem ({ title, description, meta, extra, onClick, role = 'button', testId, children }: ItemProps) {
  return (
    <View className={`bm-row${onClick ? ' bm-row--link' : ''}`} hoverClass={onClick ? 'bm-row--active' : 'none'} onClick={onClick} data-testid={testId}
      {...(onClick ? aria(role) : {})}>
      <View className='bm-row__main'>
        {meta && <View className='bm-row__meta'>{meta}</View>}
        <Text className='bm-row__title'>{title}</Text>
        {description && <Text className='bm-row__desc'>{description}</Text>}
        {children}
      </View>
      {extra ?? (onClick ? <Text className='bm-row__arrow' {...aria('presentation', { 'aria-hidden': true })}>›</Text> : null)}
    </View>
  )
}

/** A white card; a tappable card is a link named by its content (WCAG 2.5.3: the name holds the visible text). */
export function Card ({ children, onClick, testId, className }: { children?: ReactNode; onClick?: () => void; testId?: string; className?: string }) {
  return (
    <View className={['bm-card', className].filter(Boolean).join(' ')} hoverClass={onClick ? 'bm-card--active' : 'none'} onClick={onClick} data-testid={testId}
      {...(onClick ? aria('link') : {})}>
      {children}
    </View>
  )
}

/** A titled block of the page (a heading, then its content), in a card unless `plain`. */
export function Section ({ title, extra, children, plain, testId }: { title?: string; extra?: ReactNode; children?: ReactNode; plain?: boolean; testId?: string }) {
  return (
    <View className={plain ? 'bm-section' : 'bm-card bm-section'} data-testid={testId}>
      {(title || extra) && (
        <View className='bm-section__head'>
          {title && <Text className='bm-section__title' {...aria('heading', { 'aria-level': 2 })}>{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  )
}

/** Label : value lines of a detail page. */
export function InfoRow ({ label, children, testId }: { label: string; children?: ReactNode; testId?: string }) {
  return (
    <View className='bm-info'>
      <Text className='bm-info__label'>{label}</Text>
      <Text className='bm-info__value' data-testid={testId}>{children}</Text>
    </View>
  )
}
