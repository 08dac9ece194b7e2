import { z } from 'zod'
import { route } from './route'
import { id } from './common'

export const orgLevel = z.enum(['DISTRICT', 'STREET', 'COMMUNITY'])
export interface OrgNode { id: string; name: string; level: z.infer<typeof orgLevel>; parentId: string | null; children: OrgNode[] }
export const orgNode: z.ZodType<OrgNode> = z.lazy(() => z.object({
  id, name: z.string(), level: orgLevel, parentId: id.nullable(), children: z.array(orgNode),
}))
export const hallView = z.object({
  id, orgId: id, orgName: z.string(), name: z.string(), address: z.string(), phone: z.string().nullable(),
  openHours: z.string().nullable(),
  windows: z.array(z.object({ id, name: z.string(), number: z.string() })),
})

export const orgRoutes = {
  listOrgs: route({
    method: 'GET', path: '/api/v1/orgs', access: 'public', summary: '组织机构树（区—街道—社区）', tags: ['机构'],
    responses: { 200: z.object({ items: z.array(orgNode) }) },
  }),
  listHalls: route({
    method: 'GET', path: '/api/v1/halls', access: 'public', summary: '便民服务中心及其窗口', tags: ['机构'],
    query: z.object({ orgId: id.optional() }),
    responses: { 200: z.object({ items: z.array(hallView) }) },
  }),
}
