import { afterEach, describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { createPrefsStore, systemPrefersLargeText } from './prefs'
import type { KeyValueStore } from '@/api/storage'

const memory = (): KeyValueStore => {
  const m = new Map<string, string>()
  return { get: (k) => m.get(k) ?? '', set: (k, v) => { m.set(k, v) }, remove: (k) => { m.delete(k) } }
}

describe('长辈模式 preference', () => {
  afterEach(() => { vi.unstubAllEnvs() })

  it('follows a large system font until the resident chooses', () => {
    const prefs = createPrefsStore(memory(), () => true)
    expect(prefs.getElderMode()).toBe(true)
    // An account without 长辈模式 does not switch off what the phone asks for.
    prefs.adoptElderMode(false)
    expect(prefs.getElderMode()).toBe(true)
    prefs.setElderMode(false)
    expect(createPrefsStore(memory(), () => true).getElderMode()).toBe(true)
    expect(prefs.getElderMode()).toBe(false)
  })

  it('keeps the device choice over the system font and the account', () => {
    const storage = memory()
    createPrefsStore(storage, () => false).setElderMode(false)
    const again = createPrefsStore(storage, () => true)
    again.adoptElderMode(true)
    expect(again.getElderMode()).toBe(false)
  })

  it('takes the account preference on a device that never chose', () => {
    const prefs = createPrefsStore(memory(), () => false)
    const seen: boolean[] = []
    prefs.subscribe((on) => seen.push(on))
    prefs.adoptElderMode(true)
    expect(prefs.getElderMode()).toBe(true)
    expect(seen).toEqual([true])
  })

  it('reads WeChat\'s font size setting on weapp only (20 px and up counts as large)', () => {
    const info = vi.fn(() => ({ fontSizeSetting: 20 }))
    Object.assign(Taro, { getSystemInfoSync: info })
    expect(systemPrefersLargeText()).toBe(false)
    vi.stubEnv('TARO_ENV', 'weapp')
    expect(systemPrefersLargeText()).toBe(true)
    info.mockReturnValue({ fontSizeSetting: 17 })
    expect(systemPrefersLargeText()).toBe(false)
    info.mockImplementation(() => { throw new Error('not supported') })
    expect(systemPrefersLargeText()).toBe(false)
  })
})
