// Requests Node's HTTP parser refuses before Koa sees them (request line or headers over the limit, malformed
// requests) get the API's error envelope with a Chinese message instead of Node's bare status line.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { errorCatalogue, type ErrorCode } from '@bianmin/shared'

function answer (status: number, reason: string, code: ErrorCode, message: string): string {
  const body = JSON.stringify({ error: { code, message } })
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
}

export function answerClientErrors (server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return }
    if (err.code === 'HPE_HEADER_OVERFLOW' || err.code === 'HPE_URI_TOO_LONG') {
      socket.end(answer(431, 'Request Header Fields Too Large', 'PAYLOAD_TOO_LARGE', '请求地址或请求头过长，请缩短查询条件后重试'))
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end(answer(408, 'Request Timeout', 'VALIDATION_FAILED', '请求超时，请重试'))
    } else {
      socket.end(answer(400, 'Bad Request', 'VALIDATION_FAILED', `${errorCatalogue.VALIDATION_FAILED.message}（请求格式无法识别）`))
    }
  })
}

/** Listens like `app.listen` with the client-error answer installed (boot and the tests use this one path). */
export function listen (app: { callback: () => (req: IncomingMessage, res: ServerResponse) => void }, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = createServer(app.callback())
    answerClientErrors(s)
    s.once('error', reject)
    s.listen(port, host, () => { s.off('error', reject); resolve(s) })
  })
}
