// Staff pages: signed in or off to the login page (and back here afterwards). What a failed call means for the
// session (401, a reasoned 403) is decided once, in api/staff-auth.ts; pages only show the message.
import { ApiError, errorMessage, staffSession } from '@/api/client'
import { redirectToLogin } from '@/api/staff-auth'

/** False (and off to sign in, then back to this page) when there is no staff token. */
export function requireStaff (): boolean {
  if (staffSession.hasToken()) return true
  redirectToLogin()
  return false
}

/** The message to show for a failed call; null when the session ended (the page is leaving to sign in again). */
export function staffError (e: unknown): string | null {
  if (e instanceof ApiError && e.status === 401) return null
  return errorMessage(e)
}
