// Tokens: HS256 JWTs (jose) naming a server-side session (AuthSession) — expiry, staff idle timeout and
// revocation (logout, password change, account disabled) are checked on every request.
import { webcrypto } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Middleware } from 'koa'
import type { Role } from '@bianmin/shared'
import type { Actor, AppState, Deps } from './types'
import { AppError } from './errors'

const ISSUER = 'bianmin'

/** The HS256 key imported once per secret (jose would import the raw bytes again for every token it checks). */
const keys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>()
function hmacKey (secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let k = keys.get(secret)
  if (!k) keys.set(secret, k = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']))
  return k
}

const IDLE_TOUCH_MS = 60_000

export async function issueToken (deps: Deps, subjectType: 'STAFF' | 'RESIDENT', subjectId: string): Promise<{ token: string; expiresAt: Date }> {
  const s = (await deps.settings.get()).auth
  const now = deps.clock.now()
  const ttl = subjectType === 'STAFF' ? s.staffTokenHours * 3600_000 : s.residentTokenDays * 86400_000
  const expiresAt = new Date(now.getTime() + ttl)
  const session = await deps.db.authSession.create({ data: { subjectType, subjectId, expiresAt, createdAt: now, lastSeenAt: now } })
  const token = await new SignJWT({ typ: subjectType === 'STAFF' ? 's' : 'r' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(subjectId)
    .setJti(session.id)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await hmacKey(deps.secretKey))
  return { token, expiresAt }
}

export async function revokeSessions (deps: Deps, subjectType: 'STAFF' | 'RESIDENT', subjectId: string, exceptId?: string): Promise<void> {
  await deps.db.authSession.updateMany({
    where: { subjectType, subjectId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: deps.clock.now() },
  })
}

const unauthenticated = (message = '登录已失效，请重新登录') => new AppError('UNAUTHENTICATED', message)

const staffWithOrg = (deps: Deps, id: string) => deps.db.staff.findUnique({ where: { id }, include: { org: { select: { path: true } } } })

type SessionRow = { id: string; subjectType: string; subjectId: string; expiresAt: Date; revokedAt: Date | null; lastSeenAt: Date }
type ResidentRow = { id: string; deletedAt: Date | null; consentVersion: string | null; suspendedUntil: Date | null }

async function residentSession (deps: Deps, sessionId: string, residentId: string): Promise<[SessionRow | null, ResidentRow | null]> {
  const rows = await deps.db.$queryRaw<(SessionRow & { rid: string | null; deletedAt: Date | null; consentVersion: string | null; suspendedUntil: Date | null })[]>`
    SELECT s."id", s."subjectType", s."subjectId", s."expiresAt", s."revokedAt", s."lastSeenAt",
      r."id" AS "rid", r."deletedAt", r."consentVersion", r."suspendedUntil"
    FROM "AuthSession" s LEFT JOIN "Resident" r ON r."id" = ${residentId}
    WHERE s."id" = ${sessionId}`
  const row = rows[0]
  if (!row) return [null, null]
  const { rid, deletedAt, consentVersion, suspendedUntil, ...session } = row
  return [session, rid ? { id: rid, deletedAt, consentVersion, suspendedUntil } : null]
}

async function resolveActor (deps: Deps, token: string): Promise<Actor> {
  let payload: { sub?: string; jti?: string; typ?: unknown }
  try {
    // Expiry is checked against the business clock below (CLOCK may move "now").
    ;({ payload } = await jwtVerify(token, await hmacKey(deps.secretKey), { issuer: ISSUER, algorithms: ['HS256'], currentDate: deps.clock.now() }))
  } catch {
    throw unauthenticated()
  }
  if (!payload.sub || !payload.jti) throw unauthenticated()
  // The session and its subject (named by the token's sub, checked against the session) are read at once: for a
  // resident one joined SELECT (every resident request pays it), for staff two queries in parallel.
  const resident = payload.typ === 'r'
  const [session, subject] = resident
    ? await residentSession(deps, payload.jti, payload.sub)
    : await Promise.all([deps.db.authSession.findUnique({ where: { id: payload.jti } }), staffWithOrg(deps, payload.sub)])
  const now = deps.clock.now()
  if (!session || session.revokedAt || session.expiresAt <= now || session.subjectId !== payload.sub) throw unauthenticated()
  if ((session.subjectType === 'STAFF') === resident) throw unauthenticated()
  if (session.subjectType === 'STAFF') {
    const idle = (await deps.settings.get()).auth.staffIdleMinutes * 60_000
    if (now.getTime() - session.lastSeenAt.getTime() > idle) throw unauthenticated('长时间未操作，请重新登录')
    const staff = subject as Awaited<ReturnType<typeof staffWithOrg>>
    if (!staff || staff.disabled) throw unauthenticated('账号已停用，请联系管理员')
    if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TOUCH_MS) {
      await deps.db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } })
    }
    return {
      kind: 'staff', id: staff.id, sessionId: session.id, name: staff.name, username: staff.username,
      roles: staff.roles.split(',').filter(Boolean) as Role[], orgId: staff.orgId, orgPath: staff.org.path, hallId: staff.hallId,
      mustChangePassword: staff.mustChangePassword,
    }
  }
  const r = subject as { id: string; deletedAt: Date | null; consentVersion: string | null; suspendedUntil: Date | null } | null
  if (!r || r.deletedAt) throw unauthenticated()
  return { kind: 'resident', id: r.id, sessionId: session.id, consentVersion: r.consentVersion, suspendedUntil: r.suspendedUntil }
}

/** Resolves the Bearer token (if any) to ctx.state.actor. Routes decide whether an actor is required. */
export function authMiddleware (deps: Deps): Middleware<AppState> {
  return async function authenticate (ctx, next) {
    const header = ctx.get('Authorization')
    // GET /metrics carries its own credential (METRICS_TOKEN), not a session token.
    if (header && ctx.path !== '/metrics') {
      const m = /^Bearer\s+(\S+)$/i.exec(header)
      if (!m?.[1]) throw unauthenticated('登录凭证格式不正确')
      ctx.state.actor = await resolveActor(deps, m[1])
      ctx.state.log = ctx.state.log.child({ actor: `${ctx.state.actor.kind}:${ctx.state.actor.id}` })
    }
    await next()
  }
}
