// A local stand-in for api.weixin.qq.com (login, access token, subscribe messages): the only thing tests mock.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SentMessage { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }

export interface FakeWechat {
  url: string
  sent: SentMessage[]
  /** Answer the next n sends with this errcode (0 = success). */
  failNext: (n: number, errcode?: number) => void
  /** Delay every send (ms), to widen race windows. */
  delayMs: number
  close: () => Promise<void>
}

export async function startFakeWechat (): Promise<FakeWechat> {
  const sent: SentMessage[] = []
  let failures: { left: number; errcode: number } = { left: 0, errcode: 0 }
  const fake: FakeWechat = {
    url: '', sent, delayMs: 0,
    failNext: (n, errcode = 45009) => { failures = { left: n, errcode } },
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections() }),
  }
  const json = (res: http.ServerResponse, body: unknown) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)) }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname === '/sns/jscode2session') return json(res, { openid: `wx_${url.searchParams.get('js_code')}`, session_key: 'fake-session-key' })
    if (url.pathname === '/cgi-bin/token') return json(res, { access_token: 'fake-access-token', expires_in: 7200 })
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let body = ''
      req.on('data', (c) => { body += c })
      req.on('end', () => {
        setTimeout(() => {
          if (url.searchParams.get('access_token') !== 'fake-access-token') return json(res, { errcode: 40001, errmsg: 'invalid credential' })
          if (failures.left > 0) { failures.left--; return json(res, { errcode: failures.errcode, errmsg: 'fake failure' }) }
          sent.push(JSON.parse(body) as SentMessage)
          json(res, { errcode: 0, errmsg: 'ok' })
        }, fake.delayMs)
      })
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}
