import { describe, expect, it, vi } from 'vitest'
import { ApiError, contract } from '@bianmin/shared'
import Taro from '@tarojs/taro'
import { fakeApi, residentView, unauthenticated } from '../../test/fake-api'
import { createResidentSession, createStaffSession, h5LoginCode } from './session'
import { STORAGE_KEYS, type KeyValueStore } from './storage'
import { taroTransport } from './transport'

function memoryStore (): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, get: (k) => data.get(k) ?? '', set: (k, v) => { data.set(k, v) }, remove: (k) => { data.delete(k) } }
}

/** A server that issues token t1, t2, … per login and accepts only the newest one. */
function residentServer () {
  let issued = 0
  let valid = ''
  const api = fakeApi({
    'POST /api/v1/auth/wechat': () => {
      valid = `t${++issued}`
      return { status: 200, data: { token: valid, expiresAt: '2026-12-21T08:00:00+08:00', resident: residentView() } }
    },
    'GET /api/v1/me': (req) => req.headers.authorization === `Bearer ${valid}`
      ? { status: 200, data: { type: 'resident', resident: residentView() } }
      : unauthenticated,
    'GET /api/v1/orgs': () => ({ status: 200, data: { items: [] } }),
  })
  return { ...api, expire: () => { valid = 'revoked' }, logins: () => issued }
}

function setup () {
  const server = residentServer()
  const storage = memoryStore()
  const getLoginCode = vi.fn(async () => 'code_1')
  const session = createResidentSession({ baseUrl: 'http://api.test', transport: server.transport, storage, getLoginCode })
  return { server, storage, getLoginCode, session }
}

describe('resident session', () => {
  it('signs in with the login code before the first call and sends the token', async () => {
    const { server, storage, getLoginCode, session } = setup()
    const me = await session.call('getMe')
    expect(me.type).toBe('resident')
    expect(getLoginCode).toHaveBeenCalledTimes(1)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/auth/wechat', 'GET /api/v1/me'])
    expect(server.requests[0]?.body).toEqual({ code: 'code_1' })
    expect(server.requests[1]?.headers.authorization).toBe('Bearer t1')
    expect(storage.data.get(STORAGE_KEYS.residentToken)).toBe('t1')
  })

  it('shares one login between concurrent first calls', async () => {
    const { server, session } = setup()
    await Promise.all([session.call('getMe'), session.call('getMe'), session.call('listOrgs')])
    expect(server.logins()).toBe(1)
  })

  it('on 401 signs in again once and retries the call', async () => {
    const { server, storage, session } = setup()
    await session.call('getMe')
    server.expire()
    const me = await session.call('getMe')
    expect(me.type).toBe('resident')
    expect(server.logins()).toBe(2)
    expect(storage.data.get(STORAGE_KEYS.residentToken)).toBe('t2')
    const meCalls = server.requests.filter((r) => r.path === '/api/v1/me').map((r) => r.headers.authorization)
    expect(meCalls).toEqual(['Bearer t1', 'Bearer t1', 'Bearer t2'])
  })

  it('gives up after one retry when the server keeps answering 401', async () => {
    const storage = memoryStore()
    const api = fakeApi({
      'POST /api/v1/auth/wechat': () => ({ status: 200, data: { token: 'tx', expiresAt: '2026-12-21T08:00:00+08:00', resident: residentView() } }),
      'GET /api/v1/me': () => unauthenticated,
    })
    const session = createResidentSession({ baseUrl: '', transport: api.transport, storage, getLoginCode: async () => 'c' })
    const err = await session.call('getMe').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(401)
    expect(api.requests.filter((r) => r.path === '/api/v1/auth/wechat')).toHaveLength(2) // first login + one re-login
    expect(api.requests.filter((r) => r.path === '/api/v1/me')).toHaveLength(2)
  })

  it('passes other errors through without signing in again', async () => {
    const storage = memoryStore()
    storage.set(STORAGE_KEYS.residentToken, 'kept')
    const api = fakeApi({ 'GET /api/v1/me': () => ({ status: 503, data: { error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } } }) })
    const getLoginCode = vi.fn(async () => 'c')
    const session = createResidentSession({ baseUrl: '', transport: api.transport, storage, getLoginCode })
    await expect(session.call('getMe')).rejects.toMatchObject({ status: 503, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
    expect(getLoginCode).not.toHaveBeenCalled()
    expect(storage.get(STORAGE_KEYS.residentToken)).toBe('kept')
  })
})

describe('h5LoginCode', () => {
  it('creates one valid code per browser and keeps it', () => {
    const storage = memoryStore()
    const code = h5LoginCode(storage)
    expect(code).toMatch(/^h5_[A-Za-z0-9]{16}$/)
    expect(contract.loginWechat.body.safeParse({ code }).success).toBe(true)
    expect(h5LoginCode(storage)).toBe(code)
    expect(h5LoginCode(memoryStore())).not.toBe(code)
  })

  it('replaces a stored value that is not a valid code', () => {
    const storage = memoryStore()
    storage.set(STORAGE_KEYS.h5LoginCode, 'bad code!')
    expect(h5LoginCode(storage)).toMatch(/^h5_[A-Za-z0-9]{16}$/)
  })
})

describe('staff session', () => {
  const staff = { id: 's1', username: 'clerk1', name: '王芳', roles: ['CLERK'], orgId: 'o1', orgName: '东湖街道', hallId: null, mustChangePassword: false }

  it('keeps the staff token apart from the resident token and drops it on 401', async () => {
    const storage = memoryStore()
    storage.set(STORAGE_KEYS.residentToken, 'resident')
    let valid = true
    const api = fakeApi({
      'POST /api/v1/auth/staff': (req) => (req.body as { password: string }).password === 'Right-pass1'
        ? { status: 200, data: { token: 'st1', expiresAt: '2026-11-21T20:00:00+08:00', staff } }
        : { status: 401, data: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } } },
      'GET /api/v1/me': (req) => valid && req.headers.authorization === 'Bearer st1' ? { status: 200, data: { type: 'staff', staff } } : unauthenticated,
    })
    const session = createStaffSession({ baseUrl: '', transport: api.transport, storage })

    await expect(session.signIn('clerk1', 'wrong')).rejects.toMatchObject({ status: 401, message: '用户名或密码错误' })
    expect(session.hasToken()).toBe(false)

    await expect(session.signIn('clerk1', 'Right-pass1')).resolves.toMatchObject({ name: '王芳' })
    expect(storage.get(STORAGE_KEYS.staffToken)).toBe('st1')
    expect(storage.get(STORAGE_KEYS.residentToken)).toBe('resident')
    await expect(session.call('getMe')).resolves.toMatchObject({ type: 'staff' })

    valid = false
    await expect(session.call('getMe')).rejects.toMatchObject({ status: 401 })
    expect(session.hasToken()).toBe(false)
    expect(storage.get(STORAGE_KEYS.residentToken)).toBe('resident')
  })
  it('reports every 401 and every reasoned 403 to one handler (never for a failed sign-in)', async () => {
    const storage = memoryStore()
    storage.set(STORAGE_KEYS.staffToken, 'st1')
    const seen: unknown[] = []
    const api = fakeApi({
      'POST /api/v1/auth/staff': () => ({ status: 401, data: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } } }),
      'GET /api/v1/me': () => ({ status: 403, data: { error: { code: 'FORBIDDEN', message: '请先修改初始密码', details: { reason: 'PASSWORD_CHANGE_REQUIRED' } } } }),
      'GET /api/v1/staff/workbench': () => unauthenticated,
      'GET /api/v1/staff/settings': () => ({ status: 403, data: { error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } } }),
    })
    const session = createStaffSession({ baseUrl: '', transport: api.transport, storage, onAuthFailure: (f) => seen.push(f) })
    await expect(session.signIn('clerk1', 'wrong')).rejects.toMatchObject({ status: 401 })
    expect(seen).toEqual([])
    await expect(session.call('getMe')).rejects.toMatchObject({ status: 403 })
    expect(seen).toMatchObject([{ kind: 'forbidden', reason: 'PASSWORD_CHANGE_REQUIRED' }])
    expect(session.hasToken()).toBe(true)
    await expect(session.call('getSettings')).rejects.toMatchObject({ status: 403 })
    expect(seen).toHaveLength(1)
    await expect(session.call('getWorkbench')).rejects.toMatchObject({ status: 401 })
    expect(seen[1]).toEqual({ kind: 'expired' })
    expect(session.hasToken()).toBe(false)
  })
})

describe('taroTransport', () => {
  it('maps Taro.request to status and data', async () => {
    vi.mocked(Taro.request).mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'SLOT_FULL', message: '该时段已约满' } }, header: {} } as never)
    const res = await taroTransport({ method: 'POST', url: 'http://api.test/x', headers: { a: 'b' }, body: { n: 1 } })
    expect(res).toMatchObject({ status: 409, data: { error: { code: 'SLOT_FULL' } } })
    expect(vi.mocked(Taro.request).mock.calls[0]?.[0]).toMatchObject({ method: 'POST', url: 'http://api.test/x', header: { a: 'b' }, data: { n: 1 } })
  })

  it('turns a network failure into a Chinese ApiError', async () => {
    vi.mocked(Taro.request).mockRejectedValueOnce(new Error('request:fail'))
    await expect(taroTransport({ method: 'GET', url: '/x', headers: {} })).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
  })
})
