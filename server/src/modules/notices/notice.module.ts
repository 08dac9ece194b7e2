// 政务公开 notices: editing, review and the cached resident read path (per-app state: deps.state.notices).
import { defineModule } from '../../platform/module'
import { noticeRoutes } from './notice.routes'
import { NoticeRuntime } from './notice.cache'
import { seedNotices } from './notice.seed'

export const noticesModule = defineModule({
  name: 'notices',
  routes: noticeRoutes,
  seeds: [seedNotices],
  state: (deps) => new NoticeRuntime(deps),
})
