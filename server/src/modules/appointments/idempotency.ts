// Idempotency-Key replay. The key row, holding the result, is written by the operation's own statement/transaction
// (booking.sql), so a concurrent retry with the same key waits on the unique index, fails it (IdempotencyHit) and
// then replays the committed result; a failed operation leaves no row, so its retry runs again.
import crypto from 'node:crypto'
import type { Deps } from '../../platform/types'
import { AppError } from '../../platform/errors'

export interface Idem { scope: string; key: string; hash: string }
/** Thrown inside the transaction when the key already exists; the caller replays outside it. */
export class IdempotencyHit extends Error {}

const stable = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(stable)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])])) : v

export function idempotencyFrom (headers: Record<string, string | string[] | undefined>, scope: string, body: unknown): Idem | null {
  const raw = headers['idempotency-key']
  if (raw === undefined) return null
  const key = Array.isArray(raw) ? raw[0] ?? '' : raw
  if (!/^[A-Za-z0-9_:.-]{1,64}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 格式不正确（1–64 位字母、数字、-、_、:、.）', [{ path: 'headers.Idempotency-Key', message: '格式不正确' }])
  }
  return { scope, key, hash: crypto.createHash('sha256').update(JSON.stringify(stable(body))).digest('base64url') }
}

/** The stored result for this key, or null if none; 409 CONFLICT if the key was used for a different request. */
export async function replay<T> (deps: Deps, idem: Idem): Promise<T | null> {
  const row = await deps.db.idempotencyKey.findUnique({ where: { scope_key: { scope: idem.scope, key: idem.key } } })
  if (!row) return null
  if (row.requestHash !== idem.hash) {
    throw new AppError('CONFLICT', '该 Idempotency-Key 已用于另一项不同的请求，请使用新的值', { idempotencyKey: idem.key })
  }
  if (row.status === null) throw new AppError('CONFLICT', '相同的请求正在处理中，请稍后再试')
  return row.body as T
}
