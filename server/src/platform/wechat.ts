// WeChat: code2Session (login) and subscribe messages. With no app configured a mock provider maps any code to a
// stable openid, so H5 and tests work. The base URL is configurable so tests can point it at a local fake.
import crypto from 'node:crypto'
import { AppError } from './errors'

export interface WechatSession { openid: string; unionid?: string }

export interface WechatClient {
  readonly mock: boolean
  code2Session (code: string): Promise<WechatSession>
  sendSubscribeMessage (msg: { openid: string; templateId: string; page?: string; data: Record<string, { value: string }> }): Promise<void>
}

export function createWechatClient (cfg: { appId?: string; appSecret?: string; apiBase: string }, fetchImpl: typeof fetch = fetch): WechatClient {
  if (!cfg.appId || !cfg.appSecret) {
    return {
      mock: true,
      async code2Session (code) { return { openid: `mock_${crypto.createHash('sha256').update(code).digest('hex').slice(0, 28)}` } },
      async sendSubscribeMessage () { /* no WeChat app configured: in-app messages only */ },
    }
  }
  let accessToken: { value: string; expiresAt: number } | null = null
  async function getAccessToken (): Promise<string> {
    if (accessToken && accessToken.expiresAt > Date.now() + 60_000) return accessToken.value
    const url = `${cfg.apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(cfg.appId!)}&secret=${encodeURIComponent(cfg.appSecret!)}`
    const r = await fetchImpl(url, { signal: AbortSignal.timeout(5000) })
    const j = await r.json() as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }
    if (!j.access_token) throw new Error(`WeChat token error ${j.errcode}: ${j.errmsg}`)
    accessToken = { value: j.access_token, expiresAt: Date.now() + (j.expires_in ?? 7200) * 1000 }
    return accessToken.value
  }
  return {
    mock: false,
    async code2Session (code) {
      const url = `${cfg.apiBase}/sns/jscode2session?appid=${encodeURIComponent(cfg.appId!)}&secret=${encodeURIComponent(cfg.appSecret!)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`
      let j: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string }
      try {
        const r = await fetchImpl(url, { signal: AbortSignal.timeout(5000) })
        j = await r.json() as typeof j
      } catch {
        throw new AppError('INTERNAL', '微信登录服务暂时不可用，请稍后再试')
      }
      // session_key is never stored or returned: the BFF issues its own token.
      if (!j.openid) throw new AppError('UNAUTHENTICATED', '微信登录凭证无效或已过期，请重新进入小程序')
      return { openid: j.openid, unionid: j.unionid }
    },
    async sendSubscribeMessage (msg) {
      const token = await getAccessToken()
      const r = await fetchImpl(`${cfg.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ touser: msg.openid, template_id: msg.templateId, page: msg.page, data: msg.data, miniprogram_state: 'formal', lang: 'zh_CN' }),
        signal: AbortSignal.timeout(5000),
      })
      const j = await r.json() as { errcode?: number; errmsg?: string }
      if (j.errcode) throw new Error(`WeChat subscribe message error ${j.errcode}: ${j.errmsg}`)
    },
  }
}
