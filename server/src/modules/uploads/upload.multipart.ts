// Reads one file part ("file") of a multipart request into memory, stopping at a byte limit.
import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'
import { AppError } from '../../platform/errors'

export interface ReceivedFile { buffer: Buffer; filename: string | null; truncated: boolean }

const badMultipart = () => new AppError('VALIDATION_FAILED', '请以 multipart/form-data 格式上传文件（字段名 file）', [{ path: 'file', message: '请选择要上传的文件' }])

/** Resolves with the file (or null when the request has no "file" part); `truncated` when it exceeded maxBytes. */
export function readSingleFile (req: IncomingMessage, maxBytes: number): Promise<ReceivedFile | null> {
  let bb: busboy.Busboy
  try {
    bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 50 } })
  } catch {
    return Promise.reject(badMultipart())
  }
  return new Promise((resolve, reject) => {
    let result: ReceivedFile | null = null
    const chunks: Buffer[] = []
    let tooMany = false
    bb.on('file', (name, stream, info) => {
      // A form cut off mid-file errors the file stream too; without a listener that error would crash the process.
      // The request is refused through bb's own 'error' below.
      stream.on('error', () => {})
      if (name !== 'file' || result) { stream.resume(); return }
      const file: ReceivedFile = { buffer: Buffer.alloc(0), filename: info.filename ?? null, truncated: false }
      result = file
      stream.on('data', (c: Buffer) => { if (!file.truncated) chunks.push(c) })
      stream.on('limit', () => { file.truncated = true; chunks.length = 0 })
    })
    bb.on('filesLimit', () => { tooMany = true })
    bb.on('error', () => reject(badMultipart()))
    bb.on('close', () => {
      if (tooMany) reject(new AppError('VALIDATION_FAILED', '一次只能上传一个文件', [{ path: 'file', message: '一次只能上传一个文件' }]))
      else resolve(result && { ...result, buffer: Buffer.concat(chunks) })
    })
    req.on('aborted', () => reject(badMultipart()))
    req.pipe(bb)
  })
}
