import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { pageUrl } from '@bianmin/shared'
import { fakeApi, residentView } from '../../../../test/fake-api'
import { consent } from '@/api/client'
import ApplyPage from './index'

const orgTree = { items: [{ id: 'd1', name: '滨江区', level: 'DISTRICT', parentId: null, children: [
  { id: 's1', name: '东湖街道', level: 'STREET', parentId: 'd1', children: [] },
] }] }

describe('依申请公开 form', () => {
  it('says what is missing and sends nothing; a complete form is sent and opens its detail page', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/wechat': () => ({ status: 200, data: { token: 't', expiresAt: '2026-12-21T08:00:00+08:00', resident: residentView({ consentVersion: 'v1' }) } }),
      'GET /api/v1/me': () => ({ status: 200, data: { type: 'resident', resident: residentView({ consentVersion: 'v1' }) } }),
      'GET /api/v1/privacy': () => ({ status: 200, data: { version: 'v1' } }),
      'GET /api/v1/orgs': () => ({ status: 200, data: orgTree }),
      'POST /api/v1/disclosures': () => ({ status: 201, data: { id: 'dq1' } }),
    })
    vi.mocked(Taro.request).mockImplementation(api.taroRequest as never)
    vi.mocked(Taro.login).mockResolvedValue({ code: 'c', errMsg: 'login:ok' } as never)
    await consent.ensureLoaded().catch(() => undefined)
    render(<ApplyPage />)
    fireEvent.click(await screen.findByTestId('apply-submit'))
    expect((await screen.findByTestId('error-description')).textContent).toContain('请填写')
    expect(screen.getByTestId('error-consent').textContent).toContain('同意')
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/disclosures')).toBe(false)

    const type = (id: string, tag: string, v: string) => fireEvent.change(screen.getByTestId(id).tagName.toLowerCase() === tag ? screen.getByTestId(id) : screen.getByTestId(id).querySelector(tag)!, { target: { value: v } })
    type('field-description', 'textarea', '申请公开本街道老旧小区改造项目清单')
    type('field-contactName', 'input', '李明')
    type('field-contactPhone', 'input', '13812345678')
    fireEvent.click(screen.getByTestId('form-PAPER'))
    fireEvent.click(screen.getByTestId('field-consent'))
    expect(screen.queryByTestId('error-consent')).toBeNull()
    // Paper asks for the postal address; the ID number is required too.
    fireEvent.click(screen.getByTestId('apply-submit'))
    expect((await screen.findByTestId('error-applicantIdNumber')).textContent).toBe('请填写身份证号或统一社会信用代码')
    expect(screen.getByTestId('error-postalAddress').textContent).toBe('申请纸质文件时请填写邮寄地址')
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/disclosures')).toBe(false)
    type('field-applicantIdNumber', 'input', '350203199001011234')
    type('field-postalAddress', 'input', '厦门市湖里区东荣路 22 号')
    fireEvent.click(screen.getByTestId('apply-submit'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl('disclosureDetail', { id: 'dq1', submitted: 1 }) }))
    const sent = api.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/disclosures')
    expect(sent?.body).toMatchObject({
      orgId: 's1', form: 'PAPER', contactPhone: '13812345678', applicantType: 'NATURAL_PERSON', applicantIdNumber: '350203199001011234', postalAddress: '厦门市湖里区东荣路 22 号',
    })
  })
})
