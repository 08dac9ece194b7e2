// Privacy consent (PIPL): whether this resident has accepted the current privacy notice version. The server
// refuses personal data without it (403 PRIVACY_CONSENT_REQUIRED); pages show the consent panel while it is needed.
import { useEffect, useState } from 'react'
import { ApiError, CONSENT_REQUIRED } from '@bianmin/shared'
import type { KeyValueStore } from '@/api/storage'

/** unknown: not loaded yet · needed: ask (first use or a new version) · declined: said 不同意 to this version · accepted */
export type ConsentStatus = 'unknown' | 'needed' | 'declined' | 'accepted'
/** `loading`: no answer yet (from the start until the first load ends; pages hold their content back meanwhile, so the
 * panel does not push it down). */
export interface ConsentState { status: ConsentStatus; version: string; acceptedVersion: string | null; error: string; busy: boolean; loading: boolean }

interface Port {
  /** The current notice version and the version this resident accepted (null: none). */
  fetch: () => Promise<{ version: string; accepted: string | null }>
  accept: (version: string) => Promise<void>
}

const initial: ConsentState = { status: 'unknown', version: '', acceptedVersion: null, error: '', busy: false, loading: true }

/** `declined` remembers a 不同意 on this device (per version), so reading pages do not ask again and again. */
export function createConsentStore (port: Port, declined: { storage: KeyValueStore; key: string } | null = null) {
  let state = initial
  let loading: Promise<void> | null = null
  const listeners = new Set<(s: ConsentState) => void>()
  const set = (patch: Partial<ConsentState>) => {
    state = { ...state, ...patch }
    listeners.forEach((l) => l(state))
  }

  function load (): Promise<void> {
    if (!loading && !state.loading) set({ loading: true })
    loading ??= port.fetch().then(({ version, accepted }) => {
      const saidNo = (state.status === 'declined' && state.version === version) || declined?.storage.get(declined.key) === version
      set({ version, acceptedVersion: accepted, status: accepted === version ? 'accepted' : saidNo ? 'declined' : 'needed', error: '', loading: false })
    }).catch(() => {
      // Unknown stays unknown: the server still refuses personal data, and that answer asks for consent.
      set({ loading: false })
    }).finally(() => { loading = null })
    return loading
  }

  /** Loads once per app run (again after `reset`). */
  function ensureLoaded (): Promise<void> {
    return state.status === 'unknown' ? load() : Promise.resolve()
  }

  async function accept (): Promise<boolean> {
    if (state.busy) return false
    set({ busy: true, error: '' })
    try {
      if (!state.version) await load()
      await port.accept(state.version)
      declined?.storage.remove(declined.key)
      set({ status: 'accepted', acceptedVersion: state.version, busy: false })
      return true
    } catch (e) {
      const current = e instanceof ApiError ? (e.details as { currentVersion?: unknown } | undefined)?.currentVersion : undefined
      if (typeof current === 'string') {
        set({ version: current, status: 'needed', busy: false, error: '隐私政策刚刚更新了，请再看一下，然后点“同意”' })
      } else {
        set({ busy: false, error: e instanceof ApiError ? e.message : '没有保存成功，请稍后再点一次“同意”' })
      }
      return false
    }
  }

  function decline (): void {
    if (state.version) declined?.storage.set(declined.key, state.version)
    set({ status: 'declined', error: '' })
  }
  /** After 不同意, the resident changed their mind: show the notice again. */
  function reconsider (): void {
    declined?.storage.remove(declined.key)
    set({ status: 'needed', error: '' })
  }

  /** A server answer of 403 PRIVACY_CONSENT_REQUIRED: ask (again) for the version it names. */
  function noteError (e: unknown): void {
    if (!(e instanceof ApiError) || e.status !== 403) return
    const d = e.details as { reason?: unknown; currentVersion?: unknown } | undefined
    if (d?.reason !== CONSENT_REQUIRED) return
    set({ status: 'needed', version: typeof d.currentVersion === 'string' ? d.currentVersion : state.version, error: '' })
  }

  /** A fresh start (after the account was deleted). */
  function reset (): void {
    loading = null
    declined?.storage.remove(declined.key)
    set({ ...initial, loading: false }) // pages already shown stay shown; the next load asks again
  }

  function subscribe (l: (s: ConsentState) => void): () => void {
    listeners.add(l)
    return () => { listeners.delete(l) }
  }

  return { get: () => state, load, ensureLoaded, accept, decline, reconsider, noteError, reset, subscribe }
}

export type ConsentStore = ReturnType<typeof createConsentStore>

/** Subscribes to a consent store; `load` asks it to load once. */
export function useConsentState (store: ConsentStore, load = true): ConsentState {
  const [s, setS] = useState(store.get)
  useEffect(() => {
    setS(store.get())
    if (load) void store.ensureLoaded()
    return store.subscribe(setS)
  }, [store, load])
  return s
}
