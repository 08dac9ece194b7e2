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

/** Password policy: ≥ 10 characters with at least three of: lower case, upper case, digits, symbols. */
export const strongPassword = z.string({ error: '请填写密码' }).min(10, '密码至少 10 位').max(128, '密码最多 128 位')
  .refine((p) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 3,
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
    method: 'POST', path: '/api/v1/auth/logout', access: 'user', summary: '退出登录（令牌立即失效）', tags: ['登录'],
    responses: { 200: ok },
  }),
  getMe: route({
    method: 'GET', path: '/api/v1/me', access: 'user', summary: '当前登录的居民或工作人员', tags: ['登录'],
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
    method: 'POST', path: '/api/v1/staff/password', access: 'staff', summary: '工作人员修改密码（其他登录立即失效）', tags: ['登录'],
    body: z.object({ oldPassword: z.string().min(1, '请填写原密码').max(128), newPassword: strongPassword }),
    responses: { 200: z.object({ token: z.string(), expiresAt: isoDateTime }) },
  }),
}
