import { describe, expect, it } from 'vitest'
import { openQueueStream, type StreamStatus } from './queue-stream'

/** A controllable EventSource and timer queue. */
function harness () {
  const sources: FakeSource[] = []
  class FakeSource {
    onopen: (() => void) | null = null
    onerror: (() => void) | null = null
    closed = false
    listeners = new Map<string, ((e: { data: string }) => void)[]>()
    constructor (public url: string) { sources.push(this) }
    addEventListener (type: string, fn: (e: { data: string }) => void) { this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]) }
    close () { this.closed = true }
    emit (type: string, data: string) { for (const fn of this.listeners.get(type) ?? []) fn({ data }) }
  }
  const timers: { fn: () => void; ms: number; id: number }[] = []
  let seq = 0
  return {
    sources,
    timers,
    EventSource: FakeSource as never,
    setTimer: (fn: () => void, ms: number) => { const id = ++seq; timers.push({ fn, ms, id }); return id },
    clearTimer: (id: unknown) => { const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1) },
    runNext () { const t = timers.shift(); t?.fn(); return t?.ms },
  }
}

describe('openQueueStream', () => {
  it('passes events on, parsed, and re-reads the snapshot on every open', () => {
    const h = harness()
    const events: [string, unknown][] = []
    const statuses: StreamStatus[] = []
    let opens = 0
    openQueueStream({ url: '/api/v1/halls/h1/queue/events', eventTypes: ['call', 'queue'], onEvent: (t, d) => events.push([t, d]), onOpen: () => opens++, onStatus: (s) => statuses.push(s), ...h })
    expect(h.sources[0]!.url).toBe('/api/v1/halls/h1/queue/events')
    h.sources[0]!.onopen!()
    h.sources[0]!.emit('call', '{"number":"A001","windowNumber":"3"}')
    h.sources[0]!.emit('message', 'plain')
    expect(events).toEqual([['call', { number: 'A001', windowNumber: '3' }], ['message', 'plain']])
    expect(opens).toBe(1)
    expect(statuses).toEqual(['online'])
  })

  it('goes offline when the server is gone, retries with growing delays, and is online again after reconnecting', () => {
    const h = harness()
    const statuses: StreamStatus[] = []
    let opens = 0
    const s = openQueueStream({ url: '/e', onEvent: () => undefined, onOpen: () => opens++, onStatus: (x) => statuses.push(x), backoff: { random: () => 1 }, ...h })
    h.sources[0]!.onopen!()
    h.sources[0]!.onerror!()
    expect(h.sources[0]!.closed).toBe(true)
    expect(s.status).toBe('offline')
    // Two failed attempts: the wait doubles.
    expect(h.runNext()).toBe(1000)
    h.sources[1]!.onerror!()
    expect(h.runNext()).toBe(2000)
    h.sources[2]!.onerror!()
    expect(h.runNext()).toBe(4000)
    h.sources[3]!.onopen!()
    expect(s.status).toBe('online')
    expect(opens).toBe(2)
    expect(statuses).toEqual(['online', 'offline', 'online'])
    // After a good connection the next outage starts from the first delay again.
    h.sources[3]!.onerror!()
    expect(h.runNext()).toBe(1000)
    expect(h.sources).toHaveLength(5)
  })

  it('reconnects a silent connection when heartbeats stop, and stops for good on close', () => {
    const h = harness()
    const s = openQueueStream({ url: '/e', onEvent: () => undefined, staleMs: 30_000, backoff: { random: () => 1 }, ...h })
    h.sources[0]!.onopen!()
    expect(h.timers.map((t) => t.ms)).toEqual([30_000])
    h.runNext()
    expect(h.sources[0]!.closed).toBe(true)
    expect(s.status).toBe('offline')
    s.close()
    expect(h.timers).toEqual([])
    expect(h.sources).toHaveLength(1)
  })

  it('is offline at once where EventSource does not exist', () => {
    const statuses: StreamStatus[] = []
    openQueueStream({ url: '/e', onEvent: () => undefined, onStatus: (x) => statuses.push(x), EventSource: null, setTimer: () => 0, clearTimer: () => undefined })
    expect(statuses).toEqual(['offline'])
  })
})
