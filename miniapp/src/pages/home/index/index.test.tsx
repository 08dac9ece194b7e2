import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { pageUrl } from '@bianmin/shared'
import { fakeApi, residentView } from '../../../../test/fake-api'
import HomePage from './index'

const orgTree = {
  items: [{ id: 'd1', name: '滨江区', level: 'DISTRICT', parentId: null, children: [
    { id: 's1', name: '东湖街道', level: 'STREET', parentId: 'd1', children: [] },
  ] }],
}

function serve (me: () => { status: number; data?: unknown }) {
  const api = fakeApi({
    'POST /api/v1/auth/wechat': () => ({ status: 200, data: { token: 'tok1', expiresAt: '2026-12-21T08:00:00+08:00', resident: residentView() } }),
    'GET /api/v1/me': me,
    'GET /api/v1/orgs': () => ({ status: 200, data: orgTree }),
  })
  vi.mocked(Taro.request).mockImplementation(api.taroRequest as never)
  vi.mocked(Taro.login).mockResolvedValue({ code: 'wx_code_1', errMsg: 'login:ok' } as never)
  return api
}

describe('首页', () => {
  it('signs in and greets the resident, with the street name', async () => {
    const api = serve(() => ({ status: 200, data: { type: 'resident', resident: residentView() } }))
    render(<HomePage />)
    expect(screen.getByTestId('page-state-loading').textContent).toContain('正在登录')

    const greeting = await screen.findByTestId('home-greeting')
    expect(greeting.className).toContain('home-greeting')
    expect(greeting.textContent).toContain('您好，居民')
    expect((await screen.findByTestId('home-street')).textContent).toBe('东湖街道')

    expect(Taro.login).toHaveBeenCalledTimes(1)
    const login = api.requests.find((r) => r.path === '/api/v1/auth/wechat')
    expect(login?.body).toEqual({ code: 'wx_code_1' })
    expect(api.requests.find((r) => r.path === '/api/v1/me')?.headers.authorization).toBe('Bearer tok1')
    expect(Taro.getStorageSync('bm_token')).toBe('tok1')
  })

  it('uses the nickname when the resident has one', async () => {
    serve(() => ({ status: 200, data: { type: 'resident', resident: residentView({ nickname: '张阿姨' }) } }))
    render(<HomePage />)
    expect((await screen.findByTestId('home-greeting')).textContent).toContain('您好，张阿姨')
  })

  it('shows the error with 重试, and 重试 loads again', async () => {
    let fail = true
    serve(() => fail
      ? { status: 500, data: { error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } } }
      : { status: 200, data: { type: 'resident', resident: residentView() } })
    render(<HomePage />)

    const error = await screen.findByTestId('page-state-error')
    expect(error.textContent).toContain('系统繁忙，请稍后再试')
    expect(screen.queryByTestId('home-greeting')).toBeNull()

    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect((await screen.findByTestId('home-greeting')).textContent).toContain('您好')
    expect(screen.queryByTestId('page-state-error')).toBeNull()
  })

  it('opens 预约办理 on the 办事 tab and 我的预约 as a page', async () => {
    serve(() => ({ status: 200, data: { type: 'resident', resident: residentView() } }))
    render(<HomePage />)
    await screen.findByTestId('home-greeting')
    fireEvent.click(screen.getByTestId('entry-booking'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: pageUrl('services') })
    fireEvent.click(screen.getByTestId('entry-my-bookings'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl('appointments') })
  })

})
