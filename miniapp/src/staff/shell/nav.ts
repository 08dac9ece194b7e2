// THE staff navigation: the workbench sections, their pages and who sees them. The desk sidebar (StaffPage), the
// phone workbench grid and the page tests read this one table. A new staff page: add it to shared/src/pages.ts,
// then one line in the section it belongs to here (roles: who may open it; leave out for every staff member).
import type { PageName, Role } from '@bianmin/shared'

export interface NavItem {
  /** Stable key: testids `nav-<key>` (sidebar) and `entry-<key>` (workbench grid). */
  key: string
  page: PageName
  title: string
  description: string
  /** One character in the workbench grid's round badge. */
  badge: string
  /** Who sees the entry (the server checks again); undefined: every staff member. */
  roles?: readonly Role[]
  /** Only in the sidebar (e.g. the workbench itself), not in the workbench grid. */
  navOnly?: boolean
}

export interface NavSection { key: string; title: string; items: NavItem[] }

const handlers: readonly Role[] = ['HANDLER']
const reviewers: readonly Role[] = ['REVIEWER']
const admins: readonly Role[] = ['ADMIN']

export const STAFF_NAV: NavSection[] = [
  {
    key: 'home', title: '工作台', items: [
      { key: 'home', page: 'staffHome', title: '待我处理', description: '今天需要处理的事项', badge: '台', navOnly: true },
      { key: 'password', page: 'staffPassword', title: '修改密码', description: '修改我的登录密码', badge: '密' },
    ],
  },
  {
    key: 'hall', title: '窗口服务', items: [
      { key: 'today', page: 'staffAppointmentsToday', title: '今日预约', description: '签到、叫号、办结', badge: '约', roles: ['CLERK'] },
      { key: 'console', page: 'staffHallConsole', title: '窗口叫号', description: '叫号、过号、转窗口、现场取号', badge: '叫', roles: ['CLERK'] },
      { key: 'phone', page: 'staffPhoneBooking', title: '电话预约', description: '为来电、代办群众预约和取消', badge: '电', roles: ['CLERK'] },
      { key: 'homeVisits', page: 'staffHomeVisits', title: '上门服务', description: '受理、安排上门、办结', badge: '门', roles: ['CLERK', 'HANDLER'] },
      { key: 'slots', page: 'staffSlots', title: '时段管理', description: '按天调整时段、整天停办或恢复', badge: '时', roles: ['CLERK', 'ADMIN'] },
    ],
  },
  {
    key: 'catalogue', title: '服务管理', items: [
      { key: 'halls', page: 'staffHalls', title: '服务中心与窗口', description: '服务中心、窗口及其办理的事项', badge: '厅', roles: admins },
      { key: 'items', page: 'staffServiceItems', title: '办事指南', description: '事项、材料、时限、收费', badge: '指', roles: admins },
      { key: 'templates', page: 'staffSlotTemplates', title: '时段模板', description: '每周时段模板、生成时段', badge: '模', roles: admins },
    ],
  },
  {
    key: 'cases', title: '群众诉求', items: [
      { key: 'inbox', page: 'staffConsultations', title: '咨询待办', description: '回复群众咨询、投诉、建议', badge: '问', roles: handlers },
      { key: 'rectify', page: 'staffRectifications', title: '差评整改', description: '核实、整改、回访', badge: '改', roles: handlers },
      { key: 'appeals', page: 'staffAppeals', title: '申诉复核', description: '评价申诉的审核', badge: '复', roles: reviewers },
      { key: 'disclosures', page: 'staffDisclosures', title: '依申请公开', description: '补正、延期、答复', badge: '申', roles: ['HANDLER', 'REVIEWER'] },
      { key: 'disclosureRecord', page: 'staffDisclosureRecord', title: '登记申请', description: '当面、信函申请登记，打印受理回执', badge: '登', roles: ['HANDLER', 'REVIEWER', 'ADMIN'] },
    ],
  },
  {
    key: 'notices', title: '政务公开', items: [
      { key: 'drafts', page: 'staffNotices', title: '信息发布', description: '起草政务公开信息', badge: '编', roles: ['EDITOR'] },
      { key: 'review', page: 'staffNoticeReview', title: '信息审核', description: '保密审查后发布', badge: '审', roles: reviewers },
    ],
  },
  {
    key: 'stats', title: '统计', items: [
      { key: 'stats', page: 'staffDashboard', title: '统计分析', description: '预约、咨询、评价情况', badge: '统' },
      { key: 'report', page: 'staffReport', title: '年度报告', description: '政府信息公开年度报告数据', badge: '报', roles: ['ADMIN', 'REVIEWER', 'EDITOR'] },
      { key: 'annualReports', page: 'staffAnnualReports', title: '年度报告编制', description: '起草、审核、发布年度报告，下载 Word', badge: '年', roles: ['ADMIN', 'REVIEWER', 'EDITOR'] },
    ],
  },
  {
    key: 'admin', title: '系统管理', items: [
      { key: 'settings', page: 'staffSettings', title: '系统设置', description: '预约、评价、咨询等规则', badge: '设', roles: admins },
      { key: 'accounts', page: 'staffAccounts', title: '账号管理', description: '新建账号、停用、重置密码', badge: '账', roles: admins },
      { key: 'calendar', page: 'staffCalendar', title: '工作日历', description: '节假日、调休、临时调整', badge: '历', roles: admins },
      { key: 'audit', page: 'staffAudit', title: '审计日志', description: '谁在何时做了什么', badge: '审', roles: ['ADMIN', 'REVIEWER'] },
      { key: 'holidays', page: 'staffCalendarImport', title: '导入节假日', description: '导入国务院节假日安排', badge: '假', roles: admins },
    ],
  },
]

const allowed = (item: NavItem, roles: readonly Role[]) => !item.roles || item.roles.some((r) => roles.includes(r))

/** The sections with the entries these roles may open (empty sections left out). */
export function navFor (roles: readonly Role[]): NavSection[] {
  return STAFF_NAV.map((s) => ({ ...s, items: s.items.filter((i) => allowed(i, roles)) })).filter((s) => s.items.length > 0)
}

/** The workbench grid: every entry these roles may open, in table order. */
export function workbenchEntries (roles: readonly Role[]): NavItem[] {
  return navFor(roles).flatMap((s) => s.items).filter((i) => !i.navOnly)
}

/** The entry a page belongs to (its own, or the list it was opened from: detail pages name theirs in StaffPage). */
export function navItemOf (page: PageName | undefined): NavItem | undefined {
  return page ? STAFF_NAV.flatMap((s) => s.items).find((i) => i.page === page) : undefined
}
