// Calls that need nobody signed in (the hall screen on a TV): no resident login, no staff token.
import { createClient } from '@bianmin/shared'
import { API_BASE, taroTransport } from '@/api/transport'

export const publicApi = createClient({ baseUrl: API_BASE, transport: taroTransport, getToken: () => null })

/** The URL of a hall's live queue (Server-Sent Events). */
export const queueEventsUrl = (hallId: string): string => `${API_BASE}/api/v1/halls/${encodeURIComponent(hallId)}/queue/events`
