// A page's live link to a hall's queue: Server-Sent Events where the platform has EventSource (H5), else polling
// (WeChat has no EventSource). `onChange` runs on every event (and on each reconnect / poll); keep it cheap.
import { useEffect, useRef, useState } from 'react'
import { hallEventTypes, type HallEvent } from '@bianmin/shared'
import { queueEventsUrl } from './public-api'
import { openQueueStream, type StreamStatus } from './queue-stream'

export type HallChange = { type: 'open' | 'poll' } | { type: HallEvent['type']; event: Partial<HallEvent> }

export function useHallLive (hallId: string | undefined, onChange: (c: HallChange) => void, opts: { pollMs?: number } = {}): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const latest = useRef(onChange)
  latest.current = onChange
  const pollMs = opts.pollMs ?? 10_000

  useEffect(() => {
    if (!hallId) return undefined
    if (typeof EventSource === 'undefined') {
      setStatus('online')
      const t = setInterval(() => latest.current({ type: 'poll' }), pollMs)
      return () => clearInterval(t)
    }
    const stream = openQueueStream({
      url: queueEventsUrl(hallId),
      eventTypes: hallEventTypes,
      staleMs: 45_000,
      onStatus: setStatus,
      onOpen: () => latest.current({ type: 'open' }),
      onEvent: (type, data) => {
        if ((hallEventTypes as readonly string[]).includes(type)) latest.current({ type: type as HallEvent['type'], event: (data ?? {}) as Partial<HallEvent> })
      },
    })
    return () => stream.close()
  }, [hallId, pollMs])
  return status
}
