// 服务大厅: tickets, window calling, the hall screen's live events (per-app bus: deps.state.hall) and the 评价器.
import { defineModule } from '../../platform/module'
import { hallRoutes } from './hall.routes'
import { HallBus } from './hall.events'
import { seedHallLines } from './hall.seed'

export const hallModule = defineModule({
  name: 'hall',
  routes: hallRoutes,
  seeds: [seedHallLines],
  state: (deps) => new HallBus(deps),
})
