// Prometheus metrics (prom-client), one registry per process. Counters and histograms are updated where things happen
// (e.g. `metrics.bookingConflicts.inc()` in the booking service); database gauges are computed at scrape time by
// GET /metrics (modules/ops). Route labels are the matched route templates (/api/v1/notices/:id), never raw URLs.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Middleware } from 'koa'
import type { AppState } from './types'

const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: 'bianmin_' })

export const metrics = {
  registry,
  httpRequests: new Counter({
    name: 'bianmin_http_requests_total', help: 'HTTP requests by method, route template and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  }),
  httpDuration: new Histogram({
    name: 'bianmin_http_request_duration_seconds', help: 'HTTP request latency by method and route template', labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  }),
  /** A booking refused because the slot was full or a concurrent request took the last place (SLOT_FULL / DUPLICATE). */
  bookingConflicts: new Counter({
    name: 'bianmin_booking_conflicts_total', help: 'Bookings refused by a capacity or duplicate conflict', registers: [registry],
  }),
  outboxBacklog: new Gauge({ name: 'bianmin_outbox_backlog', help: 'Notifications waiting for WeChat delivery (PENDING)', registers: [registry] }),
  outboxOldestSeconds: new Gauge({ name: 'bianmin_outbox_oldest_pending_seconds', help: 'Age of the oldest PENDING notification', registers: [registry] }),
  consultationsOverdue: new Gauge({ name: 'bianmin_consultations_overdue', help: 'Consultations past their reply deadline and not replied', registers: [registry] }),
  rectificationsOverdue: new Gauge({ name: 'bianmin_rectifications_overdue', help: 'Rectification cases past their due date and not closed', registers: [registry] }),
  disclosuresOverdue: new Gauge({ name: 'bianmin_disclosures_overdue', help: 'Disclosure requests past their reply deadline and not replied', registers: [registry] }),
  databaseUp: new Gauge({ name: 'bianmin_database_up', help: '1 when the scrape-time database queries succeeded', registers: [registry] }),
  migrationsPending: new Gauge({ name: 'bianmin_migrations_pending', help: 'Database migrations on disk not yet applied', registers: [registry] }),
  jobFailures: new Counter({ name: 'bianmin_job_failures_total', help: 'Scheduled job runs that failed', labelNames: ['job'] as const, registers: [registry] }),
}

/** Route label: the router's matched template, else "static" (H5 files) or "unmatched" (404s: raw paths would explode cardinality). */
function routeLabel (ctx: Parameters<Middleware<AppState>>[0]): string {
  const matched = (ctx as unknown as { _matchedRoute?: string | RegExp })._matchedRoute
  if (matched) return String(matched)
  if (ctx.status < 400 && !ctx.path.startsWith('/api/') && (ctx.method === 'GET' || ctx.method === 'HEAD')) return 'static'
  return 'unmatched'
}

/** Counts and times every request; registered before the error middleware so it sees the final status. */
export function httpMetrics (): Middleware<AppState> {
  return async function requestMetrics (ctx, next) {
    const start = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const route = routeLabel(ctx)
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      metrics.httpRequests.inc({ method: ctx.method, route, status: String(ctx.status) })
      metrics.httpDuration.observe({ method: ctx.method, route }, seconds)
    }
  }
}
