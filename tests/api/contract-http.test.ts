// The contract layer over raw HTTP: empty POSTs for all-optional actions (API.md) and requests Node's parser refuses.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, roles, type RouteDef } from '@bianmin/shared'
import { startTestApp, createOrg, createStaff, type TestApp } from '../support/app'
import { noticeWorld, publish } from '../support/notices'

let t: TestApp
let street: { id: string; path: string }
beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' })
  street = await createOrg(t.deps, '空请求街道', 'STREET', await createOrg(t.deps, '空请求区', 'DISTRICT'))
  await createStaff(t.deps, 'h_all', roles.join(','), street.id)
})
afterAll(async () => { await t.close() })

/** POST/PATCH with no body and no Content-Type, as curl -X POST or a bodiless fetch sends it. */
const empty = (path: string, method: string, token: string) =>
  t.fetch(path, { method, headers: { Authorization: `Bearer ${token}` } })

const allOptional = (Object.entries(contract) as [string, RouteDef][])
  .filter(([, r]) => r.body && !r.consumes && r.body.safeParse({}).success)

describe('an action whose body fields are all optional accepts an empty POST', () => {
  it('lists such routes in the contract', () => {
    expect(allOptional.map(([n]) => n)).toEqual(expect.arrayContaining(['withdrawNotice', 'publishConsultation']))
  })

  it('every such route reads an empty request as {} (reaches its handler: no JSON-format refusal)', async () => {
    const staff = await t.staff('h_all')
    const resident = await t.resident()
    const refused: string[] = []
    for (const [name, r] of allOptional) {
      const token = r.access === 'resident' ? resident.token : staff.token
      const path = r.path.replace(/:([A-Za-z_]\w*)/g, 'no_such_record')
      const res = await empty(path, r.method, token)
      const data = await res.json() as { error?: { code: string; message: string } }
      if (res.status === 400 || /JSON/.test(data.error?.message ?? '')) refused.push(`${name} ${res.status} ${data.error?.message}`)
      else expect([200, 201, 204, 404], name).toContain(res.status)
    }
    expect(refused).toEqual([])
  })

  it('withdraws a notice and publishes a consultation from a client that sends no body', async () => {
    const w = await noticeWorld(t, 'emp')
    const n = await publish(w.editor.call, w.reviewer.call, { title: '空请求撤回测试', category: '通知公告', body: '<p>空请求撤回测试的正文内容</p>' })
    const withdrawn = await empty(`/api/v1/staff/notices/${n.id}/withdraw`, 'POST', (await t.staff('emp_reviewer')).token)
    expect(withdrawn.status).toBe(200)
    expect((await withdrawn.json() as { status: string }).status).toBe('WITHDRAWN')

    const me = await t.resident()
    const c = await me.call('createConsultation', { body: { kind: 'CONSULT', orgId: street.id, title: '居住证怎么续签', content: '请问续签居住证要带哪些材料？', allowPublish: true } })
    const staff = await t.staff('h_all')
    await staff.call('replyConsultation', { params: { id: c.id }, body: { content: '您好，请携带身份证到窗口办理。' } })
    const published = await empty(`/api/v1/staff/consultations/${c.id}/publish`, 'POST', staff.token)
    expect(published.status).toBe(200)
    expect((await published.json() as { published: boolean }).published).toBe(true)
  })

  it('a route with required fields names them on an empty POST', async () => {
    const staff = await t.staff('h_all')
    const res = await empty('/api/v1/staff/consultations/no_such_record/reply', 'POST', staff.token)
    expect(res.status).toBe(400)
    const data = await res.json() as { error: { code: string; details: { path: string }[] } }
    expect(data.error.code).toBe('VALIDATION_FAILED')
    expect(data.error.details.map((d) => d.path)).toContain('content')
  })

  it('a body that is not JSON is still refused', async () => {
    const staff = await t.staff('h_all')
    const res = await t.fetch('/api/v1/staff/notices/x/withdraw', { method: 'POST', headers: { Authorization: `Bearer ${staff.token}`, 'Content-Type': 'text/plain' }, body: 'reason' })
    expect(res.status).toBe(400)
    expect((await res.json() as { error: { message: string } }).error.message).toMatch(/JSON 格式/)
  })
})

/** Raw bytes over a socket: fetch refuses to send what Node's parser refuses to read. */
function rawRequest (head: string): Promise<string> {
  const { port } = new URL(t.url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(head))
    let out = ''
    socket.on('data', (d) => { out += d.toString('utf8') })
    socket.on('end', () => resolve(out))
    socket.on('error', reject)
  })
}

describe('requests Node refuses before the app', () => {
  it('a 20 KB query string gets 431 with the error envelope and a Chinese message', async () => {
    const res = await t.fetch(`/api/v1/notices?q=${'a'.repeat(20 * 1024)}`)
    expect(res.status).toBe(431)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const data = await res.json() as { error: { code: string; message: string } }
    expect(data.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(data.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('headers over the limit get the same answer', async () => {
    const res = await t.fetch('/api/v1/notices', { headers: { 'X-Big': 'b'.repeat(20 * 1024) } })
    expect(res.status).toBe(431)
    expect((await res.json() as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('a malformed request line gets 400 with the envelope', async () => {
    const out = await rawRequest('GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n')
    expect(out).toMatch(/^HTTP\/1\.1 400/)
    const body = JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
  })
})
