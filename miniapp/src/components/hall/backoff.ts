// Reconnect delays for live connections: exponential with full jitter, capped.

export interface BackoffOptions {
  /** First delay in ms (default 1 000). */
  baseMs?: number
  /** Longest delay in ms (default 30 000). */
  maxMs?: number
  /** 0–1 (default Math.random): the share of the exponential step actually waited, at least half of it. */
  random?: () => number
}

/** The delay before reconnect attempt `attempt` (0 = the first retry): between half and all of min(max, base·2^attempt). */
export function backoffDelay (attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 1000
  const max = opts.maxMs ?? 30_000
  const n = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 0))
  const step = Math.min(max, base * 2 ** Math.min(n, 30))
  const r = Math.min(1, Math.max(0, (opts.random ?? Math.random)()))
  return Math.round(step / 2 + (step / 2) * r)
}
