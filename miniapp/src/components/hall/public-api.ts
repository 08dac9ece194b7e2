// Calls that need nobody signed in (the hall screen on a TV): no resident login, no staff token.
import { contract, createClient } from '@bianmin/shared'
import { API_BASE, taroTransport } from '@/api/transport'

export const publicApi = createClient({ baseUrl: API_BASE, transport: taroTransport, getToken: () => null })

/** The URL of a hall's live queue (Server-Sent Events): the contract's getHallQueueEvents path with the hall's id. */
export const queueEventsUrl = (hallId: string): string =>
  API_BASE + contract.getHallQueueEvents.path.replace(':id', encodeURIComponent(hallId))
