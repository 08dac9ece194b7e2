// Minimal stand-in for @tarojs/taro: lifecycle hooks run like effects, storage is in memory,
// APIs are vi.fn() for tests to program (see test/setup.ts for the reset between tests).
import { useEffect } from 'react'
import { vi } from 'vitest'

export const memoryStorage = new Map<string, unknown>()

export const useLoad = (fn: (params: Record<string, string>) => void) => { useEffect(() => { fn({}) }, []) }
export const useLaunch = (fn: () => void) => { useEffect(() => { fn() }, []) }
export const useDidShow = (fn: () => void) => { useEffect(() => { fn() }, []) }
export const useDidHide = (_fn: () => void) => {}
export const useRouter = () => ({ params: {}, path: '/pages/index/index' })
/** Page events a test can fire (`firePageEvent('pullDownRefresh')`): handlers registered by the hooks below. */
const pageHandlers = { pullDownRefresh: new Set<() => void>(), reachBottom: new Set<() => void>() }
const onPageEvent = (kind: keyof typeof pageHandlers, fn: () => void) => {
  useEffect(() => {
    const h = () => fn()
    pageHandlers[kind].add(h)
    return () => { pageHandlers[kind].delete(h) }
  })
}
export const firePageEvent = (kind: keyof typeof pageHandlers) => { for (const h of [...pageHandlers[kind]]) h() }
export const usePullDownRefresh = (fn: () => void) => onPageEvent('pullDownRefresh', fn)
export const useReachBottom = (fn: () => void) => onPageEvent('reachBottom', fn)
export const stopPullDownRefresh = vi.fn()

export const request = vi.fn()
export const login = vi.fn()
export const navigateTo = vi.fn()
export const redirectTo = vi.fn()
export const switchTab = vi.fn()
export const reLaunch = vi.fn()
export const showToast = vi.fn()
export const getStorageSync = vi.fn((key: string) => (memoryStorage.has(key) ? memoryStorage.get(key) : ''))
export const setStorageSync = vi.fn((key: string, value: unknown) => { memoryStorage.set(key, value) })
export const removeStorageSync = vi.fn((key: string) => { memoryStorage.delete(key) })

const Taro = {
  useLoad, useLaunch, useDidShow, useDidHide, useRouter, usePullDownRefresh, useReachBottom, stopPullDownRefresh,
  request, login, navigateTo, redirectTo, switchTab, reLaunch, showToast, getStorageSync, setStorageSync, removeStorageSync,
}
export default Taro
