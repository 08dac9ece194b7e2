import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { pageUrl } from '@bianmin/shared'
import { fakeApi, residentView } from '../../../../test/fake-api'
import { prefs } from '@/store/prefs'
import MinePage from './index'

describe('我的', () => {
  it('switches 长辈模式 on: page class, storage and the account preference', async () => {
    prefs.setElderMode(false)
    const api = fakeApi({
      'POST /api/v1/auth/wechat': () => ({ status: 200, data: { token: 'tok1', expiresAt: '2026-12-21T08:00:00+08:00', resident: residentView() } }),
      'GET /api/v1/me': () => ({ status: 200, data: { type: 'resident', resident: residentView() } }),
      'PATCH /api/v1/me': (req) => ({ status: 200, data: residentView(req.body as Record<string, unknown>) }),
    })
    vi.mocked(Taro.request).mockImplementation(api.taroRequest as never)
    vi.mocked(Taro.login).mockResolvedValue({ code: 'wx_code_2', errMsg: 'login:ok' } as never)

    const { container } = render(<MinePage />)
    expect(await screen.findByTestId('mine-name')).toHaveProperty('textContent', '居民')
    const root = container.firstElementChild as HTMLElement
    expect(root.className).not.toContain('elder')

    fireEvent.click(screen.getByRole('switch'))
    expect(root.className).toContain('elder')
    expect(Taro.getStorageSync('bm_elder_mode')).toBe('1')
    await vi.waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH' && r.path === '/api/v1/me')).toBe(true))
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ elderMode: true })

    fireEvent.click(screen.getByRole('switch'))
    expect(root.className).not.toContain('elder')
    expect(Taro.getStorageSync('bm_elder_mode')).toBe('0')
  })

  it('opens the staff login page', async () => {
    vi.mocked(Taro.request).mockResolvedValue({ statusCode: 503, data: null, header: {} } as never)
    vi.mocked(Taro.login).mockResolvedValue({ code: 'c', errMsg: 'login:ok' } as never)
    render(<MinePage />)
    fireEvent.click(screen.getByTestId('staff-login-entry'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl('staffLogin') })
  })
})
