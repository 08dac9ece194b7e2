import { describe, expect, it, vi } from 'vitest'
import { ApiError, CONSENT_REQUIRED } from '@bianmin/shared'
import { createConsentStore } from './consent'

const port = (accepted: string | null, version = '2026-11') => ({
  fetch: vi.fn(async () => ({ version, accepted })),
  accept: vi.fn(async (_v: string) => undefined),
})

describe('privacy consent store', () => {
  it('asks a resident who has not accepted the current version, once per run', async () => {
    const p = port(null)
    const s = createConsentStore(p)
    await Promise.all([s.ensureLoaded(), s.ensureLoaded()])
    expect(p.fetch).toHaveBeenCalledTimes(1)
    expect(s.get()).toMatchObject({ status: 'needed', version: '2026-11', acceptedVersion: null })
    expect(await s.accept()).toBe(true)
    expect(p.accept).toHaveBeenCalledWith('2026-11')
    expect(s.get()).toMatchObject({ status: 'accepted', acceptedVersion: '2026-11' })
  })

  it('says it is loading until the first answer, also when that fails (pages hold content back meanwhile)', async () => {
    const s = createConsentStore(port(null))
    expect(s.get()).toMatchObject({ status: 'unknown', loading: true })
    const first = s.ensureLoaded()
    expect(s.get()).toMatchObject({ status: 'unknown', loading: true })
    await first
    expect(s.get()).toMatchObject({ status: 'needed', loading: false })
    const failing = createConsentStore({ fetch: vi.fn(async () => { throw new Error('offline') }), accept: vi.fn() })
    await failing.ensureLoaded()
    expect(failing.get()).toMatchObject({ status: 'unknown', loading: false })
  })

  it('asks again when the accepted version is outdated', async () => {
    const s = createConsentStore(port('2025-01'))
    await s.ensureLoaded()
    expect(s.get().status).toBe('needed')
  })

  it('a version that changed while reading: shows the new one and keeps asking', async () => {
    const p = port(null)
    p.accept.mockRejectedValueOnce(new ApiError(409, 'CONFLICT', '隐私政策已更新', { currentVersion: '2027-01' }))
    const s = createConsentStore(p)
    await s.ensureLoaded()
    expect(await s.accept()).toBe(false)
    expect(s.get()).toMatchObject({ status: 'needed', version: '2027-01' })
    expect(s.get().error).toContain('更新')
    expect(await s.accept()).toBe(true)
    expect(p.accept).toHaveBeenLastCalledWith('2027-01')
  })

  it('remembers 不同意 for this run, and turns a server refusal into a request for consent', async () => {
    const s = createConsentStore(port('2026-11'))
    await s.ensureLoaded()
    expect(s.get().status).toBe('accepted')
    s.noteError(new ApiError(403, 'FORBIDDEN', '没有权限'))
    expect(s.get().status).toBe('accepted')
    s.noteError(new ApiError(403, 'FORBIDDEN', '请先阅读并同意隐私政策', { reason: CONSENT_REQUIRED, currentVersion: '2027-01' }))
    expect(s.get()).toMatchObject({ status: 'needed', version: '2027-01' })
    s.decline()
    expect(s.get().status).toBe('declined')
    s.reconsider()
    expect(s.get().status).toBe('needed')
    s.reset()
    expect(s.get().status).toBe('unknown')
  })

  it('stays unknown when it cannot load (the server still guards personal data)', async () => {
    const p = port(null)
    p.fetch.mockRejectedValueOnce(new ApiError(0, 'NETWORK', '网络连接失败'))
    const s = createConsentStore(p)
    await s.ensureLoaded()
    expect(s.get().status).toBe('unknown')
    await s.ensureLoaded()
    expect(s.get().status).toBe('needed')
  })
})

describe('不同意 on this device', () => {
  it('is remembered for that version only, and forgotten on 同意', async () => {
    const m = new Map<string, string>()
    const storage = { get: (k: string) => m.get(k) ?? '', set: (k: string, v: string) => { m.set(k, v) }, remove: (k: string) => { m.delete(k) } }
    const first = createConsentStore(port(null), { storage, key: 'declined' })
    await first.ensureLoaded()
    first.decline()
    expect(m.get('declined')).toBe('2026-11')

    const again = createConsentStore(port(null), { storage, key: 'declined' })
    await again.ensureLoaded()
    expect(again.get().status).toBe('declined')
    const newVersion = createConsentStore(port(null, '2027-01'), { storage, key: 'declined' })
    await newVersion.ensureLoaded()
    expect(newVersion.get().status).toBe('needed')

    again.reconsider()
    expect(await again.accept()).toBe(true)
    expect(m.has('declined')).toBe(false)
  })
})
