// Administration: rule settings, staff accounts and the working-day calendar (ADMIN, within the org subtree).
import { z } from 'zod'
import { route } from './route'
import { dateString, id, idParams, isoDateTime, page, pageQuery, boolQuery, text } from './common'
import { role, strongPassword } from './auth'
import { settingsPatchSchema, settingsSchema } from './settings'

export const accountView = z.object({
  id, username: z.string(), name: z.string(), roles: z.array(role), orgId: id, orgName: z.string(), hallId: id.nullable(),
  disabled: z.boolean(), locked: z.boolean(), mustChangePassword: z.boolean(), lastLoginAt: isoDateTime.nullable(), createdAt: isoDateTime,
})
const username = z.string({ error: '请填写用户名' }).trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头')
const roleList = z.array(role, { error: '请选择岗位' }).min(1, '至少选择一个岗位').max(5)

export const calendarDay = z.object({
  date: dateString, isWorkday: z.boolean(), source: z.enum(['OFFICIAL', 'FALLBACK', 'OVERRIDE']), note: z.string().nullable(),
})

export const adminRoutes = {
  getSettings: route({
    method: 'GET', path: '/api/v1/staff/settings', access: 'staff', roles: ['ADMIN'], summary: '业务规则设置', tags: ['管理'],
    responses: { 200: settingsSchema },
  }),
  updateSettings: route({
    method: 'PATCH', path: '/api/v1/staff/settings', access: 'staff', roles: ['ADMIN'], summary: '修改业务规则设置（按分组）', tags: ['管理'],
    body: settingsPatchSchema.refine((v) => Object.values(v).some((g) => g && Object.keys(g).length > 0), '没有要修改的设置'),
    responses: { 200: settingsSchema },
  }),
  listAccounts: route({
    method: 'GET', path: '/api/v1/staff/accounts', access: 'staff', roles: ['ADMIN'], summary: '工作人员账号（本机构及下级）', tags: ['管理'],
    query: pageQuery.extend({ q: z.string().trim().max(30).optional(), orgId: id.optional(), disabled: boolQuery }),
    responses: { 200: page(accountView) },
  }),
  createAccount: route({
    method: 'POST', path: '/api/v1/staff/accounts', access: 'staff', roles: ['ADMIN'], summary: '新建工作人员账号（返回一次性初始密码）', tags: ['管理'],
    body: z.object({ username, name: text('姓名', 30), roles: roleList, orgId: id, hallId: id.nullable().optional(), password: strongPassword.optional() }),
    responses: { 201: z.object({ account: accountView, initialPassword: z.string() }) },
  }),
  updateAccount: route({
    method: 'PATCH', path: '/api/v1/staff/accounts/:id', access: 'staff', roles: ['ADMIN'], summary: '修改账号（姓名、岗位、机构、停用）', tags: ['管理'],
    params: idParams,
    body: z.object({ name: text('姓名', 30).optional(), roles: roleList.optional(), orgId: id.optional(), hallId: id.nullable().optional(), disabled: z.boolean().optional() }),
    responses: { 200: accountView },
  }),
  resetAccountPassword: route({
    method: 'POST', path: '/api/v1/staff/accounts/:id/reset-password', access: 'staff', roles: ['ADMIN'], summary: '重置密码（返回一次性新密码，原登录失效）', tags: ['管理'],
    params: idParams,
    responses: { 200: z.object({ initialPassword: z.string() }) },
  }),
  listCalendar: route({
    method: 'GET', path: '/api/v1/staff/calendar', access: 'staff', summary: '工作日历（节假日、调休与人工调整）', tags: ['管理'],
    query: z.object({ from: dateString, to: dateString }),
    responses: { 200: z.object({ items: z.array(calendarDay) }) },
  }),
  setCalendarDay: route({
    method: 'PUT', path: '/api/v1/staff/calendar/:date', access: 'staff', roles: ['ADMIN'], summary: '人工调整某日是否上班', tags: ['管理'],
    params: z.object({ date: dateString }),
    body: z.object({ isWorkday: z.boolean({ error: '请选择上班或休息' }), note: z.string().trim().max(100, '说明最多 100 个字').optional() }),
    responses: { 200: calendarDay },
  }),
  clearCalendarDay: route({
    method: 'DELETE', path: '/api/v1/staff/calendar/:date', access: 'staff', roles: ['ADMIN'], summary: '取消某日的人工调整', tags: ['管理'],
    params: z.object({ date: dateString }),
    responses: { 200: calendarDay },
  }),
}
