// Build time: the contract's route table without its schemas (method + path per route name), for defineConstants
// BM_ROUTES (src/api/routes.ts). The client needs nothing else; the schemas stay with the pages that validate forms.
import path from 'node:path'
import { requireWithEsbuild } from '@tarojs/helper'

export function routeTableJson (): string {
  const shared = path.resolve(__dirname, '../../shared/src')
  const { contract } = requireWithEsbuild(path.join(shared, 'contract/index.ts')) as typeof import('../../shared/src/contract/index')
  const { routeTable } = requireWithEsbuild(path.join(shared, 'client.ts')) as typeof import('../../shared/src/client')
  return JSON.stringify(routeTable(contract))
}
