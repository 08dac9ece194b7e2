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
    { key: 'inbox', title: '咨询待办', description: '回复群众咨询、投诉、建议', badge: '问', url: '/staff/consultations/index/index' },
    { key: 'rectify', title: '差评整改', description: '核实、整改、回访', badge: '改', url: '/staff/rectifications/index' },
    { key: 'disclosures', title: '依申请公开', description: '补正、延期、答复', badge: '申', url: '/staff/disclosures/list/index' },
  ],
  EDITOR: [{ key: 'drafts', title: '信息发布', description: '起草政务公开信息', badge: '编', url: '/staff/notices/list/index' }],
  REVIEWER: [
    { key: 'review', title: '信息审核', description: '保密审查后发布', badge: '审', url: '/staff/notices/review/index' },
    { key: 'appeals', title: '申诉复核', description: '评价申诉的审核', badge: '复', url: '/staff/appeals/index' },
    { key: 'disclosures', title: '依申请公开', description: '补正、延期、答复', badge: '申', url: '/staff/disclosures/list/index' },
  ],
  ADMIN: [
    { key: 'settings', title: '系统设置', description: '预约、评价、咨询等规则', badge: '设', url: '/staff/admin/settings/index' },
    { key: 'accounts', title: '账号管理', description: '新建账号、停用、重置密码', badge: '账', url: '/staff/admin/accounts/index' },
    { key: 'calendar', title: '工作日历', description: '节假日、调休、临时调整', badge: '历', url: '/staff/admin/calendar/index' },
    { key: 'admin', title: '大厅与事项', description: '服务中心、窗口、办事事项', badge: '管' },
  ],
}

/** Roles that may open the annual report (the server allows these). */
const reportRoles: readonly Role[] = ['ADMIN', 'REVIEWER', 'EDITOR']

export function entriesForRoles (roles: readonly Role[]): Entry[] {
  const seen = new Set<string>()
  const out: Entry[] = []
  for (const r of roles) for (const e of roleEntries[r]) if (!seen.has(e.key)) { seen.add(e.key); out.push(e) }
  out.push({ key: 'stats', title: '统计分析', description: '预约、咨询、评价情况', badge: '统', url: '/staff/dashboard/index' })
  if (roles.some((r) => reportRoles.includes(r))) {
    out.push({ key: 'report', title: '年度报告', description: '政府信息公开年度报告数据', badge: '报', url: '/staff/report/index' })
  }
  return out
}
