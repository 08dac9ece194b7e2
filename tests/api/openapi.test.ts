// The served OpenAPI document: every $ref resolves (recursive schemas in components), security and 4xx answers per
// operation, declared tags, contact and license; Redocly CLI lints it without errors.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type RouteDef } from '@bianmin/shared'
import { startTestApp, type TestApp } from '../support/app'

type Op = { operationId: string; security?: unknown[]; tags: string[]; responses: Record<string, unknown>; requestBody?: { required: boolean } }
interface Doc {
  info: { contact?: { name?: string }; license?: { name?: string; identifier?: string; url?: string } }
  tags?: { name: string; description?: string }[]
  security?: unknown[]
  components: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> }
  paths: Record<string, Record<string, Op>>
}
let t: TestApp
let doc: Doc
let raw: string
beforeAll(async () => {
  t = await startTestApp()
  raw = await (await t.fetch('/api/openapi.json')).text()
  doc = JSON.parse(raw) as Doc
})
afterAll(async () => { await t.close() })

const ops = () => Object.values(doc.paths).flatMap((p) => Object.values(p))
const byName = (name: string) => ops().find((o) => o.operationId === name)!

function refs (v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refs(x, out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === '$ref' && typeof x === 'string' ? out.push(x) : refs(x, out)
  return out
}
const resolve = (ref: string) => ref.slice(2).split('/').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc)

describe('the OpenAPI document', () => {
  it('resolves every $ref: the org tree is a component, no nested $defs', () => {
    expect(raw).not.toContain('$defs')
    const all = refs(doc)
    expect(all.length).toBeGreaterThan(0)
    for (const r of all) expect(resolve(r), r).toBeTruthy()
    const orgs = JSON.stringify(doc.paths['/api/v1/orgs']!.get!.responses['200'])
    expect(orgs).toMatch(/"\$ref":"#\/components\/schemas\/\w+"/)
  })

  it('declares security per operation: public ones none, the others the bearer scheme', () => {
    for (const [name, r] of Object.entries(contract) as [string, RouteDef][]) {
      expect(byName(name).security, name).toEqual(r.access === 'public' ? [] : [{ bearer: [] }])
    }
    expect(byName('listOrgs').security).toEqual([])
  })

  it('documents 4xx answers by status with the error envelope', () => {
    for (const [name, r] of Object.entries(contract) as [string, RouteDef][]) {
      const statuses = Object.keys(byName(name).responses)
      expect(statuses.filter((s) => /^4\d\d$/.test(s)).length, name).toBeGreaterThan(0)
      expect(statuses, name).toContain('400')
      if (r.access !== 'public') expect(statuses, name).toContain('401')
      if (r.params) expect(statuses, name).toContain('404')
      for (const s of statuses.filter((x) => /^4/.test(x))) {
        const resp = resolve((byName(name).responses[s] as { $ref: string }).$ref) as { content: Record<string, { schema: { $ref: string } }> }
        expect(resp.content['application/json']!.schema.$ref).toBe('#/components/schemas/Error')
      }
    }
  })

  it('declares its tags at the top and has contact and license', () => {
    const declared = new Set(doc.tags!.map((x) => x.name))
    for (const o of ops()) for (const tag of o.tags) expect(declared, tag).toContain(tag)
    expect(doc.info.contact?.name).toBeTruthy()
    expect(doc.info.license?.name).toBeTruthy()
    expect(doc.info.license?.identifier ?? doc.info.license?.url).toBeTruthy()
  })

  it('marks an all-optional body as not required (an empty POST is accepted)', () => {
    expect(byName('withdrawNotice').requestBody?.required).toBe(false)
    expect(byName('replyConsultation').requestBody?.required).toBe(true)
  })

  it('passes Redocly CLI lint with no errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-oas-'))
    try {
      fs.writeFileSync(path.join(dir, 'openapi.json'), raw)
      const r = spawnSync(path.resolve('node_modules/.bin/redocly'), ['lint', 'openapi.json', '--format=summary'], { cwd: dir, encoding: 'utf8' })
      expect(r.stdout + r.stderr).toMatch(/valid/)
      expect(r.status, r.stdout + r.stderr).toBe(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
