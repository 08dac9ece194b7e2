// The contract's method + path per route, without its zod schemas: config/routes.ts computes the table from
// shared/src/contract at build time (defineConstants BM_ROUTES), so the main package does not carry every schema.
import type { RouteTable } from '@bianmin/shared'

export const routes: RouteTable = BM_ROUTES
