// Contract mechanism: each endpoint is declared once, as plain data, and used by the server (routing and
// validation), the mini-program's client and the OpenAPI document.
import { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
export const roles = ['ADMIN', 'EDITOR', 'REVIEWER', 'CLERK', 'HANDLER'] as const
export type Role = (typeof roles)[number]
/** Who may call: anyone, a signed-in resident, a signed-in staff member (optionally with one of `roles`), or either. */
export type Access = 'public' | 'resident' | 'staff' | 'user'

type AnyObject = z.ZodType<Record<string, unknown>>

export interface RouteDef {
  method: HttpMethod
  /** Koa-style path with :params, relative to the server root (e.g. /api/v1/notices/:id) */
  path: string
  summary: string
  tags?: string[]
  access: Access
  roles?: readonly Role[]
  params?: AnyObject
  query?: AnyObject
  body?: z.ZodType
  /** Exactly one success status → response schema. */
  responses: Partial<Record<200 | 201 | 202 | 204, z.ZodType>>
  /** Non-JSON success responses (e.g. CSV) are declared by content type. */
  produces?: string
  /** Raw request body kinds other than JSON (e.g. multipart upload). */
  consumes?: 'multipart/form-data'
  /** Headers the endpoint reads (documented in OpenAPI). */
  headers?: Record<string, string>
  /** The endpoint receives a resident's personal data: residents must have accepted the current privacy notice
   * version (403 FORBIDDEN otherwise; staff are not affected). */
  requiresConsent?: boolean
  /** Staff signed in with a one-time password may call it before changing that password (everything else answers
   * 403 FORBIDDEN with details.reason PASSWORD_CHANGE_REQUIRED). */
  beforePasswordChange?: boolean
}

export const route = <const T extends RouteDef>(def: T): T => def

type Infer<S> = S extends z.ZodType ? z.input<S> : undefined
type Out<S> = S extends z.ZodType ? z.output<S> : undefined
export type SuccessSchema<R extends RouteDef> = R['responses'][keyof R['responses']]
export type ResponseOf<R extends RouteDef> = Out<SuccessSchema<R>>

/** What a caller passes: only the parts the route declares. */
export type RequestOf<R extends RouteDef> =
  (R['params'] extends z.ZodType ? { params: Infer<R['params']> } : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: Infer<R['query']> } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? { body: Infer<R['body']> } : { body?: undefined }) &
  { headers?: Record<string, string> }

/** What a handler receives: parsed (output) types. */
export interface ParsedRequest<R extends RouteDef> {
  params: Out<R['params']> extends undefined ? Record<string, never> : Out<R['params']>
  query: Out<R['query']> extends undefined ? Record<string, never> : Out<R['query']>
  body: Out<R['body']>
}

export function successStatus (r: RouteDef): number {
  const k = Object.keys(r.responses)[0]
  return k ? Number(k) : 200
}

/** Fills :params into a path; values are URI-encoded. */
export function buildPath (path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
    const v = params?.[name]
    if (v === undefined || v === null) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(String(v))
  })
}

/** Query string from a flat object; undefined/null/'' are left out; arrays repeat the key. */
export function buildQuery (query?: Record<string, unknown>): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(item))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}
