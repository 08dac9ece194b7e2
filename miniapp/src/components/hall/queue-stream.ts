// A hall's live queue (GET /api/v1/halls/:id/queue/events, Server-Sent Events) that reconnects by itself with
// backoff and says whether it is online. Every (re)connect calls onOpen: the page re-reads its snapshot, so nothing
// missed while offline stays missing.
import { backoffDelay, type BackoffOptions } from './backoff'

export type StreamStatus = 'connecting' | 'online' | 'offline'

type EventSourceCtor = new (url: string) => EventSource

export interface QueueStreamOptions {
  url: string
  /** Named SSE event types to listen to (the unnamed `message` event is always heard). */
  eventTypes?: readonly string[]
  onEvent: (type: string, data: unknown) => void
  onOpen?: () => void
  onStatus?: (status: StreamStatus) => void
  backoff?: BackoffOptions
  /** Reconnect when nothing (no event, no heartbeat) arrived for this long; off by default. */
  staleMs?: number
  /** null: none (the mini-program); default: the browser's. */
  EventSource?: EventSourceCtor | null
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (t: unknown) => void
}

export interface QueueStream {
  close: () => void
  readonly status: StreamStatus
}

const parse = (raw: unknown): unknown => {
  if (typeof raw !== 'string') return raw
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

export function openQueueStream (opts: QueueStreamOptions): QueueStream {
  const ES = opts.EventSource !== undefined ? opts.EventSource : typeof EventSource !== 'undefined' ? EventSource : null
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>))
  let es: EventSource | null = null
  let attempt = 0
  let retry: unknown = null
  let stale: unknown = null
  let closed = false
  let status: StreamStatus = 'connecting'

  const setStatus = (s: StreamStatus) => {
    if (s === status) return
    status = s
    opts.onStatus?.(s)
  }
  const touch = () => {
    if (!opts.staleMs) return
    if (stale !== null) clearTimer(stale)
    stale = setTimer(() => { stale = null; fail() }, opts.staleMs)
  }
  const drop = () => {
    if (es) {
      es.onopen = null
      es.onerror = null
      es.close()
      es = null
    }
    if (stale !== null) { clearTimer(stale); stale = null }
  }
  const fail = () => {
    if (closed) return
    drop()
    setStatus('offline')
    if (retry === null) retry = setTimer(() => { retry = null; connect() }, backoffDelay(attempt++, opts.backoff))
  }
  const connect = () => {
    if (closed) return
    if (!ES) { setStatus('offline'); return }
    const source = new ES(opts.url)
    es = source
    source.onopen = () => {
      attempt = 0
      setStatus('online')
      touch()
      opts.onOpen?.()
    }
    // A server that is gone or answers an error: close it ourselves and come back with backoff.
    source.onerror = () => fail()
    const listen = (type: string) => source.addEventListener(type, (e) => {
      touch()
      opts.onEvent(type, parse((e as MessageEvent).data))
    })
    listen('message')
    for (const t of opts.eventTypes ?? []) if (t !== 'message') listen(t)
    touch()
  }
  connect()
  return {
    get status () { return status },
    close () {
      closed = true
      drop()
      if (retry !== null) { clearTimer(retry); retry = null }
    },
  }
}
