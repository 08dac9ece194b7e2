// A typed client over the contract, independent of the transport (Taro.request in the mini-program, fetch in tests).
import type { Contract, RouteName } from './contract/index'
import { buildPath, buildQuery, type HttpMethod, type RequestOf, type ResponseOf } from './contract/route'
import type { ErrorEnvelope } from './errors'

export interface Transport {
  (req: { method: string; url: string; headers: Record<string, string>; body?: unknown }): Promise<{ status: number; data: unknown; headers?: Record<string, string> }>
}

export class ApiError extends Error {
  constructor (public status: number, public code: string, message: string, public details?: unknown) { super(message) }
  /** Field → message from VALIDATION_FAILED details, for showing errors next to form fields. */
  fieldErrors (): Record<string, string> {
    const out: Record<string, string> = {}
    if (Array.isArray(this.details)) for (const d of this.details as { path?: string; message?: string }[]) if (d.path && d.message && !out[d.path]) out[d.path] = d.message
    return out
  }
}

/**
 * Method and path of every route: the contract itself, or the same table without its zod schemas (`routeTable(contract)`,
 * computed at build time for the mini-program so its main package does not carry every schema).
 */
export type RouteTable = { readonly [N in RouteName]: { readonly method: HttpMethod; readonly path: string } }
export const routeTable = (routes: RouteTable): RouteTable =>
  Object.fromEntries(Object.entries(routes).map(([n, r]) => [n, { method: r.method, path: r.path }])) as RouteTable

export function createClient (opts: { baseUrl: string; transport: Transport; routes: RouteTable; getToken?: () => string | null | undefined }) {
  return async function call<N extends RouteName> (name: N, req: RequestOf<Contract[N]> = {} as RequestOf<Contract[N]>): Promise<ResponseOf<Contract[N]>> {
    const r = opts.routes[name]
    const url = opts.baseUrl + buildPath(r.path, req.params as Record<string, unknown> | undefined) + buildQuery(req.query as Record<string, unknown> | undefined)
    const headers: Record<string, string> = { accept: 'application/json', ...(req.headers ?? {}) }
    const token = opts.getToken?.()
    if (token) headers.authorization = `Bearer ${token}`
    if (req.body !== undefined) headers['content-type'] = 'application/json'
    const res = await opts.transport({ method: r.method, url, headers, body: req.body })
    if (res.status >= 400) {
      const e = (res.data as Partial<ErrorEnvelope> | undefined)?.error
      throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? '网络异常，请稍后再试', e?.details)
    }
    return res.data as ResponseOf<Contract[N]>
  }
}
export type ApiCall = ReturnType<typeof createClient>
