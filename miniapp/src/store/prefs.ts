// Device preferences: 长辈模式 (large text, large touch targets, high contrast), kept in storage.
import { useEffect, useState } from 'react'
import { STORAGE_KEYS, taroStorage, type KeyValueStore } from '@/api/storage'

type Listener = (elderMode: boolean) => void

export function createPrefsStore (storage: KeyValueStore) {
  let cached: boolean | null = null
  const listeners = new Set<Listener>()

  const getElderMode = (): boolean => (cached ??= storage.get(STORAGE_KEYS.elderMode) === '1')

  function setElderMode (on: boolean): void {
    storage.set(STORAGE_KEYS.elderMode, on ? '1' : '0')
    if (cached === on) return
    cached = on
    listeners.forEach((l) => l(on))
  }

  /** Takes the account's saved preference only when this device has never chosen one. */
  function adoptElderMode (on: boolean): void {
    if (storage.get(STORAGE_KEYS.elderMode) === '') setElderMode(on)
  }

  function subscribe (l: Listener): () => void {
    listeners.add(l)
    return () => { listeners.delete(l) }
  }

  return { getElderMode, setElderMode, adoptElderMode, subscribe }
}

export const prefs = createPrefsStore(taroStorage)

export function useElderMode (): boolean {
  const [on, setOn] = useState(prefs.getElderMode)
  useEffect(() => {
    setOn(prefs.getElderMode())
    return prefs.subscribe(setOn)
  }, [])
  return on
}
