import type { Db } from './database.ts';
import { auditLog } from './core.tables.ts';

export interface AuditEntry {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  details?: Record<string, unknown>;
}

/** Call inside the transaction of the change, so that the record exists exactly when the change does. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    details: entry.details ?? {},
  });
}
