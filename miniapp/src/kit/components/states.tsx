// Page states on top of the hooks: Loaded (a resource's loading / error / empty / content), PagedFooter (a paged
// list's states and 加载更多), EmptyState, and Action (the app's button).
import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { PageState } from '@/components/page-state'
import { aria } from '@/components/a11y'
import type { Resource } from '../hooks/use-resource'
import type { Page, PagedList } from '../hooks/use-paged-list'
import '../styles/kit.scss'

export interface ActionProps {
  children: ReactNode
  onClick?: () => void
  kind?: 'primary' | 'danger' | 'default'
  block?: boolean
  /** Busy: disabled, and `busyText` (if given) instead of the label. */
  busy?: boolean
  busyText?: string
  disabled?: boolean
  openType?: 'share' | 'contact' | 'agreePrivacyAuthorization'
  className?: string
  testId?: string
}

/** A button in the app's look (`bm-button`), a finger tall in every theme. */
export function Action ({ children, onClick, kind = 'default', block, busy, busyText, disabled, openType, className, testId }: ActionProps) {
  const off = Boolean(busy || disabled)
  const cls = ['bm-button', kind !== 'default' ? `bm-button--${kind}` : '', block ? 'bm-button--block' : '', off ? 'bm-button--disabled' : '', className].filter(Boolean).join(' ')
  return <Button className={cls} disabled={off} openType={openType} onClick={onClick} data-testid={testId}>{busy && busyText ? busyText : children}</Button>
}

/** Buttons side by side, sharing the width. */
export const Actions = ({ children, column }: { children?: ReactNode; column?: boolean }) =>
  <View className={column ? 'bm-actions bm-actions--column' : 'bm-actions'}>{children}</View>

export interface EmptyProps { title?: string; description?: string; action?: { label: string; onClick: () => void; testId?: string } }

/** Nothing to show: a line, an explanation and (optionally) the one thing to do next. */
export function EmptyState ({ title, description, action }: EmptyProps) {
  return (
    <View>
      <PageState status='empty' title={title} description={description} />
      {action && <View className='bm-card'><Action kind='primary' block onClick={action.onClick} testId={action.testId}>{action.label}</Action></View>}
    </View>
  )
}

/**
 * A resource's states: loading (only before the first data), error with 重试 (a 404 says the thing is not there,
 * without 重试), empty (`isEmpty`), else `children(data)`.
 */
export function Loaded<T> ({ resource: r, children, empty, isEmpty, loadingTitle, errorDescription, notFoundDescription = '它可能已被撤回或删除，或链接有误。' }: {
  resource: Resource<T>; children: (data: T) => ReactNode; empty?: EmptyProps; isEmpty?: (data: T) => boolean; loadingTitle?: string; errorDescription?: string
  notFoundDescription?: string
}) {
  if (r.error && !r.loading && r.notFound) return <PageState status='empty' title={r.error} description={notFoundDescription} />
  if (r.error && !r.loading) return <PageState status='error' title={r.error} description={errorDescription} onRetry={() => void r.reload()} />
  if (r.data === undefined) return r.loading ? <PageState status='loading' title={loadingTitle} /> : null
  if (isEmpty?.(r.data) && !r.loading) return <EmptyState {...empty} />
  return <>{children(r.data)}</>
}

/**
 * Under a paged list: loading, error with 重试, empty; then 加载更多 (also on reaching the bottom), its failure in place,
 * and 没有更多了 at the end.
 */
export function PagedFooter<T> ({ list: l, empty, endText = '没有更多了' }: { list: PagedList<T, Page<T>>; empty?: EmptyProps; endText?: string | null }) {
  if (l.loading && l.items.length === 0) return <PageState status='loading' />
  if (l.error && !l.loading) return <PageState status='error' title={l.error} onRetry={() => void l.refresh()} />
  if (l.items.length === 0) return l.loading ? null : <EmptyState {...empty} />
  return (
    <View className='bm-more'>
      {l.moreError && <Text className='bm-form-error' {...aria('alert')} data-testid='load-more-error'>{`${l.moreError}，请再点一次“加载更多”`}</Text>}
      {l.hasMore
        ? <Action block busy={l.loadingMore} busyText='正在加载…' onClick={() => void l.loadMore()} testId='load-more'>加载更多</Action>
        : endText && <Text className='bm-more__end'>{endText}</Text>}
    </View>
  )
}

/** Filter chips: one button per option, the chosen one marked (aria-pressed); `columns` lays them out in a grid. */
export function Chips<K extends string> ({ options, value, onChange, columns, testId }: {
  options: readonly { key: K; label: string }[]; value: K; onChange: (k: K) => void; columns?: number; testId?: (k: K) => string
}) {
  return (
    <View className={columns ? `bm-chips bm-chips--grid bm-chips--${columns}` : 'bm-chips'}>
      {options.map((o) => (
        <Button key={o.key} className={`bm-button bm-chip${o.key === value ? ' bm-chip--on' : ''}`} aria-pressed={o.key === value}
          onClick={() => onChange(o.key)} data-testid={testId?.(o.key)}>{o.label}</Button>
      ))}
    </View>
  )
}
