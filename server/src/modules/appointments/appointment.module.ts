// Slots, bookings and the hall queue.
import { defineModule } from '../../platform/module'
import { appointmentRoutes } from './appointment.routes'
import { idempotencyPruneJob, remindersJob, slotsJob } from './appointment.jobs'

export const appointmentsModule = defineModule({
  name: 'appointments',
  routes: appointmentRoutes,
  jobs: [slotsJob, remindersJob, idempotencyPruneJob],
})
