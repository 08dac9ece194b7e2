import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import { ApiError } from '@bianmin/shared'
import { Loaded, useResource } from './index'

// A notice (or anything) that is not there says so; 重试 cannot bring it back, so it is not offered.
describe('Loaded on a 404', () => {
  it('says the thing is not there, without 重试; other errors keep 重试', async () => {
    function Page ({ error }: { error: ApiError }) {
      const r = useResource(vi.fn(async () => { throw error }), [], { on: 'mount' })
      return <Loaded resource={r} notFoundDescription='该信息可能已撤回或尚未发布'>{() => <span>内容</span>}</Loaded>
    }
    const { unmount } = render(<Page error={new ApiError(404, 'NOT_FOUND', '未找到该公告')} />)
    const state = await screen.findByTestId('page-state-empty')
    expect(state.textContent).toContain('未找到该公告')
    expect(state.textContent).toContain('该信息可能已撤回或尚未发布')
    expect(screen.queryByText('重试')).toBeNull()
    unmount()
    render(<Page error={new ApiError(500, 'INTERNAL', '系统繁忙，请稍后再试')} />)
    expect((await screen.findByTestId('page-state-error')).textContent).toContain('系统繁忙')
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
