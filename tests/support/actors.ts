// The cast of the fuzz and authorisation tests on the demo data: anonymous, two residents, one demo staff member per
// role (all in the demo street), and an all-roles admin of another street. Staff tokens are issued directly (no
// password hashing per login), through the same session table as a real login.
import type { Role, RouteDef } from '@bianmin/shared'
import { roles } from '@bianmin/shared'
import { issueToken } from '../../server/src/platform/auth'
import { createStaff, type TestApp } from './app'

export type ActorName = 'anonymous' | 'residentA' | 'residentB' | Role | 'otherOrg'
export const actorNames: ActorName[] = ['anonymous', 'residentA', 'residentB', ...roles, 'otherOrg']

export interface ActorInfo { name: ActorName; kind: 'anonymous' | 'resident' | 'staff'; id: string | null; roles: Role[]; orgId: string | null; token: string | null }
export type Cast = Record<ActorName, ActorInfo>

const demoUser: Record<Role, string> = { ADMIN: 'admin', EDITOR: 'editor', REVIEWER: 'reviewer', CLERK: 'clerk', HANDLER: 'handler' }

/** The demo street (湖里街道) and the second street (禾山街道) of the demo seed. */
export async function demoOrgs (t: TestApp) {
  const street = await t.deps.db.org.findUniqueOrThrow({ where: { code: '350206001' } })
  const otherStreet = await t.deps.db.org.findUniqueOrThrow({ where: { code: '350206002' } })
  return { street, otherStreet }
}

export async function castOf (t: TestApp, prefix = 'cast'): Promise<Cast> {
  const { otherStreet } = await demoOrgs(t)
  const a = await t.resident(`${prefix}-resident-a`)
  const b = await t.resident(`${prefix}-resident-b`)
  const cast: Partial<Cast> = {
    anonymous: { name: 'anonymous', kind: 'anonymous', id: null, roles: [], orgId: null, token: null },
    residentA: { name: 'residentA', kind: 'resident', id: a.id, roles: [], orgId: null, token: a.token },
    residentB: { name: 'residentB', kind: 'resident', id: b.id, roles: [], orgId: null, token: b.token },
  }
  for (const role of roles) {
    const s = await t.deps.db.staff.findUniqueOrThrow({ where: { username: demoUser[role] } })
    cast[role] = { name: role, kind: 'staff', id: s.id, roles: [role], orgId: s.orgId, token: (await issueToken(t.deps, 'STAFF', s.id)).token }
  }
  const username = `${prefix}-other-admin`
  const other = await t.deps.db.staff.findUnique({ where: { username } }) ?? await createStaff(t.deps, username, roles.join(','), otherStreet.id)
  cast.otherOrg = { name: 'otherOrg', kind: 'staff', id: other.id, roles: [...roles], orgId: other.orgId, token: (await issueToken(t.deps, 'STAFF', other.id)).token }
  return cast as Cast
}

/** The session id (jti) inside one of our tokens. */
const sessionOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti

/**
 * Keeps every actor usable after fuzzed requests: a new token where a session was revoked (logout, password change),
 * a new resident in place of an erased one (DELETE /me), a staff account re-enabled if a fuzzed update disabled it
 * (or cleared of a one-time password a fuzzed reset gave it).
 */
export async function refreshTokens (t: TestApp, cast: Cast): Promise<void> {
  const actors = Object.values(cast).filter((a) => a.token)
  const alive = new Set((await t.deps.db.authSession.findMany({
    where: { id: { in: actors.map((a) => sessionOf(a.token!)) }, revokedAt: null, expiresAt: { gt: t.deps.clock.now() } }, select: { id: true },
  })).map((r) => r.id))
  for (const a of actors) {
    if (a.kind === 'staff') {
      const staff = await t.deps.db.staff.findUniqueOrThrow({ where: { id: a.id! }, select: { disabled: true, mustChangePassword: true } })
      // A fuzzed admin reset leaves a one-time password that would lock the actor out of everything else.
      if (staff.disabled || staff.mustChangePassword) await t.deps.db.staff.update({ where: { id: a.id! }, data: { disabled: false, mustChangePassword: false } })
      if (!alive.has(sessionOf(a.token!))) a.token = (await issueToken(t.deps, 'STAFF', a.id!)).token
      continue
    }
    const row = await t.deps.db.resident.findUnique({ where: { id: a.id! }, select: { deletedAt: true } })
    if (row?.deletedAt) {
      const fresh = await t.resident(`${a.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
      a.id = fresh.id; a.token = fresh.token
    } else if (!alive.has(sessionOf(a.token!))) a.token = (await issueToken(t.deps, 'RESIDENT', a.id!)).token
  }
}

/** Whether the contract lets this actor in (access and roles), i.e. the answer must not be 401/403. */
export function allowedBy (route: RouteDef, a: ActorInfo): boolean {
  if (route.access === 'public') return true
  if (a.kind === 'anonymous') return false
  if (route.access === 'resident') return a.kind === 'resident'
  if (route.access === 'staff') return a.kind === 'staff' && (!route.roles?.length || route.roles.some((r) => a.roles.includes(r)))
  return true
}

/** The status a denied actor must get: 401 when anonymous, 403 otherwise. */
export const deniedStatus = (a: ActorInfo): 401 | 403 => (a.kind === 'anonymous' ? 401 : 403)

/** The right kind of caller for a route: a resident, a staff member with one of its roles, or anonymous for public routes. */
export function callerFor (route: RouteDef, cast: Cast): ActorInfo {
  if (route.access === 'public') return cast.anonymous
  if (route.access === 'resident' || route.access === 'user') return cast.residentA
  const role = route.roles?.[0] ?? 'ADMIN'
  return cast[role]
}
