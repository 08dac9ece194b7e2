// combine(): a route name declared by two domains never silently overwrites the other.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { combine } from './combine'
import { route } from './route'
import { contract } from './index'

const ok = { responses: { 200: z.object({ ok: z.literal(true) }) }, access: 'public', summary: '测试' } as const
const a = { getThing: route({ method: 'GET', path: '/api/v1/a', ...ok }) }
const b = { getThing: route({ method: 'GET', path: '/api/v1/b', ...ok }) }
const c = { getOther: route({ method: 'GET', path: '/api/v1/a', ...ok }) }
const d = { listThings: route({ method: 'GET', path: '/api/v1/d', ...ok }) }

describe('combine', () => {
  it('joins distinct tables into one, keeping every route', () => {
    const joined = combine(a, d)
    expect(Object.keys(joined)).toEqual(['getThing', 'listThings'])
    expect(joined.listThings.path).toBe('/api/v1/d')
  })

  it('refuses a route name declared twice, at compile time and at start-up', () => {
    // @ts-expect-error -- getThing is in both tables: the call does not type-check
    expect(() => combine(a, b)).toThrow('route name "getThing" is declared twice')
  })

  it('refuses one method + path under two names (Koa would serve only the first)', () => {
    expect(() => combine(a, c)).toThrow('GET /api/v1/a is declared twice ("getThing" and "getOther")')
  })

  it('holds for the real contract', () => {
    expect(Object.keys(contract).length).toBeGreaterThan(100)
  })
})
