// useResource: one value loaded from the API, with loading / error state, reload and pull-to-refresh.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ApiError } from '@bianmin/shared'
import { errorMessage } from '@/api/client'

export interface ResourceOptions {
  /** 'show' (default): load every time the page shows (coming back from another page too); 'mount': once. */
  on?: 'show' | 'mount'
  /** Load only while true (e.g. until a route param is known). */
  enabled?: boolean
}

export interface Resource<T> {
  data: T | undefined
  /** True while a load runs (also a reload with data already on screen). */
  loading: boolean
  /** The failure's message for the user ('' when none). */
  error: string
  /** The thing is not there (404: withdrawn, deleted, or not the caller's): say so, 重试 cannot help. */
  notFound: boolean
  /** Loads again (重试, after an action); resolves when done, never throws. */
  reload: () => Promise<void>
  /** Replace the data locally (optimistic updates). */
  setData: (update: T | ((prev: T | undefined) => T | undefined)) => void
}

/**
 * Loads `load()` when the page shows (or once), again when `deps` change, on pull-down (`Taro.stopPullDownRefresh`
 * when it is over) and on `reload()`. A result that arrives after a newer load started is dropped.
 */
export function useResource<T> (load: () => Promise<T>, deps: DependencyList, opts: ResourceOptions = {}): Resource<T> {
  const { on = 'show', enabled = true } = opts
  const [data, setData] = useState<T | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [notFound, setNotFound] = useState(false)
  const seq = useRef(0)
  const latest = useRef(load)
  latest.current = load

  const reload = useCallback(async () => {
    if (!enabled) return
    const mine = ++seq.current
    setLoading(true)
    setError('')
    setNotFound(false)
    try {
      const value = await latest.current()
      if (mine === seq.current) setData(() => value)
    } catch (e) {
      if (mine === seq.current) { setError(errorMessage(e)); setNotFound(e instanceof ApiError && e.status === 404) }
    } finally {
      if (mine === seq.current) setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [enabled])

  const mounted = useRef(false)
  useEffect(() => {
    // 'show' pages load from useDidShow on their first show; later dependency changes load here.
    if (!mounted.current) {
      mounted.current = true
      if (on === 'show') return
    }
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled])
  useDidShow(() => { if (on === 'show') void reload() })
  usePullDownRefresh(() => { void reload() })

  return { data, loading, error, notFound, reload, setData }
}
