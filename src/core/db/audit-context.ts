import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is behind the request being handled, beyond its user: set by the core's request hooks. */
export interface AuditContext {
  /** The client address. */
  address: string;
  /** The API token of an API request; a change made through the API is recorded with it. */
  apiTokenId: number | null;
  /**
   * In tests (AUDIT_COVERAGE_CHECK): the tables the request's queries changed, noted by the
   * database clients after each statement ({@link changeNoter}), so that a change without an audit entry fails.
   */
  changedTables?: Set<string>;
}

const requestContext = new AsyncLocalStorage<AuditContext>();

/** Runs `next` (the rest of a request) with its context, so that every audit entry has it. */
export function withAuditContext(context: AuditContext, next: () => void): void {
  requestContext.run(context, next);
}

/** The request's context, for the coverage check at its end. */
export function currentAuditContext(): AuditContext | undefined {
  return requestContext.getStore();
}

/**
 * Tables whose rows change as a side effect of using the platform, not as data anyone edits:
 * sessions and sign-in state, limit counters and single-use stamps, queues (mail, reset requests),
 * caches, and the audit trail itself. Every other table changes only with an audit entry.
 */
export const unauditedTables: ReadonlySet<string> = new Set([
  'sessions',
  'auth_throttle',
  'oidc_sign_in_requests',
  'password_reset_requests',
  'intake_used_form_stamps',
  'intake_submission_counts',
  'mail_outbox',
  'benchmark_state',
  'app_settings',
  'audit_log',
]);

const writePattern = /\b(?:insert\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?/gi;
const notTables = new Set(['set', 'skip', 'of', 'nowait']);

/** The tables a statement changes (insert, update, delete), read from its text. */
export function tablesChangedBy(statement: string): string[] {
  const tables: string[] = [];
  for (const match of statement.matchAll(writePattern)) {
    const table = match[1]?.toLowerCase();
    if (table && !notTables.has(table)) tables.push(table);
  }
  return tables;
}

/**
 * For the database clients, when a statement is sent: what to call with the rows it changed once it
 * has run, which notes the tables a tracked request changed (tests only). Taken when the statement
 * is sent, because a driver may answer outside the request's context. A statement that changed no
 * row (an update or delete that matched nothing, an insert that met its conflict) changed nothing
 * that needs an audit entry.
 */
export function changeNoter(): ((statement: string, changedRows: number) => void) | undefined {
  const changed = requestContext.getStore()?.changedTables;
  if (!changed) return undefined;
  return (statement, changedRows) => {
    if (changedRows <= 0) return;
    for (const table of tablesChangedBy(statement)) changed.add(table);
  };
}

/** The tables the request changed without an audit entry; empty when it wrote one (or none needed). */
export function unauditedChanges(context: AuditContext | undefined): string[] {
  const changed = context?.changedTables;
  if (!changed || changed.has('audit_log')) return [];
  return [...changed].filter((table) => !unauditedTables.has(table));
}
