import { z } from 'zod'
import { route, roles } from './route'
import { id, isoDateTime, ok } from './common'

export const role = z.enum(roles)
export const residentView = z.object({
  id,
  nickname: z.string().nullable(),
  consentVersion: z.string().nullable(),
  elderMode: z.boolean(),
  suspendedUntil: isoDateTime.nullable(),
  createdAt: isoDateTime,
})
export const staffView = z.object({
  id,
  username: z.string(),
  name: z.string(),
  roles: z.array(role),
  orgId: id,
  orgName: z.string(),
  hallId: id.nullable(),
  mustChangePassword: z.boolean(),
})
export const meView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('resident'), resident: residentView }),
  z.object({ type: z.literal('staff'), staff: staffView }),
])

/** `details.reason` of the 403 a staff account with a one-time password gets on anything but changing it. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED'
export const passwordChangeRequiredMessage = '请先修改初始密码，再使用其他功能'

/** Password policy: ≥ 10 characters with at least three of: lower case, upper case, digits, symbols. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MIN_CLASSES = 3
export const passwordClasses = [
  { key: 'lower', label: '小写字母', re: /[a-z]/ },
  { key: 'upper', label: '大写字母', re: /[A-Z]/ },
  { key: 'digit', label: '数字', re: /\d/ },
  { key: 'symbol', label: '符号', re: /[^A-Za-z0-9]/ },
] as const
/** The policy as a checklist (the 修改密码 page shows it while the user types; the server checks the same rules). */
export function passwordChecks (p: string): { key: string; label: string; ok: boolean }[] {
  const classes = passwordClasses.filter((c) => c.re.test(p)).length
  return [
    { key: 'length', label: `至少 ${PASSWORD_MIN_LENGTH} 位`, ok: p.length >= PASSWORD_MIN_LENGTH },
    { key: 'classes', label: `包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类（已有 ${classes} 类）`, ok: classes >= PASSWORD_MIN_CLASSES },
    { key: 'max', label: '不超过 128 位', ok: p.length <= 128 },
  ]
}
export const strongPassword = z.string({ error: '请填写密码' }).min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`).max(128, '密码最多 128 位')
  .refine((p) => passwordClasses.filter((c) => c.re.test(p)).length >= PASSWORD_MIN_CLASSES,
    '密码需包含大写字母、小写字母、数字、符号中的至少三类')

export const authRoutes = {
  loginWechat: route({
    method: 'POST', path: '/api/v1/auth/wechat', access: 'public', summary: '居民微信登录（wx.login 的 code）', tags: ['登录'],
    body: z.object({ code: z.string({ error: '缺少登录凭证' }).regex(/^[A-Za-z0-9_-]{1,64}$/, '登录凭证格式不正确') }),
    responses: { 200: z.object({ token: z.string(), expiresAt: isoDateTime, resident: residentView }) },
  }),
  loginStaff: route({
    method: 'POST', path: '/api/v1/auth/staff', access: 'public', summary: '工作人员账号密码登录', tags: ['登录'],
    body: z.object({
      username: z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(64, '用户名过长'),
      password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长'),
    }),
    responses: { 200: z.object({ token: z.string(), expiresAt: isoDateTime, staff: staffView }) },
  }),
  logout: route({
    method: 'POST', path: '/api/v1/auth/logout', access: 'user', beforePasswordChange: true, summary: '退出登录（令牌立即失效）', tags: ['登录'],
    responses: { 200: ok },
  }),
  getMe: route({
    method: 'GET', path: '/api/v1/me', access: 'user', beforePasswordChange: true, summary: '当前登录的居民或工作人员', tags: ['登录'],
    responses: { 200: meView },
  }),
  updateMe: route({
    method: 'PATCH', path: '/api/v1/me', access: 'resident', summary: '修改我的偏好（昵称、长辈模式）', tags: ['我的'],
    body: z.object({ nickname: z.string().trim().max(30, '昵称最多 30 个字').optional(), elderMode: z.boolean().optional() }),
    responses: { 200: residentView },
  }),
  acceptPrivacy: route({
    method: 'POST', path: '/api/v1/me/consent', access: 'resident', summary: '记录居民同意的隐私政策版本', tags: ['我的'],
    body: z.object({ version: z.string().regex(/^[\w.-]{1,20}$/, '版本号格式不正确') }),
    responses: { 200: residentView },
  }),
  changePassword: route({
    method: 'POST', path: '/api/v1/staff/password', access: 'staff', beforePasswordChange: true, summary: '工作人员修改密码（其他登录立即失效；一次性密码须先修改）', tags: ['登录'],
    body: z.object({ oldPassword: z.string().min(1, '请填写原密码').max(128), newPassword: strongPassword }),
    responses: { 200: z.object({ token: z.string(), expiresAt: isoDateTime }) },
  }),
}
