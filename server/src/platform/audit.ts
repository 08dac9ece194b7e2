// Audit log of every staff action (and security-relevant resident actions).
import type { Prisma } from '../generated/sqlite/client.js'
import type { Db } from './db'
import type { Actor } from './types'

export interface AuditEntry {
  action: string
  targetType?: string
  targetId?: string
  detail?: Record<string, unknown>
  orgId?: string | null
}

export interface AuditMeta { ip?: string; requestId?: string }

type Tx = Pick<Db, 'auditLog'>

export async function audit (db: Tx, actor: Actor | { kind: 'system' }, entry: AuditEntry, meta: AuditMeta = {}): Promise<void> {
  await db.auditLog.create({
    data: {
      actorType: actor.kind === 'staff' ? 'STAFF' : actor.kind === 'resident' ? 'RESIDENT' : 'SYSTEM',
      actorId: actor.kind === 'system' ? null : actor.id,
      actorName: actor.kind === 'staff' ? actor.name : null,
      orgId: entry.orgId ?? (actor.kind === 'staff' ? actor.orgId : null),
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: (entry.detail ?? undefined) as Prisma.InputJsonValue | undefined,
      ip: meta.ip ?? null,
      requestId: meta.requestId ?? null,
    },
  })
}
