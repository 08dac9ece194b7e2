// GET /metrics (Prometheus text format) and /readyz failing on pending migrations or an unreachable database.
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, type TestApp } from '../support/app'
import { createApp } from '../../server/src/app'
import { createDb } from '../../server/src/platform/db'
import { metrics } from '../../server/src/platform/metrics'
import { migrationNames } from '../../server/src/platform/migrate'
import { notify } from '../../server/src/platform/outbox'
import { isInternalAddress } from '../../server/src/modules/ops/metrics.routes'
import { testProvider } from '../support/db'

const NOW = '2026-11-23T09:00:00+08:00'
const past = new Date('2026-11-20T09:00:00+08:00')
const future = new Date('2026-11-30T09:00:00+08:00')
let t: TestApp

const scrape = async (app: { fetch: TestApp['fetch'] }, headers: Record<string, string> = {}) => {
  const r = await app.fetch('/metrics', { headers })
  return { status: r.status, type: r.headers.get('content-type'), text: await r.text() }
}
/** The value of one sample line, e.g. value(text, 'bianmin_outbox_backlog'). */
const value = (text: string, sample: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `))
  return line === undefined ? undefined : Number(line.slice(sample.length + 1))
}

beforeAll(async () => {
  t = await startTestApp({ clock: NOW })
  const org = await createOrg(t.deps, '指标街道', 'STREET')
  const resident = await t.resident('metrics-resident')
  const db = t.deps.db
  for (const i of [1, 2]) await notify(db, { residentId: resident.id, kind: 'BOOKING_CONFIRMED', title: '预约成功', body: '测试', dedupeKey: `metrics:${i}` }, past)
  await db.notification.create({ data: { residentId: resident.id, kind: 'BOOKING_CONFIRMED', title: '已发送', body: '测试', dedupeKey: 'metrics:sent', deliveryState: 'SENT' } })
  const consultation = (status: 'SUBMITTED' | 'ASSIGNED' | 'REPLIED', dueAt: Date) =>
    db.consultation.create({ data: { orgId: org.id, residentId: resident.id, kind: 'CONSULT', title: '咨询', content: '内容', status, dueAt } })
  await consultation('SUBMITTED', past)
  await consultation('ASSIGNED', past)
  await consultation('REPLIED', past) // replied: not overdue
  await consultation('SUBMITTED', future)
  for (const [i, status, dueAt] of [[1, 'OPEN', past], [2, 'REVISITED', past], [3, 'CLOSED', past], [4, 'OPEN', future]] as const) {
    const rating = await db.rating.create({ data: { subjectType: 'APPOINTMENT', subjectId: `metrics-${i}`, orgId: org.id, level: 1, tags: ['态度差'], serviceDoneAt: past } })
    await db.rectification.create({ data: { ratingId: rating.id, orgId: org.id, status, dueAt } })
  }
  const disclosure = (status: 'RECEIVED' | 'CORRECTION_REQUESTED' | 'REPLIED', dueAt: Date) => db.disclosure.create({
    data: { orgId: org.id, applicantType: 'NATURAL_PERSON', description: '申请', form: 'ELECTRONIC', contactName: '王五', contactPhoneEnc: t.deps.cipher.encrypt('13600136000'), receivedAt: past, status, dueAt },
  })
  await disclosure('RECEIVED', past)
  await disclosure('CORRECTION_REQUESTED', past) // the applicant's turn: the office's clock is stopped
  await disclosure('REPLIED', past)
})
afterAll(async () => { await t.close() })

describe('GET /metrics', () => {
  it('counts requests per route template (never raw ids) and times them', async () => {
    await t.fetch('/readyz')
    await t.fetch('/api/v1/orgs')
    await t.fetch('/api/v1/orgs')
    await t.fetch('/api/v1/notices/ckzzzzzzzzzzzzzzzzzzzzzzz')
    await t.fetch('/api/v1/no-such-endpoint/12345')
    const m = await scrape(t)
    expect(m.status).toBe(200)
    expect(m.type).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(value(m.text, 'bianmin_http_requests_total{method="GET",route="/api/v1/orgs",status="200"}')).toBe(2)
    expect(value(m.text, 'bianmin_http_requests_total{method="GET",route="/readyz",status="200"}')).toBe(1)
    expect(m.text).toMatch(/bianmin_http_requests_total\{method="GET",route="\/api\/v1\/notices\/:id",status="404"\} 1/)
    expect(value(m.text, 'bianmin_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1)
    expect(m.text).not.toContain('ckzzzzzzzz')
    expect(m.text).not.toContain('12345')
    expect(value(m.text, 'bianmin_http_request_duration_seconds_count{method="GET",route="/api/v1/orgs"}')).toBe(2)
    expect(value(m.text, 'bianmin_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/orgs"}')).toBe(2)
    expect(m.text).toContain('# TYPE bianmin_http_request_duration_seconds histogram')
    expect(m.text).toContain('bianmin_process_resident_memory_bytes')
  })

  it('reports the outbox backlog and overdue consultations, rectifications and disclosures from the database', async () => {
    const m = await scrape(t)
    expect(value(m.text, 'bianmin_outbox_backlog')).toBe(2)
    expect(value(m.text, 'bianmin_outbox_oldest_pending_seconds')).toBe(3 * 86400)
    expect(value(m.text, 'bianmin_consultations_overdue')).toBe(2)
    expect(value(m.text, 'bianmin_rectifications_overdue')).toBe(2)
    expect(value(m.text, 'bianmin_disclosures_overdue')).toBe(1)
    expect(value(m.text, 'bianmin_migrations_pending')).toBe(0)
    expect(value(m.text, 'bianmin_database_up')).toBe(1)
    // Time moves on: the consultation due on the 30th is overdue too.
    t.deps.clock.freeze('2026-12-01T09:00:00+08:00')
    expect(value((await scrape(t)).text, 'bianmin_consultations_overdue')).toBe(3)
    t.deps.clock.freeze(NOW)
  })

  it('exposes the booking conflict counter the booking service increments', async () => {
    const before = value((await scrape(t)).text, 'bianmin_booking_conflicts_total')!
    expect(before).toBeGreaterThanOrEqual(0)
    metrics.bookingConflicts.inc()
    metrics.bookingConflicts.inc()
    expect(value((await scrape(t)).text, 'bianmin_booking_conflicts_total')).toBe(before + 2)
  })

  it('without METRICS_TOKEN answers only direct requests from loopback or private addresses', async () => {
    const relayed = await scrape(t, { 'x-forwarded-for': '203.0.113.7' })
    expect(relayed.status).toBe(403)
    const body = JSON.parse(relayed.text) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('FORBIDDEN')
    expect(body.error.message).toContain('METRICS_TOKEN')
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.2.3.4', '172.20.0.5', '192.168.1.9', 'fd00::5']) expect(isInternalAddress(a), a).toBe(true)
    for (const a of ['8.8.8.8', '172.32.0.1', '203.0.113.7', '2001:db8::1', '::ffff:8.8.8.8', undefined]) expect(isInternalAddress(a), String(a)).toBe(false)
  })

  it('with METRICS_TOKEN requires it as a bearer token (and it is not mistaken for a session token)', async () => {
    const token = 'metrics-token-0123456789abcdef'
    const t2 = await startTestApp({ env: { METRICS_TOKEN: token } })
    try {
      const none = await scrape(t2)
      expect(none.status).toBe(401)
      expect(JSON.parse(none.text).error.message).toContain('METRICS_TOKEN')
      expect((await scrape(t2, { authorization: 'Bearer wrong-token-0123456789abcdef' })).status).toBe(401)
      const ok = await scrape(t2, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' })
      expect(ok.status).toBe(200)
      expect(ok.text).toContain('bianmin_http_requests_total')
    } finally {
      await t2.close()
    }
  })
})

describe('/readyz', () => {
  it('answers 503 while a migration is pending', async () => {
    const t2 = await startTestApp()
    try {
      expect((await t2.fetch('/readyz')).status).toBe(200)
      const last = migrationNames(testProvider).at(-1)!
      await t2.deps.db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${last}'`)
      const r = await t2.fetch('/readyz')
      expect(r.status).toBe(503)
      const body = await r.json() as { error: { message: string; details: { pending: string[] } } }
      expect(body.error.message).toBe('数据库迁移尚未完成')
      expect(body.error.details.pending).toEqual([last])
      expect(value((await scrape(t2)).text, 'bianmin_migrations_pending')).toBe(1)
    } finally {
      await t2.close()
    }
  })

  it('answers 503 when the database is unreachable (and /metrics reports it)', async () => {
    const down = await createDb('postgresql://postgres@127.0.0.1:1/unreachable')
    const app = createApp({ ...t.deps, db: down })
    const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)) })
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const r = await fetch(`${url}/readyz`)
      expect(r.status).toBe(503)
      expect(((await r.json()) as { error: { message: string } }).error.message).toBe('数据库不可用')
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
      const m = await fetch(`${url}/metrics`)
      expect(m.status).toBe(200)
      expect(value(await m.text(), 'bianmin_database_up')).toBe(0)
    } finally {
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
      await down.$disconnect().catch(() => {})
    }
  })
})
