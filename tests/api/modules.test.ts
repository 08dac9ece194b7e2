// The module list (server/src/modules/index.ts) is what the server is: every contract domain
// (shared/src/contract/<domain>.ts) is mounted by the module of the same name, and by no other; the platform layer
// imports neither the composition root nor a module.
import fs from 'node:fs'
import path from 'node:path'
import Router from '@koa/router'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RouteDef } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'
import { modules } from '../../server/src/modules/index'
import type { AppState } from '../../server/src/platform/types'

let t: TestApp
beforeAll(async () => { t = await startTestApp() })
afterAll(async () => { await t.close() })

const contractDir = path.resolve(import.meta.dirname, '../../shared/src/contract')

async function contractDomains (): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (const file of fs.readdirSync(contractDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = await import(path.join(contractDir, file)) as Record<string, unknown>
    const tables = Object.entries(mod).filter(([k, v]) => k.endsWith('Routes') && v && typeof v === 'object')
    if (file === 'index.ts' || !tables.length) continue
    out.set(file.replace(/\.ts$/, ''), tables.flatMap(([, v]) => Object.values(v as Record<string, RouteDef>).map((r) => `${r.method} ${r.path}`)).sort())
  }
  return out
}

function mounted (m: (typeof modules)[number]): string[] {
  const router = new Router<AppState>()
  m.routes?.(router, t.deps)
  return router.stack.flatMap((l) => l.methods.filter((x) => x !== 'HEAD').map((x) => `${x} ${l.path}`)).sort()
}

it('mounts every contract domain from the module of the same name', async () => {
  const domains = await contractDomains()
  const names = modules.map((m) => m.name)
  expect([...domains.keys()].filter((d) => !names.includes(d))).toEqual([]) // a domain without its module
  let total = 0
  for (const m of modules) {
    const routes = mounted(m)
    total += routes.length
    expect({ module: m.name, routes }).toEqual({ module: m.name, routes: domains.get(m.name) ?? [] })
  }
  expect(total).toBe([...domains.values()].flat().length)
  expect(total).toBeGreaterThan(100)
})

it('keeps the platform layer free of the composition root and the modules', () => {
  const dir = path.resolve(import.meta.dirname, '../../server/src/platform')
  const offending = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
    [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)]
      .map((m) => m[1]!).filter((spec) => /^\.\.\/(deps|app|boot|main|modules|seed|cli)(\/|$)/.test(spec)).map((spec) => `${f} → ${spec}`))
  expect(offending).toEqual([])
  expect(fs.readdirSync(dir).length).toBeGreaterThan(20)
})
