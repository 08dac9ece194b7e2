// File uploads and signed downloads.
import { defineModule } from '../../platform/module'
import { uploadRoutes } from './upload.routes'

export const uploadsModule = defineModule({
  name: 'uploads',
  routes: uploadRoutes,
})
