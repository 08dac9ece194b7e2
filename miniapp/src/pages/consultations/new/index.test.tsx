import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { pageUrl } from '@bianmin/shared'
import { fakeApi, residentView } from '../../../../test/fake-api'
import NewConsultationPage from './index'

const orgTree = { items: [{ id: 'd1', name: '滨江区', level: 'DISTRICT', parentId: null, children: [
  { id: 's1', name: '东湖街道', level: 'STREET', parentId: 'd1', children: [] },
] }] }

describe('在线咨询 form', () => {
  it('checks the title locally, counts the content, sends the case and opens it', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/wechat': () => ({ status: 200, data: { token: 't', expiresAt: '2026-12-21T08:00:00+08:00', resident: residentView({ consentVersion: 'v1' }) } }),
      'GET /api/v1/orgs': () => ({ status: 200, data: orgTree }),
      'POST /api/v1/consultations': () => ({ status: 201, data: { id: 'c1' } }),
    })
    vi.mocked(Taro.request).mockImplementation(api.taroRequest as never)
    vi.mocked(Taro.login).mockResolvedValue({ code: 'c', errMsg: 'login:ok' } as never)
    render(<NewConsultationPage />)
    await waitFor(() => expect(screen.getByTestId('cs-org').textContent).toContain('东湖街道'))
    fireEvent.click(screen.getByTestId('cs-submit'))
    expect((await screen.findByTestId('cs-error-title')).textContent).toBe('请填写标题')
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/consultations')).toBe(false)

    fireEvent.click(screen.getByTestId('cs-kind-COMPLAINT'))
    fireEvent.change(screen.getByTestId('cs-title'), { target: { value: '人行道地砖破损' } })
    expect(screen.queryByTestId('cs-error-title')).toBeNull()
    fireEvent.change(screen.getByTestId('cs-content'), { target: { value: '东荣路 22 号门口的地砖翘起，老人容易绊倒，请尽快修复。' } })
    expect(screen.getByTestId('cs-counter').textContent).toMatch(/^\d+\/2000$/)
    fireEvent.click(screen.getByTestId('cs-submit'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl('consultationDetail', { id: 'c1' }) }))
    expect(api.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/consultations')?.body).toMatchObject({ kind: 'COMPLAINT', orgId: 's1', title: '人行道地砖破损' })
  })
})
