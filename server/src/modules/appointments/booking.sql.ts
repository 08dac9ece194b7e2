// The booking hot path in plain SQL through Prisma's $queryRaw/$executeRaw (no query compiler, no per-relation
// queries): one SELECT for everything a booking checks, and the seat + appointment + outbox message (+ the
// Idempotency-Key row) written as one statement on PostgreSQL (data-modifying CTEs: the slot row stays locked only
// for that statement) or as three statements in one transaction on SQLite (serialised on the writer connection).
import crypto from 'node:crypto'
import type { Deps, Tx } from '../../platform/types'
import { sqliteExclusive, sqliteValue } from '../../platform/sqlite-serial'

/** Prisma-style ids (c + time + random, base 36): unique, roughly ordered by creation. */
export const newId = (): string => `c${Date.now().toString(36)}${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`

export interface BookingTarget {
  id: string; hallId: string; windowId: string | null; date: string; start: string; end: string; startsAt: Date; closed: boolean
  serviceItemIds: unknown; capacity: number; booked: number
  hallName: string; hallAddress: string; queuePrefix: string; orgId: string; hallActive: boolean; orgPath: string
  windowName: string | null
  itemId: string | null; itemName: string | null; bookable: boolean | null
  /** The item is handled where the slot is: at its window (active), or for a whole-hall slot at an active window of the hall. */
  serves: boolean
}

const truthy = (v: unknown) => v === true || v === 1 || v === 1n || v === '1' || v === 't'

/** The slot with its hall, org path, window and the item (null fields when the item is unknown or inactive). */
export async function loadTarget (db: Pick<Deps['db'], '$queryRaw'>, slotId: string, serviceItemId: string): Promise<BookingTarget | null> {
  const rows = await db.$queryRaw<BookingTarget[]>`
    SELECT s."id", s."hallId", s."windowId", s."date", s."start", s."end", s."startsAt", s."closed", s."serviceItemIds", s."capacity", s."booked",
      h."name" AS "hallName", h."address" AS "hallAddress", h."queuePrefix", h."orgId", h."active" AS "hallActive", o."path" AS "orgPath",
      w."name" AS "windowName", i."id" AS "itemId", i."name" AS "itemName", i."bookable",
      CASE WHEN EXISTS (SELECT 1 FROM "WindowServiceItem" wi JOIN "Window" ww ON ww."id" = wi."windowId"
        WHERE wi."serviceItemId" = i."id" AND ww."active" = TRUE
          AND ((s."windowId" IS NULL AND ww."hallId" = s."hallId") OR ww."id" = s."windowId")) THEN 1 ELSE 0 END AS "serves"
    FROM "Slot" s
    JOIN "Hall" h ON h."id" = s."hallId"
    JOIN "Org" o ON o."id" = h."orgId"
    LEFT JOIN "Window" w ON w."id" = s."windowId"
    LEFT JOIN "ServiceItem" i ON i."id" = ${serviceItemId} AND i."active" = TRUE
    WHERE s."id" = ${slotId}`
  const r = rows[0]
  if (!r) return null
  return { ...r, capacity: Number(r.capacity), booked: Number(r.booked), closed: truthy(r.closed), hallActive: truthy(r.hallActive), bookable: r.bookable === null ? null : truthy(r.bookable), serves: truthy(r.serves) }
}

/**
 * At most `width` writes per hot row (a slot, a ticket counter) in flight on this instance (PostgreSQL): they queue
 * on the row's lock anyway, and each waiting one would hold a pooled connection that reads (slot and notice lists)
 * need. Only a throttle: capacity and numbering are still decided by the database, across instances too.
 */
export class HotRowGate {
  private readonly queues = new Map<string, { running: number; waiting: (() => void)[] }>()
  constructor (private readonly width: number) {}
  async run<T> (key: string, fn: () => Promise<T>): Promise<T> {
    let q = this.queues.get(key)
    if (!q) this.queues.set(key, q = { running: 0, waiting: [] })
    if (q.running >= this.width) await new Promise<void>((resolve) => q!.waiting.push(resolve))
    else q.running++
    try {
      return await fn()
    } finally {
      const next = q.waiting.shift()
      if (next) next() // the slot passes to the next waiter
      else if (--q.running === 0) this.queues.delete(key)
    }
  }
}
const gate = new HotRowGate(2)

export interface SeatRow {
  id: string; residentId: string | null; slotId: string; serviceItemId: string; hallId: string; windowId: string | null; date: string
  code: string; activeKey: string; contactName: string; contactPhoneEnc: string; contactPhoneHash: string; note: string | null
  channel: string; bookedById: string | null; createdAt: Date
}
export interface Message { id: string; residentId: string; title: string; body: string; data: unknown; dedupeKey: string }
export interface IdemRow { scope: string; key: string; hash: string; body: unknown }

/**
 * Takes a seat and writes the appointment, its message and the Idempotency-Key row with the stored result.
 * Returns false when the slot is full or closed (nothing written). A unique violation (same active booking, code
 * collision, key already used) throws and leaves nothing written.
 */
export async function writeBooking (deps: Deps, tx: Tx | Deps['db'], a: SeatRow, msg: Message | null, idem: IdemRow | null): Promise<boolean> {
  const now = a.createdAt
  if (deps.config.provider === 'postgresql') {
    const n = await gate.run(a.slotId, () => tx.$queryRaw<{ n: number | bigint }[]>`
      WITH seat AS (
        UPDATE "Slot" SET "booked" = "booked" + 1, "updatedAt" = ${now}
        WHERE "id" = ${a.slotId} AND "closed" = FALSE AND "booked" < "capacity" RETURNING "id"
      ), appt AS (
        INSERT INTO "Appointment" ("id","residentId","slotId","serviceItemId","hallId","windowId","date","status","code","activeKey","contactName","contactPhoneEnc","contactPhoneHash","note","channel","bookedById","createdAt","updatedAt")
        SELECT ${a.id}, ${a.residentId}, ${a.slotId}, ${a.serviceItemId}, ${a.hallId}, ${a.windowId}, ${a.date}, 'BOOKED', ${a.code}, ${a.activeKey}, ${a.contactName}, ${a.contactPhoneEnc}, ${a.contactPhoneHash}, ${a.note}, ${a.channel}, ${a.bookedById}, ${now}, ${now}
        FROM seat RETURNING "id"
      ), msg AS (
        INSERT INTO "Notification" ("id","residentId","kind","title","body","data","dedupeKey","deliveryState","attempts","nextAttemptAt","createdAt")
        SELECT ${msg?.id ?? ''}, ${msg?.residentId ?? ''}, 'BOOKING_CONFIRMED', ${msg?.title ?? ''}, ${msg?.body ?? ''}, ${JSON.stringify(msg?.data ?? null)}::jsonb, ${msg?.dedupeKey ?? ''}, 'PENDING', 0, ${now}, ${now}
        FROM appt WHERE ${msg !== null} ON CONFLICT ("dedupeKey") DO NOTHING RETURNING "id"
      ), idem AS (
        INSERT INTO "IdempotencyKey" ("id","scope","key","requestHash","status","body","createdAt")
        SELECT ${newId()}, ${idem?.scope ?? ''}, ${idem?.key ?? ''}, ${idem?.hash ?? ''}, 201, ${JSON.stringify(idem?.body ?? null)}::jsonb, ${now}
        FROM appt WHERE ${idem !== null} RETURNING "id"
      )
      SELECT (SELECT count(*) FROM appt) + 0 * (SELECT count(*) FROM msg) + 0 * (SELECT count(*) FROM idem) AS "n"`)
    return Number(n[0]?.n ?? 0) === 1
  }
  const write = async (t: Tx) => {
    const seat = await t.$executeRaw`UPDATE "Slot" SET "booked" = "booked" + 1, "updatedAt" = ${now}
      WHERE "id" = ${a.slotId} AND "closed" = 0 AND "booked" < "capacity"`
    if (seat !== 1) return false
    await t.$executeRaw`INSERT INTO "Appointment" ("id","residentId","slotId","serviceItemId","hallId","windowId","date","status","code","activeKey","contactName","contactPhoneEnc","contactPhoneHash","note","channel","bookedById","createdAt","updatedAt")
      VALUES (${a.id}, ${a.residentId}, ${a.slotId}, ${a.serviceItemId}, ${a.hallId}, ${a.windowId}, ${a.date}, 'BOOKED', ${a.code}, ${a.activeKey}, ${a.contactName}, ${a.contactPhoneEnc}, ${a.contactPhoneHash}, ${a.note}, ${a.channel}, ${a.bookedById}, ${now}, ${now})`
    if (msg) {
      await t.$executeRaw`INSERT INTO "Notification" ("id","residentId","kind","title","body","data","dedupeKey","deliveryState","attempts","nextAttemptAt","createdAt")
        VALUES (${msg.id}, ${msg.residentId}, 'BOOKING_CONFIRMED', ${msg.title}, ${msg.body}, ${JSON.stringify(msg.data)}, ${msg.dedupeKey}, 'PENDING', 0, ${now}, ${now})
        ON CONFLICT ("dedupeKey") DO NOTHING`
    }
    if (idem) {
      await t.$executeRaw`INSERT INTO "IdempotencyKey" ("id","scope","key","requestHash","status","body","createdAt")
        VALUES (${newId()}, ${idem.scope}, ${idem.key}, ${idem.hash}, 201, ${JSON.stringify(idem.body)}, ${now})`
    }
    return true
  }
  if (tx !== deps.db) return write(tx as Tx) // inside a caller's transaction (staff audit, reschedule)
  const exclusive = sqliteExclusive(deps.db)
  if (!exclusive) return deps.db.$transaction(write, { maxWait: 15_000, timeout: 20_000 })
  // The same statements as one synchronous better-sqlite3 transaction on the writer (in turn with Prisma's): no
  // round trips through the query engine while the write lock is held. A throw rolls everything back.
  const v = (x: unknown) => sqliteValue(x)
  return exclusive((db) => {
    const seat = db.prepare('UPDATE "Slot" SET "booked" = "booked" + 1, "updatedAt" = ? WHERE "id" = ? AND "closed" = 0 AND "booked" < "capacity"').run(v(now), a.slotId)
    if (seat.changes !== 1) return false
    db.prepare(`INSERT INTO "Appointment" ("id","residentId","slotId","serviceItemId","hallId","windowId","date","status","code","activeKey","contactName","contactPhoneEnc","contactPhoneHash","note","channel","bookedById","createdAt","updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.id, a.residentId, a.slotId, a.serviceItemId, a.hallId, a.windowId, a.date, a.code, a.activeKey, a.contactName, a.contactPhoneEnc, a.contactPhoneHash, a.note, a.channel, a.bookedById, v(now), v(now))
    if (msg) {
      db.prepare(`INSERT INTO "Notification" ("id","residentId","kind","title","body","data","dedupeKey","deliveryState","attempts","nextAttemptAt","createdAt")
        VALUES (?, ?, 'BOOKING_CONFIRMED', ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT ("dedupeKey") DO NOTHING`)
        .run(msg.id, msg.residentId, msg.title, msg.body, JSON.stringify(msg.data), msg.dedupeKey, v(now), v(now))
    }
    if (idem) {
      db.prepare('INSERT INTO "IdempotencyKey" ("id","scope","key","requestHash","status","body","createdAt") VALUES (?, ?, ?, ?, 201, ?, ?)')
        .run(newId(), idem.scope, idem.key, idem.hash, JSON.stringify(idem.body), v(now))
    }
    return true
  }).catch((err: unknown) => { throw asPrismaUnique(err) })
}

/** A better-sqlite3 unique violation in the shape Prisma's adapter gives it (so uniqueFields reads both). */
export function asPrismaUnique (err: unknown): unknown {
  const e = err as { code?: string; message?: string }
  if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return err
  const fields = (/UNIQUE constraint failed: (.+)$/.exec(e.message ?? '')?.[1] ?? '').split(',').map((f) => f.trim().split('.').pop()!).filter(Boolean)
  return Object.assign(new Error(e.message), { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', constraint: { fields } } } } })
}

/** Fields of the unique index a Prisma error violated ([] when it is not a unique violation). */
export function uniqueFields (err: unknown): string[] | null {
  const e = err as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { kind?: string; constraint?: { fields?: string[]; index?: string } } } } }
  if (e?.code === 'P2002') return Array.isArray(e.meta?.target) ? e.meta.target as string[] : []
  const cause = e?.meta?.driverAdapterError?.cause
  if (cause?.kind === 'UniqueConstraintViolation') return cause.constraint?.fields ?? (cause.constraint?.index ? [cause.constraint.index] : [])
  return null
}
