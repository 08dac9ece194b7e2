import { describe, expect, it, vi } from 'vitest'
import { renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useConfirm } from './components/confirm'
import { token } from './tokens'

// Destructive confirmations are not the platform's green: the modal's confirm button takes the danger token, any
// other confirmation the primary one.
describe('useConfirm colours', () => {
  it('asks a destructive question with the danger colour and others with the primary colour', async () => {
    const showModal = vi.fn(async () => ({ confirm: true, cancel: false }))
    Object.assign(Taro, { showModal })
    const { result } = renderHook(() => useConfirm())
    expect(await result.current.ask({ key: 'a', title: '取消预约', content: '确定取消吗？', confirmText: '确定取消', danger: true })).toBe(true)
    expect(await result.current.ask({ key: 'b', title: '确认办结', content: '问题已解决？' })).toBe(true)
    const [first, second] = showModal.mock.calls.map((c) => (c as unknown[])[0] as { confirmColor: string })
    expect(first!.confirmColor).toBe(token('color-danger'))
    expect(second!.confirmColor).toBe(token('color-primary'))
    for (const c of [first!, second!]) expect(c.confirmColor.toLowerCase()).not.toMatch(/^#(3cc51f|07c160|09bb07)$/)
  })
})
