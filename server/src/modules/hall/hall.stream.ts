// GET /api/v1/halls/:id/queue/events: Server-Sent Events for the hall screen and the resident's ticket page.
// Opens with the snapshot (`hello`), then one event per change on any instance (hall.events.ts); an unnamed
// keep-alive event every 15 s; unbuffered; ends when the client goes away or the app stops.
import { PassThrough } from 'node:stream'
import type { HallEvent } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { AppContext } from '../../platform/types'
import { Raw } from '../../platform/http'
import { hallQueue, publicHall } from './hall.query'

const PING_MS = 15_000

export async function openQueueStream (deps: Deps, hallId: string, koa: AppContext): Promise<Raw> {
  const hall = await publicHall(deps.db, hallId)
  const bus = deps.state.hall
  const stream = new PassThrough()
  let seq = 0
  const send = (event: string, data: unknown) => { stream.write(`id: ${++seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`) }
  const unsubscribe = await bus.subscribe(hall.id, (e: HallEvent) => send(e.type, e), () => {
    // LISTEN was down for a while: events may be missing, so send a fresh snapshot.
    hallQueue(deps, hall.id).then((s) => send('hello', s), () => {})
  })
  bus.streams.add(stream)
  // Keep-alive as an unnamed event ("message"): clients that watch for a silent stream see it; proxies keep it open.
  const ping = setInterval(() => stream.write(`data: ${JSON.stringify({ ping: true })}\n\n`), PING_MS)
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    clearInterval(ping)
    unsubscribe()
    bus.streams.delete(stream)
    stream.end()
  }
  koa.req.on('close', close)
  koa.res.on('close', close)
  stream.on('error', close)
  const socket = koa.req.socket
  socket.setTimeout(0)
  socket.setNoDelay(true)
  socket.setKeepAlive(true)
  // Koa stays out of it (it would report every client that goes away as an error): headers and bytes go straight out.
  koa.respond = false
  koa.res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no',
  })
  stream.pipe(koa.res)
  stream.write('retry: 2000\n\n')
  send('hello', await hallQueue(deps, hall.id))
  return new Raw('', 'text/event-stream; charset=utf-8')
}
