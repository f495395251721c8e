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

/** Who is behind the request being handled, beyond its user: set by the core's request hooks. */
export interface AuditContext {
  /** The client address. */
  address: string;
  /** The API token of an API request; a change made through the API is recorded with it. */
  apiTokenId: number | null;
}

const requestContext = new AsyncLocalStorage<AuditContext>();

/** Runs `next` (the rest of a request) with its context, so that every audit entry has it. */
export function withAuditContext(context: AuditContext, next: () => void): void {
  requestContext.run(context, next);
}

/** Call inside the transaction of the change, so that the record exists exactly when the change does. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  const context = requestContext.getStore();
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
