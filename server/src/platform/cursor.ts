// Opaque keyset cursors (base64url JSON). A malformed cursor is a 400, never a 500.
import { AppError } from './errors'

export type Cursor = { t: string; id: string; [k: string]: string | number | boolean }

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url')

/** `kind` says what `t` holds: an ISO instant (default) or a plain string key (e.g. a username). */
export function decodeCursor (s: string | undefined, kind: 'date' | 'string' = 'date'): Cursor | null {
  if (!s) return null
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor
    if (typeof c?.t !== 'string' || typeof c?.id !== 'string' || (kind === 'date' && Number.isNaN(new Date(c.t).getTime()))) throw new Error('bad cursor')
    return c
  } catch {
    throw new AppError('VALIDATION_FAILED', '翻页参数无效，请从第一页重新加载', [{ path: 'query.cursor', message: '翻页参数无效' }])
  }
}
