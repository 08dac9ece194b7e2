import type { Role } from '@bianmin/shared'
import type { Entry } from '@/features'
import { workbenchEntries } from './shell/nav'

export const roleLabels: Record<Role, string> = {
  ADMIN: '系统管理员',
  EDITOR: '信息编辑',
  REVIEWER: '审核人员',
  CLERK: '窗口工作人员',
  HANDLER: '咨询办理人员',
}

/** The workbench grid's entries for these roles (from the one nav table, shell/nav.ts). */
export function entriesForRoles (roles: readonly Role[]): Entry[] {
  return workbenchEntries(roles).map((i) => ({ key: i.key, title: i.title, description: i.description, badge: i.badge, page: i.page }))
}
