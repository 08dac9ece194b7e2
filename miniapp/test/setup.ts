import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import * as taro from './mocks/taro'

beforeEach(() => {
  taro.memoryStorage.clear()
})

afterEach(() => {
  cleanup()
  for (const fn of [taro.request, taro.login, taro.navigateTo, taro.redirectTo, taro.switchTab, taro.reLaunch, taro.showToast, taro.stopPullDownRefresh]) fn.mockReset()
  for (const fn of [taro.getStorageSync, taro.setStorageSync, taro.removeStorageSync]) fn.mockClear()
})
