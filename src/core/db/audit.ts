import type { Db } from './database.ts';
import { auditLog } from './core.tables.ts';
import { currentAuditContext } from './audit-context.ts';

export { withAuditContext, type AuditContext } from './audit-context.ts';

export interface AuditEntry {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  details?: Record<string, unknown>;
  /** The client address; taken from the request being handled when not given. */
  address?: string | null;
}

/** Call inside the transaction of the change, so that the record exists exactly when the change does. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  const context = currentAuditContext();
  const apiTokenId = context?.apiTokenId;
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    details: apiTokenId ? { ...entry.details, apiTokenId } : (entry.details ?? {}),
    address: entry.address ?? context?.address ?? null,
  });
}

/** An export that holds personal data (names, e-mail addresses, phone numbers) leaves a trace. */
export async function recordPersonalDataExport(
  db: Db,
  entry: { actorUserId: number; organisationId?: number | null; export: string; rows: number },
): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actorUserId: entry.actorUserId,
      organisationId: entry.organisationId ?? null,
      action: 'export.personal-data',
      details: { export: entry.export, rows: entry.rows },
    }),
  );
}
