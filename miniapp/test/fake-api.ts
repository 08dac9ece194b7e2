// A tiny in-memory API for tests: routes "METHOD /path" to handlers and records every request.
export interface FakeRequest { method: string; path: string; query: string; headers: Record<string, string>; body: unknown }
export interface FakeResponse { status: number; data?: unknown }
type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>

export function fakeApi (routes: Record<string, Handler>) {
  const requests: FakeRequest[] = []
  async function handle (method: string, url: string, headers: Record<string, string>, body: unknown): Promise<FakeResponse> {
    const u = new URL(url, 'http://api.test')
    const req = { method, path: u.pathname, query: u.search, headers, body }
    requests.push(req)
    const h = routes[`${method} ${u.pathname}`]
    return h ? h(req) : { status: 404, data: { error: { code: 'NOT_FOUND', message: '未找到相关内容' } } }
  }
  return {
    requests,
    /** For Taro.request's mock: resolves like wx.request (status in statusCode). */
    taroRequest: async (opts: { method: string; url: string; header: Record<string, string>; data?: unknown }) => {
      const res = await handle(opts.method, opts.url, opts.header, opts.data)
      return { statusCode: res.status, data: res.data ?? null, header: {} }
    },
    /** For createClient's Transport. */
    transport: async (r: { method: string; url: string; headers: Record<string, string>; body?: unknown }) => {
      const res = await handle(r.method, r.url, r.headers, r.body)
      return { status: res.status, data: res.data ?? null }
    },
  }
}

export const unauthenticated: FakeResponse = { status: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }

export function residentView (over: Record<string, unknown> = {}) {
  return { id: 'r1', nickname: null, consentVersion: null, elderMode: false, suspendedUntil: null, createdAt: '2026-11-21T08:00:00+08:00', ...over }
}
