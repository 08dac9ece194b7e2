import type { Role } from '@bianmin/shared'
import type { Entry } from '@/features'

export const roleLabels: Record<Role, string> = {
  ADMIN: '系统管理员',
  EDITOR: '信息编辑',
  REVIEWER: '审核人员',
  CLERK: '窗口工作人员',
  HANDLER: '咨询办理人员',
}

/** Workbench entries per role; each page is opened once it is built. */
const roleEntries: Record<Role, Entry[]> = {
  CLERK: [
    { key: 'today', title: '今日预约', description: '签到、叫号、办结', badge: '约', url: '/staff/appointments/today/index' },
  ],
  HANDLER: [
    { key: 'inbox', title: '咨询待办', description: '回复群众咨询、投诉、建议', badge: '问' },
    { key: 'rectify', title: '差评整改', description: '核实、整改、回访', badge: '改', url: '/staff/rectifications/index' },
    { key: 'disclosures', title: '依申请公开', description: '补正、延期、答复', badge: '申', url: '/staff/disclosures/list/index' },
  ],
  EDITOR: [{ key: 'drafts', title: '信息发布', description: '起草政务公开信息', badge: '编' }],
  REVIEWER: [
    { key: 'review', title: '信息审核', description: '保密审查后发布', badge: '审' },
    { key: 'appeals', title: '申诉复核', description: '评价申诉的审核', badge: '复', url: '/staff/appeals/index' },
    { key: 'disclosures', title: '依申请公开', description: '补正、延期、答复', badge: '申', url: '/staff/disclosures/list/index' },
  ],
  ADMIN: [{ key: 'admin', title: '系统管理', description: '账号、大厅、窗口、事项、规则', badge: '管' }],
}

export function entriesForRoles (roles: readonly Role[]): Entry[] {
  const seen = new Set<string>()
  const out: Entry[] = []
  for (const r of roles) for (const e of roleEntries[r]) if (!seen.has(e.key)) { seen.add(e.key); out.push(e) }
  out.push({ key: 'stats', title: '数据统计', description: '预约、咨询、评价情况', badge: '统' })
  return out
}
