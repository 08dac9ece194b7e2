// One error type, one catalogue (shared/errors.ts); platform/middleware.ts renders the API.md envelope. Depends on nothing
// but the shared catalogue.
import { errorCatalogue, type ErrorCode, type FieldIssue } from '@bianmin/shared'
import type { z } from 'zod'

export class AppError extends Error {
  readonly status: number
  constructor (readonly code: ErrorCode, message?: string, readonly details?: unknown, status?: number) {
    super(message ?? errorCatalogue[code].message)
    this.status = status ?? errorCatalogue[code].status
  }
}

export const notFound = (what = '内容') => new AppError('NOT_FOUND', `未找到该${what}`)
export const invalidState = (message: string, details?: unknown) => new AppError('INVALID_STATE', message, details)
export const validation = (message: string, details?: FieldIssue[]) => new AppError('VALIDATION_FAILED', message, details)

export function zodIssues (error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }))
}
