import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database.ts';
import { auditLog } from './core.tables.ts';

export interface AuditEntry {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  details?: Record<string, unknown>;
  /** The client address; taken from the request being handled when not given. */
  address?: string | null;
}

/** The client address of the request being handled, set by the core's request hooks. */
const requestAddress = new AsyncLocalStorage<string>();

/** Runs `next` (the rest of a request) with its client address, so that every audit entry has it. */
export function withAuditAddress(address: string, next: () => void): void {
  requestAddress.run(address, next);
}

/** Call inside the transaction of the change, so that the record exists exactly when the change does. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    details: entry.details ?? {},
    address: entry.address ?? requestAddress.getStore() ?? null,
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
