// The first org and `admin` account of a production database (start-up with ORG_NAME + ADMIN_PASSWORD, or the CLI).
import { strongPassword } from '@bianmin/shared'
import type { Db } from '../../platform/db'
import { audit } from '../../platform/audit'
import { hashPassword } from '../../platform/password'

/** An operator-facing failure (CLI, start-up): the message is shown as is. */
export class OpsError extends Error {}

export type OrgLevel = 'DISTRICT' | 'STREET' | 'COMMUNITY'

export interface FirstAdminInput {
  password: string
  username?: string
  name?: string
  /** Existing org (id or code) to put the account in. */
  org?: string
  /** New top-level org, when the database has none. */
  orgName?: string
  orgLevel?: OrgLevel
  orgCode?: string
  /** Recorded in the audit row: admin-cli | start-up */
  via?: string
}

export async function createFirstAdmin (db: Db, input: FirstAdminInput): Promise<{ staffId: string; orgId: string; orgName: string; createdOrg: boolean }> {
  const username = input.username ?? 'admin'
  if (!/^[a-z][a-z0-9_.-]{2,31}$/i.test(username)) throw new OpsError(`用户名 ${username} 不合法：3–32 位字母、数字、下划线、点或横线，以字母开头`)
  const pw = strongPassword.safeParse(input.password)
  if (!pw.success) throw new OpsError(`密码不符合要求：${pw.error.issues[0]?.message}`)
  if (await db.staff.findUnique({ where: { username } })) throw new OpsError(`账号 ${username} 已存在；如需重置密码请用 reset-password ${username}`)

  let org: { id: string; name: string } | null = null
  let createdOrg = false
  if (input.org) {
    org = await db.org.findFirst({ where: { OR: [{ id: input.org }, { code: input.org }] }, select: { id: true, name: true } })
    if (!org) throw new OpsError(`未找到机构 ${input.org}（请填写机构 ID 或机构代码）`)
  } else if (await db.org.count() === 0) {
    if (!input.orgName) throw new OpsError('数据库中还没有机构：请用 --org-name（或环境变量 ORG_NAME）给出本单位名称，如“湖里街道办事处”')
    const created = await db.org.create({ data: { name: input.orgName, level: input.orgLevel ?? 'STREET', code: input.orgCode ?? null, path: `/new-${Date.now()}/` } })
    org = await db.org.update({ where: { id: created.id }, data: { path: `/${created.id}/` }, select: { id: true, name: true } })
    createdOrg = true
  } else {
    const roots = await db.org.findMany({ where: { parentId: null }, select: { id: true, name: true }, take: 2 })
    if (roots.length !== 1) throw new OpsError('数据库中有多个顶级机构：请用 --org 指定机构 ID 或机构代码')
    org = roots[0]!
  }
  const staff = await db.staff.create({
    data: { username, name: input.name ?? '系统管理员', roles: 'ADMIN', orgId: org.id, passwordHash: await hashPassword(input.password), mustChangePassword: true },
  })
  await audit(db, { kind: 'system' }, { action: 'staff.create', targetType: 'Staff', targetId: staff.id, orgId: org.id, detail: { username, via: input.via ?? 'admin-cli', createdOrg } })
  return { staffId: staff.id, orgId: org.id, orgName: org.name, createdOrg }
}
