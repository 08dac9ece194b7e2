import { z } from 'zod'
import './locale'
import { route } from './route'

export const metaRoutes = {
  getHealth: route({
    method: 'GET', path: '/healthz', access: 'public', summary: '进程存活检查', tags: ['运维'],
    responses: { 200: z.object({ status: z.literal('ok') }) },
  }),
  getReady: route({
    method: 'GET', path: '/readyz', access: 'public', summary: '就绪检查（数据库可达、迁移已完成）', tags: ['运维'],
    responses: { 200: z.object({ status: z.literal('ready'), database: z.string() }) },
  }),
}
