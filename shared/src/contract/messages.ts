import { z } from 'zod'
import { route } from './route'
import { id, idParams, isoDateTime, page, pageQuery, ok } from './common'

export const messageView = z.object({
  id, kind: z.string(), title: z.string(), body: z.string(), page: z.string().nullable(), read: z.boolean(), createdAt: isoDateTime,
})

export const messageRoutes = {
  listMessages: route({
    method: 'GET', path: '/api/v1/messages', access: 'resident', summary: '我的消息（预约确认、提醒、答复等）', tags: ['消息'],
    query: pageQuery,
    responses: { 200: page(messageView).extend({ unread: z.number().int() }) },
  }),
  readMessage: route({
    method: 'POST', path: '/api/v1/messages/:id/read', access: 'resident', summary: '标记消息已读', tags: ['消息'],
    params: idParams,
    responses: { 200: ok },
  }),
  readAllMessages: route({
    method: 'POST', path: '/api/v1/messages/read-all', access: 'resident', summary: '全部标为已读', tags: ['消息'],
    responses: { 200: ok },
  }),
}
