// The error catalogue of API.md: one code → one HTTP status and a default Chinese message.
import { z } from 'zod'

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '未找到相关内容' },
  CONFLICT: { status: 409, message: '操作冲突，请刷新后重试' },
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时段' },
  DUPLICATE: { status: 409, message: '请勿重复提交' },
  SUSPENDED: { status: 403, message: '您的预约资格已暂停' },
  OUT_OF_WINDOW: { status: 422, message: '不在可办理的时间范围内' },
  INVALID_STATE: { status: 422, message: '当前状态不允许此操作' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
} as const

export type ErrorCode = keyof typeof errorCatalogue
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[]

export const fieldIssue = z.object({ path: z.string(), message: z.string() })
export const errorEnvelope = z.object({
  error: z.object({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelope>
export type FieldIssue = z.infer<typeof fieldIssue>
