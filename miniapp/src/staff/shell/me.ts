// The signed-in staff member (name, org, roles), loaded once per sign-in and shared by every staff page
// (the desk navigation filters its entries by these roles).
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { staffView } from '@bianmin/shared'
import { staffApi, staffSession } from '@/api/client'
import { redirectToLogin } from '@/api/staff-auth'
import { staffError } from './session'

export type Staff = z.infer<typeof staffView>
interface MeState { staff: Staff | null; error: string }

let state: MeState = { staff: null, error: '' }
let pending: Promise<void> | null = null
const listeners = new Set<(s: MeState) => void>()
const set = (s: MeState) => { state = s; listeners.forEach((l) => l(s)) }

/** Loads the staff member (again with `force`); a resident token or none → the login page. */
export function loadMe (force = false): Promise<void> {
  if (!staffSession.hasToken()) { set({ staff: null, error: '' }); return Promise.resolve() }
  if (state.staff && !force) return Promise.resolve()
  pending ??= staffApi('getMe').then((me) => {
    if (me.type === 'staff') set({ staff: me.staff, error: '' })
    else redirectToLogin()
  }).catch((e: unknown) => set({ staff: null, error: staffError(e) ?? '' })).finally(() => { pending = null })
  return pending
}

/** After signing in or out: the next page loads the new member. */
export function clearMe (): void { set({ staff: null, error: '' }) }

/** The signed-in staff member (null while loading or on failure, then `error`); `reload` tries again. */
export function useStaffMe (): MeState & { reload: () => Promise<void> } {
  const [s, setS] = useState(state)
  useEffect(() => {
    listeners.add(setS)
    setS(state)
    void loadMe()
    return () => { listeners.delete(setS) }
  }, [])
  return { ...s, reload: () => loadMe(true) }
}
