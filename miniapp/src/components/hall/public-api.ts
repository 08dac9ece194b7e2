// Calls that need nobody signed in (the hall screen on a TV): no resident login, no staff token.
import { createClient } from '@bianmin/shared'
import { routes } from '@/api/routes'
import { API_BASE, taroTransport } from '@/api/transport'

export const publicApi = createClient({ baseUrl: API_BASE, transport: taroTransport, routes, getToken: () => null })

/** The URL of a hall's live queue (Server-Sent Events): the contract's getHallQueueEvents path with the hall's id. */
export const queueEventsUrl = (hallId: string): string =>
  API_BASE + routes.getHallQueueEvents.path.replace(':id', encodeURIComponent(hallId))
