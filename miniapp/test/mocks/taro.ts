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
export const usePullDownRefresh = (_fn: () => void) => {}
export const stopPullDownRefresh = vi.fn()

export const request = vi.fn()
export const login = vi.fn()
export const navigateTo = vi.fn()
export const redirectTo = vi.fn()
export const switchTab = vi.fn()
export const showToast = vi.fn()
export const getStorageSync = vi.fn((key: string) => (memoryStorage.has(key) ? memoryStorage.get(key) : ''))
export const setStorageSync = vi.fn((key: string, value: unknown) => { memoryStorage.set(key, value) })
export const removeStorageSync = vi.fn((key: string) => { memoryStorage.delete(key) })

const Taro = {
  useLoad, useLaunch, useDidShow, useDidHide, useRouter, usePullDownRefresh, stopPullDownRefresh,
  request, login, navigateTo, redirectTo, switchTab, showToast, getStorageSync, setStorageSync, removeStorageSync,
}
export default Taro
