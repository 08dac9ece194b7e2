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
  /** The imported 节假日安排 notice the day comes from (null: the package, the fallback or a single-day change). */
  notice: z.string().nullable().optional(),
})

/** An import: the notice's pasted text, or holiday ranges and 调休 working days entered by hand. */
export const calendarImportInput = z.object({
  name: z.string().trim().max(100, '通知名称最多 100 个字').optional(),
  year: z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2020, '年份不正确').max(2100, '年份不正确').optional(),
  text: z.string().trim().max(20_000, '通知正文最多 20000 个字').optional(),
  ranges: z.array(z.object({
    name: text('节日名称', 20),
    from: dateString, to: dateString,
    isWorkday: z.boolean({ error: '请选择放假或上班' }),
  }).refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] })).max(60, '最多 60 段').optional(),
}).refine((b) => !!b.text || !!b.ranges?.length, { message: '请粘贴通知正文或填写放假安排', path: ['text'] })
export const calendarChange = z.object({
  date: z.string(), isWorkday: z.boolean(), wasWorkday: z.boolean(), note: z.string().nullable(),
  /** OFF: becomes a day off, ON: becomes a working day, SAME: named but unchanged, DROPPED: in the year's earlier notice only. */
  change: z.enum(['OFF', 'ON', 'SAME', 'DROPPED']),
})
export const calendarImportPreview = z.object({
  year: z.number().int(), name: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string(), days: z.number().int() })),
  workdays: z.array(z.object({ name: z.string(), date: z.string() })),
  days: z.array(calendarChange),
  /** The year's earlier notice this one replaces. */
  replaces: z.string().nullable(),
  /** Open slots and their bookings on the new days off: they close on save (bookings cancelled, residents notified). */
  affected: z.object({ slots: z.number().int(), bookings: z.number().int() }),
})
export const calendarStatus = z.object({
  today: z.string(), nextYear: z.number().int(), nextYearOfficial: z.boolean(),
  /** Shown on the admin's workbench from 1 November while next year has no official data. */
  warning: z.string().nullable(),
  notices: z.array(z.object({ year: z.number().int(), name: z.string(), days: z.number().int() })),
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
  getCalendarStatus: route({
    method: 'GET', path: '/api/v1/staff/calendar/status', access: 'staff', roles: ['ADMIN'], summary: '日历数据状态：明年是否已有官方安排，已导入的通知', tags: ['管理'],
    responses: { 200: calendarStatus },
  }),
  previewCalendarImport: route({
    method: 'POST', path: '/api/v1/staff/calendar/import/preview', access: 'staff', roles: ['ADMIN'], summary: '导入节假日安排预览：识别通知正文或手工录入的放假、调休，列出变化的日子（不做任何修改）', tags: ['管理'],
    body: calendarImportInput, responses: { 200: calendarImportPreview },
  }),
  importCalendar: route({
    method: 'POST', path: '/api/v1/staff/calendar/import', access: 'staff', roles: ['ADMIN'], summary: '导入节假日安排（替换该年此前导入的通知；新放假日的时段关闭，其预约取消并通知群众）', tags: ['管理'],
    body: calendarImportInput, responses: { 200: calendarImportPreview.extend({ saved: z.number().int(), closedSlots: z.number().int(), cancelledBookings: z.number().int() }) },
  }),
  clearCalendarDay: route({
    method: 'DELETE', path: '/api/v1/staff/calendar/:date', access: 'staff', roles: ['ADMIN'], summary: '取消某日的人工调整', tags: ['管理'],
    params: z.object({ date: dateString }),
    responses: { 200: calendarDay },
  }),
}

export type CalendarDay = z.infer<typeof calendarDay>
export type CalendarImportInput = z.infer<typeof calendarImportInput>
export type CalendarImportPreview = z.infer<typeof calendarImportPreview>
export type CalendarStatus = z.infer<typeof calendarStatus>
