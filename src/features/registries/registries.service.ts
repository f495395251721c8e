import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { findEntry, type EntryRow } from './registries.queries.ts';
import {
  registryEntries,
  registryEntryActions,
  type EntryData,
  type RegistryKind,
} from './registries.tables.ts';

export interface EntryInput {
  organisationId: number;
  registry: RegistryKind;
  name: string;
  data: EntryData;
  /** Null for a change through the API: the audit trail then names the token. */
  actorUserId: number | null;
}

export type SaveResult =
  | { ok: true; id: number }
  | { ok: false; problem: 'duplicateName' }
  | { ok: false; problem: 'conflict'; current: EntryRow }
  | { ok: false; problem: 'notFound' };

async function nameTaken(tx: Db, input: EntryInput, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: registryEntries.id })
    .from(registryEntries)
    .where(
      and(
        eq(registryEntries.organisationId, input.organisationId),
        eq(registryEntries.registry, input.registry),
        eq(registryEntries.name, input.name),
      ),
    );
  return rows.some((r) => r.id !== exceptId);
}

export async function createEntry(db: Db, input: EntryInput): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, input)) return { ok: false, problem: 'duplicateName' } as const;
    const [row] = await tx
      .insert(registryEntries)
      .values({
        organisationId: input.organisationId,
        registry: input.registry,
        name: input.name,
        data: input.data,
        updatedByUserId: input.actorUserId,
      })
      .returning({ id: registryEntries.id });
    if (!row) throw new Error('register entry not inserted');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'register.created',
      details: { register: input.registry, entryId: row.id, name: input.name },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** Saves only when nobody saved the entry since `version` was read; otherwise returns what is stored now. */
export async function updateEntry(
  db: Db,
  id: number,
  version: number,
  input: EntryInput,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const current = await findEntry(tx, input.organisationId, input.registry, id);
    if (!current) return { ok: false, problem: 'notFound' } as const;
    if (current.version !== version) return { ok: false, problem: 'conflict', current } as const;
    if (await nameTaken(tx, input, id)) return { ok: false, problem: 'duplicateName' } as const;
    const updated = await tx
      .update(registryEntries)
      .set({
        name: input.name,
        data: input.data,
        version: sql`${registryEntries.version} + 1`,
        updatedAt: sql`now()`,
        updatedByUserId: input.actorUserId,
      })
      .where(and(eq(registryEntries.id, id), eq(registryEntries.version, version)))
      .returning({ id: registryEntries.id });
    if (updated.length === 0) return { ok: false, problem: 'conflict', current } as const;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'register.updated',
      details: { register: input.registry, entryId: id, name: input.name },
    });
    return { ok: true, id } as const;
  });
}

export async function deleteEntry(
  db: Db,
  scope: { organisationId: number; registry: RegistryKind; id: number; actorUserId: number | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(registryEntries)
      .where(
        and(
          eq(registryEntries.id, scope.id),
          eq(registryEntries.organisationId, scope.organisationId),
          eq(registryEntries.registry, scope.registry),
        ),
      )
      .returning({ name: registryEntries.name });
    if (deleted.length === 0) return false;
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organisationId: scope.organisationId,
      action: 'register.deleted',
      details: { register: scope.registry, entryId: scope.id, name: deleted[0]?.name },
    });
    return true;
  });
}

/**
 * Writes all rows of an import in one transaction: an entry with the same name is updated, others
 * are added. The caller has checked every row first, so either all rows land or none do.
 */
export async function importEntries(
  db: Db,
  scope: { organisationId: number; registry: RegistryKind; actorUserId: number | null },
  rows: { name: string; data: EntryData }[],
): Promise<{ created: number; updated: number }> {
  return db.transaction(async (tx) => {
    const names = rows.map((r) => r.name);
    const existing =
      names.length === 0
        ? []
        : await tx
            .select({ name: registryEntries.name })
            .from(registryEntries)
            .where(
              and(
                eq(registryEntries.organisationId, scope.organisationId),
                eq(registryEntries.registry, scope.registry),
                inArray(registryEntries.name, names),
              ),
            );
    const known = new Set(existing.map((e) => e.name));
    // Chunks keep each statement well under the parameter limit of the PostgreSQL protocol.
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((row) => ({
        organisationId: scope.organisationId,
        registry: scope.registry,
        name: row.name,
        data: row.data,
        updatedByUserId: scope.actorUserId,
      }));
      await tx
        .insert(registryEntries)
        .values(values)
        .onConflictDoUpdate({
          target: [registryEntries.organisationId, registryEntries.registry, registryEntries.name],
          set: {
            data: sql`excluded.data`,
            version: sql`${registryEntries.version} + 1`,
            updatedAt: sql`now()`,
            updatedByUserId: scope.actorUserId,
          },
        });
    }
    const result = { created: rows.length - known.size, updated: known.size };
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organisationId: scope.organisationId,
      action: 'register.imported',
      details: { register: scope.registry, ...result },
    });
    return result;
  });
}

export type LinkResult =
  | { ok: true; version: number }
  | { ok: false; problem: 'unknownAction'; actionIds: number[] }
  | { ok: false; problem: 'conflict'; current: EntryRow }
  | { ok: false; problem: 'notFound' };

/**
 * Replaces the strategy actions an entry relies on, for the entry's page and the API alike: only
 * actions of the organisation's active strategy may be chosen, and the links are part of the entry,
 * so its version goes up (an `expectedVersion` that is no longer stored is a conflict).
 */
export async function setLinkedActions(
  db: Db,
  scope: {
    organisationId: number;
    registry: RegistryKind;
    entryId: number;
    actorUserId: number | null;
    expectedVersion?: number;
  },
  chosen: number[],
): Promise<LinkResult> {
  const actionIds = [...new Set(chosen)];
  const linkable = new Set((await getActiveStrategy(db, scope.organisationId))?.actions.map((a) => a.id));
  const unknown = actionIds.filter((id) => !linkable.has(id));
  if (unknown.length > 0) return { ok: false, problem: 'unknownAction', actionIds: unknown };
  return db.transaction(async (tx) => {
    const current = await findEntry(tx, scope.organisationId, scope.registry, scope.entryId);
    if (!current) return { ok: false, problem: 'notFound' } as const;
    const [row] = await tx
      .update(registryEntries)
      .set({
        version: sql`${registryEntries.version} + 1`,
        updatedAt: sql`now()`,
        updatedByUserId: scope.actorUserId,
      })
      .where(
        and(
          eq(registryEntries.id, current.id),
          // The entry's page links without a version: the links it sends are the whole choice.
          scope.expectedVersion === undefined
            ? undefined
            : eq(registryEntries.version, scope.expectedVersion),
        ),
      )
      .returning({ version: registryEntries.version });
    if (!row) return { ok: false, problem: 'conflict', current } as const;
    await tx.delete(registryEntryActions).where(eq(registryEntryActions.entryId, current.id));
    if (actionIds.length > 0)
      await tx
        .insert(registryEntryActions)
        .values(actionIds.map((actionId) => ({ entryId: current.id, actionId })));
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organisationId: scope.organisationId,
      action: 'register.actionsLinked',
      details: { register: scope.registry, entryId: current.id, actionIds },
    });
    return { ok: true, version: row.version } as const;
  });
}
