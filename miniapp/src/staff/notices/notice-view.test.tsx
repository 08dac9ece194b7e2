import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fakeApi } from '../../../test/fake-api'
import { NoticeView } from './notice-view'

const notice = {
  id: 'n1', category: '通知公告', title: '冬季供暖安排', summary: '供暖时间', status: 'PENDING_REVIEW', pinned: false, orgId: 'o1', orgName: '湖里街道',
  authorId: 's-editor', authorName: '李编辑', reviewerId: null, reviewerName: null, rejectReason: null, publishAt: null, publishedAt: null,
  withdrawnAt: null, relatedNoticeId: null, views: 0, version: 1, createdAt: '2026-11-23T09:00:00.000+08:00', updatedAt: '2026-11-23T09:00:00.000+08:00',
  body: '<p>供暖时间自11月15日起。</p>', attachments: [], related: [],
}
const reviewer = { id: 's-rev', username: 'reviewer', name: '王审核', roles: ['REVIEWER'], orgId: 'o1', orgName: '湖里街道', hallId: null, mustChangePassword: false }

describe('信息审核', () => {
  it('asks before 审核通过并发布 and sends 退回 only with a reason', async () => {
    Taro.setStorageSync('bm_staff_token', 'staff-token')
    const api = fakeApi({
      'GET /api/v1/me': () => ({ status: 200, data: { type: 'staff', staff: reviewer } }),
      'GET /api/v1/staff/notices/n1': () => ({ status: 200, data: notice }),
      'POST /api/v1/staff/notices/n1/approve': () => ({ status: 200, data: { ...notice, status: 'PUBLISHED' } }),
      'POST /api/v1/staff/notices/n1/reject': () => ({ status: 200, data: { ...notice, status: 'REJECTED' } }),
    })
    vi.mocked(Taro.request).mockImplementation(api.taroRequest as never)
    render(<NoticeView id='n1' />)
    fireEvent.click(await screen.findByTestId('staff-notice-reject'))
    expect((await screen.findByText('请填写退回原因（至少 2 个字）')).textContent).toBeTruthy()
    fireEvent.click(screen.getByTestId('staff-notice-approve'))
    expect((await screen.findByTestId('inline-confirm')).textContent).toContain('审核通过并发布？')
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.click(screen.getByTestId('inline-confirm-ok'))
    await vi.waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/staff/notices/n1/approve')).toBe(true))
    expect(api.requests.some((r) => r.path.endsWith('/reject'))).toBe(false)
  })

  it('shows a written 摘要 but not an automatic one that repeats the body', async () => {
    Taro.setStorageSync('bm_staff_token', 'staff-token')
    const body = '<p>东荣社区居务公开：11月份低保金已发放到户，请居民查收。</p>'
    for (const [summary, shown] of [['东荣社区居务公开：11月份低保金已发放到户，请居民查收。', false], ['东荣社区居务公开：11月份…', false], ['11月低保金发放情况', true]] as const) {
      const api = fakeApi({
        'GET /api/v1/me': () => ({ status: 200, data: { type: 'staff', staff: reviewer } }),
        'GET /api/v1/staff/notices/n1': () => ({ status: 200, data: { ...notice, status: 'PUBLISHED', summary, body } }),
      })
      vi.mocked(Taro.request).mockImplementation(api.taroRequest as never)
      const { unmount } = render(<NoticeView id='n1' />)
      await screen.findByText('冬季供暖安排')
      expect({ summary, shown: screen.queryByTestId('staff-notice-summary')?.textContent ?? null }).toEqual({ summary, shown: shown ? `摘要：${summary}` : null })
      unmount()
    }
  })
})
