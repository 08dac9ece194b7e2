import { describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@bianmin/shared'
import { firePageEvent } from '../../test/mocks/taro'
import { Field, Loaded, PagedFooter, StatusTag, go, openLink, redirect, token, tokens, usePagedList, useResource, useSubmit, type StatusMap } from './index'
import { tokensScss } from './tokens'

const deferred = <T,>() => {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

describe('useResource', () => {
  it('loads on show, keeps the error message, reloads on 重试 and on pull-down', async () => {
    const load = vi.fn<() => Promise<{ n: number }>>().mockRejectedValueOnce(new ApiError(500, 'INTERNAL', '服务暂时不可用')).mockResolvedValue({ n: 1 })
    function Page () {
      const r = useResource(load, [])
      return <Loaded resource={r}>{(d) => <span data-testid='value'>{d.n}</span>}</Loaded>
    }
    render(<Page />)
    expect(screen.getByTestId('page-state-loading')).toBeTruthy()
    expect((await screen.findByTestId('page-state-error')).textContent).toContain('服务暂时不可用')
    expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByText('重试'))
    expect((await screen.findByTestId('value')).textContent).toBe('1')
    act(() => firePageEvent('pullDownRefresh'))
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3))
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(3))
  })

  it('drops an older answer that arrives after a newer one, and reloads when deps change', async () => {
    const first = deferred<string>()
    const answers: Record<string, Promise<string>> = { a: first.promise, b: Promise.resolve('B') }
    const { result, rerender } = renderHook(({ k }) => useResource(() => answers[k]!, [k], { on: 'mount' }), { initialProps: { k: 'a' } })
    rerender({ k: 'b' })
    await waitFor(() => expect(result.current.data).toBe('B'))
    await act(async () => { first.resolve('A') })
    expect(result.current.data).toBe('B')
    expect(result.current.loading).toBe(false)
  })
})

describe('usePagedList', () => {
  it('appends pages on reaching the bottom, says a failed 加载更多 in place and retries it', async () => {
    const fetchPage = vi.fn(async (cursor?: string): Promise<{ items: string[]; nextCursor: string | null }> => {
      if (!cursor) return { items: ['a', 'b'], nextCursor: 'c1' }
      if (fetchPage.mock.calls.filter((c) => c[0] === 'c1').length === 1) throw new ApiError(0, 'NETWORK', '网络连接失败')
      return { items: ['c'], nextCursor: null }
    })
    function Page () {
      const l = usePagedList(fetchPage, [])
      return <div>{l.items.map((i) => <span key={i} data-testid='item'>{i}</span>)}<PagedFooter list={l} /></div>
    }
    render(<Page />)
    await waitFor(() => expect(screen.getAllByTestId('item')).toHaveLength(2))
    act(() => firePageEvent('reachBottom'))
    expect((await screen.findByTestId('load-more-error')).textContent).toContain('网络连接失败')
    expect(screen.getAllByTestId('item')).toHaveLength(2)
    fireEvent.click(screen.getByTestId('load-more'))
    await waitFor(() => expect(screen.getAllByTestId('item').map((e) => e.textContent)).toEqual(['a', 'b', 'c']))
    expect(screen.getByText('没有更多了')).toBeTruthy()
    act(() => firePageEvent('pullDownRefresh'))
    await waitFor(() => expect(screen.getAllByTestId('item')).toHaveLength(2))
    expect(fetchPage).toHaveBeenLastCalledWith(undefined)
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
  })

  it('shows the empty state', async () => {
    function Page () {
      const l = usePagedList(async () => ({ items: [] as string[], nextCursor: null }), [])
      return <PagedFooter list={l} empty={{ title: '暂时没有消息' }} />
    }
    render(<Page />)
    expect((await screen.findByTestId('page-state-empty')).textContent).toContain('暂时没有消息')
  })
})

describe('useSubmit', () => {
  const schema = { safeParse: (v: unknown) => {
    const b = v as { title: string }
    return b.title ? { success: true as const, data: b } : { success: false as const, error: { issues: [{ path: ['title'], message: '请填写标题' }] } }
  } }

  it('checks with the schema first and sends nothing when a field is wrong', async () => {
    const action = vi.fn(async () => 'ok')
    const { result } = renderHook(() => useSubmit(action, { schema }))
    await act(async () => { await result.current.run({ title: '' }) })
    expect(result.current.errors).toEqual({ title: '请填写标题' })
    expect(action).not.toHaveBeenCalled()
    act(() => result.current.clear('title'))
    expect(result.current.errors.title).toBe('')
  })

  it('turns VALIDATION_FAILED details into field errors, keeps a general error, and retries', async () => {
    const action = vi.fn()
      .mockRejectedValueOnce(new ApiError(400, 'VALIDATION_FAILED', '请求参数不正确', [{ path: 'body.content', message: '内容太长' }]))
      .mockResolvedValueOnce({ id: 'x1' })
    const onSuccess = vi.fn()
    const { result } = renderHook(() => useSubmit(action, { schema, errorPrefix: '提交未成功：', onSuccess }))
    await act(async () => { await result.current.run({ title: 't' }) })
    expect(result.current.errors).toEqual({ content: '内容太长' })
    expect(result.current.error).toBe('提交未成功：请求参数不正确')
    expect(result.current.busy).toBe(false)
    let out: unknown
    await act(async () => { out = await result.current.retry() })
    expect(out).toEqual({ id: 'x1' })
    expect(onSuccess).toHaveBeenCalledWith({ id: 'x1' }, { title: 't' })
    expect(result.current.error).toBe('')
    expect(result.current.errors).toEqual({})
  })

  it('is busy while the action runs and ignores a second tap', async () => {
    const d = deferred<string>()
    const action = vi.fn(() => d.promise)
    const { result } = renderHook(() => useSubmit(action))
    let p!: Promise<unknown>
    act(() => { p = result.current.run(1) })
    expect(result.current.busy).toBe(true)
    await act(async () => { await result.current.run(2) })
    expect(action).toHaveBeenCalledTimes(1)
    await act(async () => { d.resolve('done'); await p })
    expect(result.current.busy).toBe(false)
  })
})

describe('components', () => {
  it('Field: a labelled input with counter and error', () => {
    const onChange = vi.fn()
    render(<Field kind='textarea' label='内容' value='你好' onChange={onChange} maxlength={100} counter counterTestId='counter' error='请填写内容' errorTestId='err' testId='content' />)
    expect(screen.getByText('内容')).toBeTruthy()
    expect(screen.getByTestId('counter').textContent).toBe('2/100')
    expect(screen.getByTestId('err').textContent).toBe('请填写内容')
  })

  it('StatusTag: the domain map gives label and tone', () => {
    const map: StatusMap<'DONE' | 'OPEN'> = { DONE: { label: '已办结', tone: 'success' }, OPEN: { label: '办理中', tone: 'info' } }
    render(<StatusTag map={map} status='DONE' testId='tag' />)
    expect(screen.getByTestId('tag').textContent).toBe('已办结')
    expect(screen.getByTestId('tag').className).toContain('bm-tag--success')
  })
})

describe('navigation and tokens', () => {
  it('opens pages by name: tabs switch, others navigate or redirect; server links resolve', () => {
    go('services', { x: 1 })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index/index' })
    go('noticeDetail', { id: 'n1' })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/detail/index?id=n1' })
    redirect('appointmentDetail', { id: 'a1', booked: 1 })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/appointments/detail/index?id=a1&booked=1' })
    expect(openLink('/pages/consultations/detail/index?id=c1')).toBe(true)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/consultations/detail/index?id=c1' })
    expect(openLink('/pages/index/index')).toBe(true)
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/home/index/index' })
    expect(openLink('/pages/nowhere/index')).toBe(false)
  })

  it('every token has a 长辈模式 value; 长辈模式 text is at least 18px and targets 44px', () => {
    expect(Object.keys(tokens.elder)).toEqual(Object.keys(tokens.normal))
    for (const k of ['font-small', 'font-body', 'font-title', 'font-large'] as const) expect(parseFloat(token(k, true))).toBeGreaterThanOrEqual(18)
    expect(parseFloat(token('touch', true))).toBeGreaterThanOrEqual(44)
    expect(tokensScss()).toContain("$bm-color-primary: #1a5fd0;")
    expect(tokensScss()).toContain("'color-success': #0f5c2b")
  })
})
