// useSubmit: a form action with busy state, field errors (checked locally with the contract's schema, or from the
// server's VALIDATION_FAILED details) and a general error shown on the page.
import { useCallback, useRef, useState } from 'react'
import { ApiError } from '@bianmin/shared'
import { errorMessage } from '@/api/client'

/** What useSubmit needs of a zod schema (the contract's body schema). */
interface Checkable<I> {
  safeParse: (v: unknown) => { success: true; data: I } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
}

export interface SubmitOptions<I, R> {
  /** Checked before sending: issues become field errors (first one per top-level field) and nothing is sent. */
  schema?: Checkable<I>
  /** Extra checks: field → message (empty result = fine). */
  validate?: (input: I) => Record<string, string | undefined>
  onSuccess?: (result: R, input: I) => void
  /** Put in front of the general error, e.g. '提交未成功：'. */
  errorPrefix?: string
}

export interface Submit<I, R> {
  /** Runs the action; resolves to its result, or undefined when it was refused or failed (errors are in state). */
  run: (input: I) => Promise<R | undefined>
  /** Runs again with the last input. */
  retry: () => Promise<R | undefined>
  busy: boolean
  /** Field → message ('' / missing = no error). Paths are top-level fields (`body.` dropped). */
  errors: Record<string, string>
  /** The general error ('' when none). */
  error: string
  /** The editing of a field clears its message. */
  clear: (field: string) => void
  setErrors: (errors: Record<string, string>) => void
  reset: () => void
}

/** Field → first message, from zod issues or from an ApiError's `details: [{ path, message }]`. */
export function fieldErrorsOf (source: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (path: string, message: string) => {
    const key = path.replace(/^(body|query|params)\./, '').split('.')[0]!
    if (key && !out[key]) out[key] = message
  }
  if (source instanceof ApiError) for (const [k, v] of Object.entries(source.fieldErrors())) add(k, v)
  else if (source && typeof source === 'object' && 'issues' in source) {
    for (const i of (source as { issues: { path: PropertyKey[]; message: string }[] }).issues) add(i.path.map(String).join('.'), i.message)
  }
  return out
}

const clean = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1])))

export function useSubmit<I, R> (action: (input: I) => Promise<R>, opts: SubmitOptions<I, R> = {}): Submit<I, R> {
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const busyRef = useRef(false)
  const lastInput = useRef<{ input: I } | null>(null)
  const latest = useRef({ action, opts })
  latest.current = { action, opts }

  const run = useCallback(async (input: I): Promise<R | undefined> => {
    if (busyRef.current) return undefined
    const { action: act, opts: o } = latest.current
    lastInput.current = { input }
    setError('')
    let value = input
    const found: Record<string, string> = {}
    if (o.schema) {
      const r = o.schema.safeParse(input)
      if (r.success) value = r.data
      else Object.assign(found, fieldErrorsOf(r.error))
    }
    Object.assign(found, clean(o.validate?.(input) ?? {}))
    setErrors(found)
    if (Object.keys(found).length) return undefined
    busyRef.current = true
    setBusy(true)
    try {
      const result = await act(value)
      o.onSuccess?.(result, value)
      return result
    } catch (e) {
      setErrors(fieldErrorsOf(e))
      setError(`${o.errorPrefix ?? ''}${errorMessage(e)}`)
      return undefined
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }, [])

  const retry = useCallback(async () => (lastInput.current ? run(lastInput.current.input) : undefined), [run])
  const clear = useCallback((field: string) => setErrors((e) => (e[field] ? { ...e, [field]: '' } : e)), [])
  const reset = useCallback(() => { setErrors({}); setError(''); lastInput.current = null }, [])
  return { run, retry, busy, errors, error, clear, setErrors, reset }
}
