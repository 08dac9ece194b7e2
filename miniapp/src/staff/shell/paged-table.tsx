// A paged list as a DataTable with its footer (loading, error with 重试, empty, 加载更多): the usual staff list.
import type { EmptyProps, Page, PagedList } from '@/kit'
import { PagedFooter } from '@/kit'
import { DataTable, type DataTableProps } from './data-table'

export type PagedTableProps<T> = Omit<DataTableProps<T>, 'rows'> & { list: PagedList<T, Page<T>>; empty: EmptyProps; endText?: string | null }

export function PagedTable<T> ({ list, empty, endText, ...table }: PagedTableProps<T>) {
  return (
    <>
      {list.items.length > 0 && <DataTable {...table} rows={list.items} />}
      <PagedFooter list={list} empty={empty} endText={endText} />
    </>
  )
}
