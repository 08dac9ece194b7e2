// Staff accounts, managed by an ADMIN within their org subtree. Initial and reset passwords are shown once.
import type { Role } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { AppError, notFound } from '../../platform/errors'
import { assertOrgInScope, inSubtree } from '../../platform/scope'
import { hashPassword, randomPassword } from '../../platform/password'
import { revokeSessions } from '../../platform/auth'
import { audit, type AuditMeta } from '../../platform/audit'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { paginate } from '../../platform/paginate'

type Row = Awaited<ReturnType<Deps['db']['staff']['findFirstOrThrow']>> & { org: { name: string } }

export const accountView = (s: Row, now: Date) => ({
  id: s.id, username: s.username, name: s.name, roles: s.roles.split(',').filter(Boolean) as Role[], orgId: s.orgId, orgName: s.org.name,
  hallId: s.hallId, disabled: s.disabled, locked: !!s.lockedUntil && s.lockedUntil > now, mustChangePassword: s.mustChangePassword,
  lastLoginAt: toIsoOrNull(s.lastLoginAt), createdAt: toIso(s.createdAt),
})

async function findInScope (deps: Deps, actor: StaffActor, id: string): Promise<Row> {
  const s = await deps.db.staff.findFirst({ where: { id, org: inSubtree(actor) }, include: { org: { select: { name: true } } } })
  if (!s) throw notFound('账号')
  return s
}

async function checkHall (deps: Deps, actor: StaffActor, hallId: string | null | undefined): Promise<void> {
  if (!hallId) return
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) }, select: { id: true } })
  if (!hall) throw new AppError('VALIDATION_FAILED', '所选服务中心不存在或不在本机构范围内', [{ path: 'hallId', message: '服务中心无效' }])
}

export async function listAccounts (deps: Deps, actor: StaffActor, q: { limit: number; cursor?: string; q?: string; orgId?: string; disabled?: boolean }) {
  const page = await paginate(q, { by: 'username', dir: 'asc', kind: 'string' }, (p) => deps.db.staff.findMany({
    where: {
      org: inSubtree(actor),
      ...(q.orgId ? { orgId: q.orgId } : {}),
      ...(q.disabled !== undefined ? { disabled: q.disabled } : {}),
      ...(q.q ? { OR: [{ username: { contains: q.q } }, { name: { contains: q.q } }] } : {}),
      AND: [p.where],
    },
    include: { org: { select: { name: true } } }, orderBy: p.orderBy, take: p.take,
  }))
  const now = deps.clock.now()
  return { items: page.items.map((s) => accountView(s, now)), nextCursor: page.nextCursor }
}

export async function createAccount (deps: Deps, actor: StaffActor, body: { username: string; name: string; roles: Role[]; orgId: string; hallId?: string | null; password?: string }, meta: AuditMeta) {
  await assertOrgInScope(deps.db, actor, body.orgId)
  await checkHall(deps, actor, body.hallId)
  if (await deps.db.staff.findUnique({ where: { username: body.username }, select: { id: true } })) {
    throw new AppError('DUPLICATE', '该用户名已被使用', [{ path: 'username', message: '该用户名已被使用' }])
  }
  const initialPassword = body.password ?? randomPassword()
  const s = await deps.db.staff.create({
    data: { username: body.username, name: body.name, roles: [...new Set(body.roles)].join(','), orgId: body.orgId, hallId: body.hallId ?? null, passwordHash: await hashPassword(initialPassword), mustChangePassword: true },
    include: { org: { select: { name: true } } },
  })
  await audit(deps.db, actor, { action: 'account.create', targetType: 'Staff', targetId: s.id, orgId: s.orgId, detail: { username: s.username, roles: body.roles } }, meta)
  return { account: accountView(s, deps.clock.now()), initialPassword }
}

export async function updateAccount (deps: Deps, actor: StaffActor, id: string, body: { name?: string; roles?: Role[]; orgId?: string; hallId?: string | null; disabled?: boolean }, meta: AuditMeta) {
  const before = await findInScope(deps, actor, id)
  if (id === actor.id && (body.disabled || (body.roles && !body.roles.includes('ADMIN')))) {
    throw new AppError('INVALID_STATE', '不能停用自己的账号或取消自己的管理员岗位')
  }
  if (body.orgId) await assertOrgInScope(deps.db, actor, body.orgId)
  await checkHall(deps, actor, body.hallId)
  const s = await deps.db.staff.update({
    where: { id },
    data: {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.roles ? { roles: [...new Set(body.roles)].join(',') } : {}),
      ...(body.orgId ? { orgId: body.orgId } : {}),
      ...(body.hallId !== undefined ? { hallId: body.hallId } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
    },
    include: { org: { select: { name: true } } },
  })
  // Role, org or status changes take effect at once: existing sessions end.
  if (body.disabled || body.roles || body.orgId) await revokeSessions(deps, 'STAFF', id)
  await audit(deps.db, actor, {
    action: body.disabled === true ? 'account.disable' : body.disabled === false ? 'account.enable' : 'account.update',
    targetType: 'Staff', targetId: id, orgId: s.orgId, detail: { before: { roles: before.roles, orgId: before.orgId, disabled: before.disabled }, changes: body },
  }, meta)
  return accountView(s, deps.clock.now())
}

export async function resetPassword (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const s = await findInScope(deps, actor, id)
  const initialPassword = randomPassword()
  await deps.db.staff.update({ where: { id }, data: { passwordHash: await hashPassword(initialPassword), mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: { increment: 1 } } })
  await revokeSessions(deps, 'STAFF', id)
  await audit(deps.db, actor, { action: 'account.reset_password', targetType: 'Staff', targetId: id, orgId: s.orgId }, meta)
  return { initialPassword }
}
