import { z } from 'zod'
import './locale'
import { route } from './route'

export const opsRoutes = {
  getMetrics: route({
    method: 'GET', path: '/metrics', access: 'public', summary: 'Prometheus 监控指标（METRICS_TOKEN 或仅限本机/内网直连）', tags: ['运维'],
    headers: { authorization: 'Bearer <METRICS_TOKEN>（设置了 METRICS_TOKEN 时必填）' },
    produces: 'text/plain; version=0.0.4',
    responses: { 200: z.string() },
  }),
}
