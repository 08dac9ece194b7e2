// usePagedList: a cursor-paged list ({ items, nextCursor }) with refresh, pull-to-refresh and infinite scroll.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { errorMessage } from '@/api/client'

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface PagedList<T, P extends Page<T> = Page<T>> {
  items: T[]
  /** The last page answered (for extra fields such as `unread`). */
  last: P | undefined
  /** First page loading (refresh). */
  loading: boolean
  /** First page failed: shown instead of the list, with 重试 (`refresh`). */
  error: string
  /** A further page is loading. */
  loadingMore: boolean
  /** 加载更多 failed: said in place under the list; `loadMore` tries again. */
  moreError: string
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  /** Change items locally (mark read, remove …). */
  setItems: (update: (prev: T[]) => T[]) => void
}

export interface PagedListOptions {
  /** 'show' (default): reload the first page whenever the page shows; 'mount': once. */
  on?: 'show' | 'mount'
  enabled?: boolean
}

/**
 * `fetchPage(cursor)` answers one page. The first page loads on show (or mount), when `deps` change and on pull-down;
 * reaching the bottom (or 加载更多) appends the next one. Answers of an older refresh are dropped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function usePagedList<P extends Page<any>, T = P['items'][number]> (
  fetchPage: (cursor: string | undefined) => Promise<P>, deps: DependencyList, opts: PagedListOptions = {},
): PagedList<T, P> {
  const { on = 'show', enabled = true } = opts
  const [items, setItemsState] = useState<T[]>([])
  const [last, setLast] = useState<P | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState('')
  const seq = useRef(0)
  const cursor = useRef<string | null>(null)
  const busyMore = useRef(false)
  const latest = useRef(fetchPage)
  latest.current = fetchPage

  const refresh = useCallback(async () => {
    if (!enabled) return
    const mine = ++seq.current
    setLoading(true)
    setError('')
    setMoreError('')
    try {
      const page = await latest.current(undefined)
      if (mine !== seq.current) return
      cursor.current = page.nextCursor
      setItemsState(page.items)
      setLast(page)
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e))
    } finally {
      if (mine === seq.current) setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [enabled])

  const loadMore = useCallback(async () => {
    const after = cursor.current
    if (!after || busyMore.current) return
    busyMore.current = true
    const mine = seq.current
    setLoadingMore(true)
    setMoreError('')
    try {
      const page = await latest.current(after)
      if (mine !== seq.current) return
      cursor.current = page.nextCursor
      setItemsState((prev) => [...prev, ...page.items])
      setLast(page)
    } catch (e) {
      if (mine === seq.current) setMoreError(errorMessage(e))
    } finally {
      busyMore.current = false
      setLoadingMore(false)
    }
  }, [])

  const mounted = useRef(false)
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true
      if (on === 'show') return
    }
    setItemsState([])
    cursor.current = null
    void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled])
  useDidShow(() => { if (on === 'show') void refresh() })
  usePullDownRefresh(() => { void refresh() })
  useReachBottom(() => { if (!loading && !error) void loadMore() })

  const setItems = useCallback((update: (prev: T[]) => T[]) => setItemsState(update), [])
  return { items, last, loading, error, loadingMore, moreError, hasMore: Boolean(cursor.current), refresh, loadMore, setItems }
}
