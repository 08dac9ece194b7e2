// Staff lists as tables: columns, sorting where it helps, a row opens its record (click, or Tab + Enter on the
// row's link). At ≥ 1024 px a real grid with a header row; on a phone each row is a compact card (shell.scss).
import { useMemo, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { aria } from '@/components/a11y'

export interface Column<T> {
  key: string
  title: string
  /** The cell; the first column's cell is the row's link (its name for screen readers). */
  render: (row: T) => ReactNode
  /** Sortable: compares two rows (ascending). */
  sort?: (a: T, b: T) => number
  /** CSS grid track, e.g. '2fr', '120px' (default '1fr'). */
  width?: string
  /** Right-aligned numbers. */
  numeric?: boolean
}

export interface DataTableProps<T> {
  /** What the table lists, for screen readers (e.g. '咨询列表'). */
  label: string
  columns: Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  onRowClick?: (row: T) => void
  /** The row shown beside the list (list + detail). */
  selectedKey?: string | null
  /** data-testid of every row (tests find rows by it), or one per row. */
  rowTestId?: string | ((row: T) => string)
  /** An extra class per row (e.g. an overdue one). */
  rowClass?: (row: T) => string
  /**
   * More about the row for screen readers, read after its name (the first column's text: a name must hold the visible
   * text, WCAG 2.5.3).
   */
  rowLabel?: (row: T) => string
}

type SortState = { key: string; dir: 1 | -1 } | null
const ariaSort = (s: SortState, key: string) => (s?.key !== key ? 'none' : s.dir === 1 ? 'ascending' : 'descending')

export function DataTable<T> ({ label, columns, rows, rowKey, onRowClick, selectedKey, rowTestId, rowClass, rowLabel }: DataTableProps<T>) {
  const [sort, setSort] = useState<SortState>(null)
  const template = columns.map((c) => c.width ?? '1fr').join(' ')
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key)
    if (!col?.sort) return rows
    return [...rows].sort((a, b) => col.sort!(a, b) * sort!.dir)
  }, [rows, sort, columns])
  const toggle = (key: string) => setSort((s) => (s?.key === key ? (s.dir === 1 ? { key, dir: -1 } : null) : { key, dir: 1 }))

  return (
    <View className='staff-table' {...aria('table', { 'aria-label': label, 'aria-rowcount': rows.length + 1 })}>
      <View className='staff-table__head' {...aria('row')} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <View key={c.key} className={`staff-table__th${c.numeric ? ' staff-table__cell--num' : ''}`} {...aria('columnheader', { 'aria-sort': ariaSort(sort, c.key) })}>
            {c.sort
              ? (
                <Text className='staff-table__sort' {...aria('button', { 'aria-label': `按${c.title}排序` })} onClick={() => toggle(c.key)} data-testid={`sort-${c.key}`}>
                  {c.title}{sort?.key === c.key ? (sort.dir === 1 ? ' ↑' : ' ↓') : ' ↕'}
                </Text>
                )
              : <Text>{c.title}</Text>}
          </View>
        ))}
      </View>
      {sorted.map((row) => {
        const key = rowKey(row)
        const cls = ['staff-table__row', onRowClick ? 'staff-table__row--link' : '', key === selectedKey ? 'staff-table__row--on' : '', rowClass?.(row) ?? '']
        return (
          <View key={key} className={cls.filter(Boolean).join(' ')} {...aria('row', key === selectedKey ? { 'aria-selected': true } : {})}
            style={{ gridTemplateColumns: template }} hoverClass={onRowClick ? 'staff-table__row--active' : 'none'}
            onClick={onRowClick ? () => onRowClick(row) : undefined} data-testid={typeof rowTestId === 'function' ? rowTestId(row) : rowTestId}>
            {columns.map((c, i) => (
              <View key={c.key} className={`staff-table__cell staff-table__cell--${c.key}${c.numeric ? ' staff-table__cell--num' : ''}`} {...aria('cell')}>
                {i === 0 && onRowClick
                  ? <View className='staff-table__link' {...aria('link', rowLabel ? { 'aria-description': rowLabel(row) } : {})}>{c.render(row)}</View>
                  : c.render(row)}
              </View>
            ))}
          </View>
        )
      })}
    </View>
  )
}
