// Sessions over the contract client: residents sign in silently with a WeChat login code and are
// signed in again once when a call answers 401; staff sign in with a password. A staff call answered 401 drops
// the token, and every 401 or reasoned 403 goes to one `onAuthFailure` (api/staff-auth.ts: sign in again, then back).
import { ApiError, createClient, type ApiCall, type Transport } from '@bianmin/shared'
import { routes } from './routes'
import { STORAGE_KEYS, type KeyValueStore } from './storage'

interface SessionDeps {
  baseUrl: string
  transport: Transport
  storage: KeyValueStore
}

export function createResidentSession (deps: SessionDeps & { getLoginCode: () => Promise<string> }) {
  const key = STORAGE_KEYS.residentToken
  const raw = createClient({ ...deps, routes, getToken: () => deps.storage.get(key) || null })
  let pending: Promise<string> | null = null

  /** Signs in again (one request at a time) and stores the new token. */
  function login (): Promise<string> {
    pending ??= (async () => {
      const code = await deps.getLoginCode()
      const res = await raw('loginWechat', { body: { code } })
      deps.storage.set(key, res.token)
      return res.token
    })().finally(() => { pending = null })
    return pending
  }

  async function ensureLogin (): Promise<string> {
    return deps.storage.get(key) || login()
  }

  const call = (async (name, req) => {
    if (name === 'loginWechat') return raw(name, req)
    const used = await ensureLogin()
    try {
      return await raw(name, req)
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      // Another call may already have replaced the token; sign in again only if not.
      if (deps.storage.get(key) === used) {
        deps.storage.remove(key)
        await login()
      }
      return raw(name, req)
    }
  }) as ApiCall

  return { call, login, ensureLogin }
}

/** Why a staff call could not go on: the session ended (401) or the account may only do something else (403 with a reason). */
export type StaffAuthFailure = { kind: 'expired' } | { kind: 'forbidden'; reason: string; error: ApiError }

export function createStaffSession (deps: SessionDeps & { onAuthFailure?: (f: StaffAuthFailure) => void }) {
  const key = STORAGE_KEYS.staffToken
  const raw = createClient({ ...deps, routes, getToken: () => deps.storage.get(key) || null })

  const call = (async (name, req) => {
    try {
      return await raw(name, req)
    } catch (e) {
      if (!(e instanceof ApiError) || name === 'loginStaff') throw e
      if (e.status === 401) {
        deps.storage.remove(key)
        deps.onAuthFailure?.({ kind: 'expired' })
      } else if (e.status === 403) {
        const reason = (e.details as { reason?: unknown } | undefined)?.reason
        if (typeof reason === 'string') deps.onAuthFailure?.({ kind: 'forbidden', reason, error: e })
      }
      throw e
    }
  }) as ApiCall

  async function signIn (username: string, password: string) {
    const res = await raw('loginStaff', { body: { username, password } })
    deps.storage.set(key, res.token)
    return res.staff
  }

  async function signOut () {
    try {
      if (deps.storage.get(key)) await raw('logout')
    } catch {
      // The token is dropped locally either way.
    } finally {
      deps.storage.remove(key)
    }
  }

  return { call, signIn, signOut, hasToken: () => Boolean(deps.storage.get(key)) }
}

const CODE_RE = /^[A-Za-z0-9_-]{1,64}$/
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomId (length: number): string {
  const bytes = new Uint8Array(length)
  const cryptoObj = (globalThis as { crypto?: Crypto }).crypto
  if (cryptoObj?.getRandomValues) cryptoObj.getRandomValues(bytes)
  else for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/** H5 has no wx.login: a stable random code per browser stands in (the server's mock provider maps it to one resident). */
export function h5LoginCode (storage: KeyValueStore): string {
  const saved = storage.get(STORAGE_KEYS.h5LoginCode)
  if (CODE_RE.test(saved)) return saved
  const code = `h5_${randomId(16)}`
  storage.set(STORAGE_KEYS.h5LoginCode, code)
  return code
}
