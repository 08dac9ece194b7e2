// What the hall screen shows, from the public snapshot: windows serving a number (newest call first), the last calls.
import type { HallQueue } from '@bianmin/shared'

export interface Serving { windowId: string; windowNumber: string; windowName: string; number: string; calledAt: string }

/** Windows serving a number now, the most recent call first. */
export function servingNow (q: HallQueue): Serving[] {
  return q.windows
    .filter((w) => w.number && w.calledAt)
    .map((w) => ({ windowId: w.windowId, windowNumber: w.windowNumber, windowName: w.windowName, number: w.number!, calledAt: w.calledAt! }))
    .sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt))
}

/** The last calls (recalls included), newest first, at most `n`. */
export const lastCalls = (q: HallQueue, n = 8) => q.recent.slice(0, n)
