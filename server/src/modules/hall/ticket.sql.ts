// The ticket hot path in plain SQL: the line's counter upsert, the ticket row and the hall's waiting count in one
// statement on PostgreSQL (data-modifying CTEs: the counter row is locked only for that statement, and a refused
// ticket — the resident's second waiting one — rolls its number back with it) or in one transaction on SQLite.
import type { Deps, Tx } from '../../platform/types'
import { sqliteExclusive, sqliteValue } from '../../platform/sqlite-serial'
import { asPrismaUnique, HotRowGate, newId } from '../appointments/booking.sql'

const gate = new HotRowGate(2)

export interface NewTicketRow {
  hallId: string; date: string; line: string; lineName: string; serviceItemId: string; channel: 'DESK' | 'APP'
  residentId: string | null; activeKey: string | null; contactName: string | null; contactPhoneEnc: string | null; issuedById: string | null
  now: Date; hour: number
}

/** Inserts the ticket with the next number of its line; returns its id, seq, number and the hall's waiting count after it. */
export async function insertTicket (deps: Deps, tx: Tx | Deps['db'], t: NewTicketRow): Promise<{ id: string; seq: number; number: string; waiting: number }> {
  const id = newId()
  if (deps.config.provider === 'postgresql') {
    const rows = await gate.run(`${t.hallId}:${t.date}:${t.line}`, () => tx.$queryRaw<{ seq: number; number: string; waiting: number | bigint }[]>`
      WITH c AS (
        INSERT INTO "TicketCounter" ("hallId", "date", "line", "last") VALUES (${t.hallId}, ${t.date}, ${t.line}, 1)
        ON CONFLICT ("hallId", "date", "line") DO UPDATE SET "last" = "TicketCounter"."last" + 1 RETURNING "last"
      ), ins AS (
        INSERT INTO "Ticket" ("id","hallId","date","line","lineName","seq","number","serviceItemId","channel","residentId","activeKey","rankAt","hour","contactName","contactPhoneEnc","issuedById","createdAt","updatedAt")
        SELECT ${id}, ${t.hallId}, ${t.date}, ${t.line}, ${t.lineName}, c."last",
          ${t.line} || CASE WHEN c."last" < 1000 THEN lpad(c."last"::text, 3, '0') ELSE c."last"::text END,
          ${t.serviceItemId}, ${t.channel}, ${t.residentId}, ${t.activeKey}, ${t.now}, ${t.hour}, ${t.contactName}, ${t.contactPhoneEnc}, ${t.issuedById}, ${t.now}, ${t.now}
        FROM c RETURNING "seq", "number"
      )
      SELECT ins."seq", ins."number",
        (SELECT count(*) FROM "Ticket" w WHERE w."hallId" = ${t.hallId} AND w."date" = ${t.date} AND w."status" = 'WAITING') + 1 AS "waiting"
      FROM ins`)
    const r = rows[0]!
    return { id, seq: Number(r.seq), number: r.number, waiting: Number(r.waiting) }
  }
  const write = async (x: Tx) => {
    const c = await x.$queryRaw<{ last: number | bigint }[]>`INSERT INTO "TicketCounter" ("hallId", "date", "line", "last") VALUES (${t.hallId}, ${t.date}, ${t.line}, 1)
      ON CONFLICT ("hallId", "date", "line") DO UPDATE SET "last" = "TicketCounter"."last" + 1 RETURNING "last"`
    const seq = Number(c[0]!.last)
    const number = `${t.line}${String(seq).padStart(3, '0')}`
    await x.$executeRaw`INSERT INTO "Ticket" ("id","hallId","date","line","lineName","seq","number","serviceItemId","channel","status","residentId","activeKey","rankAt","hour","recallCount","skipRecalled","nearNotified","contactName","contactPhoneEnc","issuedById","createdAt","updatedAt")
      VALUES (${id}, ${t.hallId}, ${t.date}, ${t.line}, ${t.lineName}, ${seq}, ${number}, ${t.serviceItemId}, ${t.channel}, 'WAITING', ${t.residentId}, ${t.activeKey}, ${t.now}, ${t.hour}, 0, 0, 0, ${t.contactName}, ${t.contactPhoneEnc}, ${t.issuedById}, ${t.now}, ${t.now})`
    const w = await x.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "Ticket" WHERE "hallId" = ${t.hallId} AND "date" = ${t.date} AND "status" = 'WAITING'`
    return { id, seq, number, waiting: Number(w[0]!.n) }
  }
  if (tx !== deps.db) return write(tx as Tx) // a desk ticket, in the transaction with its audit entry
  const exclusive = sqliteExclusive(deps.db)
  if (!exclusive) return deps.db.$transaction(write, { maxWait: 15_000, timeout: 20_000 })
  // One synchronous transaction on the writer (in turn with Prisma's), as for bookings (booking.sql).
  const now = sqliteValue(t.now)
  return exclusive((db) => {
    const seq = Number((db.prepare(`INSERT INTO "TicketCounter" ("hallId", "date", "line", "last") VALUES (?, ?, ?, 1)
      ON CONFLICT ("hallId", "date", "line") DO UPDATE SET "last" = "TicketCounter"."last" + 1 RETURNING "last"`).get(t.hallId, t.date, t.line) as { last: number }).last)
    const number = `${t.line}${String(seq).padStart(3, '0')}`
    db.prepare(`INSERT INTO "Ticket" ("id","hallId","date","line","lineName","seq","number","serviceItemId","channel","status","residentId","activeKey","rankAt","hour","recallCount","skipRecalled","nearNotified","contactName","contactPhoneEnc","issuedById","createdAt","updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)`)
      .run(id, t.hallId, t.date, t.line, t.lineName, seq, number, t.serviceItemId, t.channel, t.residentId, t.activeKey, now, t.hour, t.contactName, t.contactPhoneEnc, t.issuedById, now, now)
    const waiting = (db.prepare(`SELECT count(*) AS "n" FROM "Ticket" WHERE "hallId" = ? AND "date" = ? AND "status" = 'WAITING'`).get(t.hallId, t.date) as { n: number }).n
    return { id, seq, number, waiting: Number(waiting) }
  }).catch((err: unknown) => { throw asPrismaUnique(err) })
}
