// Notification outbox. notify() records the message (always visible in the app's message list) in the same
// transaction as the change that caused it; a worker delivers it through WeChat subscribe messages when configured.
import type { Prisma } from '../generated/sqlite/client.js'
import type { Db } from './db'

export type NotificationKind =
  | 'BOOKING_CONFIRMED' | 'BOOKING_REMINDER' | 'BOOKING_CANCELLED' | 'SLOT_CLOSED' | 'NO_SHOW_SUSPENDED'
  | 'BOOKING_RESCHEDULED' | 'BOOKING_CHECKED_IN' | 'BOOKING_CALLED' | 'BOOKING_DONE'
  | 'CONSULTATION_REPLIED' | 'CONSULTATION_CLOSED' | 'RECTIFICATION_RESULT' | 'DISCLOSURE_UPDATE' | 'HOME_VISIT_UPDATE'
  | 'TICKET_NEAR' | 'TICKET_CALLED' | 'TICKET_DONE'

export interface NotificationInput {
  residentId: string
  kind: NotificationKind
  title: string
  body: string
  /** Page to open in the mini-program, plus template data for WeChat. */
  data?: { page?: string; [k: string]: unknown }
  /** Same key twice → one message (e.g. `reminder:<appointmentId>`). */
  dedupeKey: string
}

type Tx = Pick<Db, 'notification'>

export async function notify (db: Tx, n: NotificationInput, now: Date): Promise<void> {
  try {
    await db.notification.create({
      data: { ...n, data: (n.data ?? undefined) as Prisma.InputJsonValue | undefined, createdAt: now, nextAttemptAt: now },
    })
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err // already queued: idempotent
  }
}
