import type { Deps, StaffActor } from '../../platform/types'
import type { Role } from '@bianmin/shared'
import { AppError } from '../../platform/errors'
import { hashPassword, verifyPassword } from '../../platform/password'
import { issueToken, revokeSessions } from '../../platform/auth'
import { audit, type AuditMeta } from '../../platform/audit'
import { toIso, toIsoOrNull } from '../../platform/clock'

type ResidentRow = { id: string; nickname: string | null; consentVersion: string | null; elderMode: boolean; suspendedUntil: Date | null; createdAt: Date }
export const residentView = (r: ResidentRow) => ({
  id: r.id, nickname: r.nickname, consentVersion: r.consentVersion, elderMode: r.elderMode,
  suspendedUntil: toIsoOrNull(r.suspendedUntil), createdAt: toIso(r.createdAt),
})

export async function loginWechat (deps: Deps, code: string) {
  const session = await deps.wechat.code2Session(code)
  const now = deps.clock.now()
  const resident = await deps.db.resident.upsert({
    where: { openid: session.openid },
    create: { openid: session.openid, unionid: session.unionid ?? null, createdAt: now },
    update: session.unionid ? { unionid: session.unionid } : {},
  })
  if (resident.deletedAt) {
    // An erased account starts afresh: the old row keeps only anonymised history.
    await deps.db.resident.update({ where: { id: resident.id }, data: { openid: `erased_${resident.id}` } })
    return loginWechat(deps, code)
  }
  const { token, expiresAt } = await issueToken(deps, 'RESIDENT', resident.id)
  return { token, expiresAt: toIso(expiresAt), resident: residentView(resident) }
}

type StaffRow = { id: string; username: string; name: string; roles: string; orgId: string; hallId: string | null; mustChangePassword: boolean; org: { name: string } }
export const staffView = (s: StaffRow) => ({
  id: s.id, username: s.username, name: s.name, roles: s.roles.split(',').filter(Boolean) as Role[], orgId: s.orgId,
  orgName: s.org.name, hallId: s.hallId, mustChangePassword: s.mustChangePassword,
})

const badCredentials = () => new AppError('UNAUTHENTICATED', '用户名或密码错误')

export async function loginStaff (deps: Deps, username: string, password: string, meta: AuditMeta) {
  const s = (await deps.settings.get()).auth
  const now = deps.clock.now()
  const staff = await deps.db.staff.findUnique({ where: { username }, include: { org: { select: { name: true } } } })
  if (!staff) {
    await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') // same cost either way
    throw badCredentials()
  }
  if (staff.lockedUntil && staff.lockedUntil > now) {
    const minutes = Math.ceil((staff.lockedUntil.getTime() - now.getTime()) / 60_000)
    throw new AppError('FORBIDDEN', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`, { lockedUntil: toIso(staff.lockedUntil) })
  }
  const ok = await verifyPassword(password, staff.passwordHash)
  if (!ok) {
    const failed = staff.failedLogins + 1
    const lock = failed >= s.lockoutThreshold
    await deps.db.staff.update({
      where: { id: staff.id },
      data: { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + s.lockoutMinutes * 60_000) : staff.lockedUntil },
    })
    await audit(deps.db, { kind: 'system' }, { action: lock ? 'staff.locked' : 'staff.login_failed', targetType: 'Staff', targetId: staff.id, orgId: staff.orgId }, meta)
    if (lock) throw new AppError('FORBIDDEN', `密码连续错误 ${s.lockoutThreshold} 次，账号已锁定 ${s.lockoutMinutes} 分钟`)
    throw badCredentials()
  }
  if (staff.disabled) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员')
  await deps.db.staff.update({ where: { id: staff.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } })
  const { token, expiresAt } = await issueToken(deps, 'STAFF', staff.id)
  await audit(deps.db, { kind: 'staff', id: staff.id, name: staff.name, orgId: staff.orgId } as StaffActor, { action: 'staff.login', targetType: 'Staff', targetId: staff.id }, meta)
  return { token, expiresAt: toIso(expiresAt), staff: staffView(staff) }
}

export async function changePassword (deps: Deps, actor: StaffActor, oldPassword: string, newPassword: string, meta: AuditMeta) {
  const staff = await deps.db.staff.findUniqueOrThrow({ where: { id: actor.id } })
  if (!(await verifyPassword(oldPassword, staff.passwordHash))) throw new AppError('VALIDATION_FAILED', '原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }])
  if (oldPassword === newPassword) throw new AppError('VALIDATION_FAILED', '新密码不能与原密码相同', [{ path: 'newPassword', message: '新密码不能与原密码相同' }])
  await deps.db.staff.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(newPassword), passwordChangedAt: deps.clock.now(), mustChangePassword: false, tokenVersion: { increment: 1 } },
  })
  await revokeSessions(deps, 'STAFF', actor.id)
  await audit(deps.db, actor, { action: 'staff.password_changed', targetType: 'Staff', targetId: actor.id }, meta)
  const { token, expiresAt } = await issueToken(deps, 'STAFF', actor.id)
  return { token, expiresAt: toIso(expiresAt) }
}
