import { eq, max } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { latestFrameworkVersion } from '../framework/index.ts';
import type { Strategy, StrategyFields } from './strategy.model.ts';
import { activeStrategyRows, findStrategyRow, loadStrategies, lockStrategy } from './strategy.queries.ts';
import { strategies } from './strategy.tables.ts';
import { copyActions } from './strategy-writes.ts';

export async function getActiveStrategy(db: Db, organisationId: number): Promise<Strategy | null> {
  const [loaded] = await loadStrategies(db, await activeStrategyRows(db, [organisationId]));
  return loaded ?? null;
}

export async function getStrategy(
  db: Db,
  organisationId: number,
  strategyId: number,
): Promise<Strategy | null> {
  const row = await findStrategyRow(db, organisationId, strategyId);
  if (!row) return null;
  const [loaded] = await loadStrategies(db, [row]);
  return loaded ?? null;
}

export async function getActiveStrategies(db: Db, organisationIds: number[]): Promise<Strategy[]> {
  return loadStrategies(db, await activeStrategyRows(db, organisationIds));
}

export type CreateStrategyResult = { ok: true; strategyId: number } | { ok: false; problem: 'alreadyActive' };

export async function createStrategy(
  db: Db,
  input: {
    organisationId: number;
    actorUserId: number | null;
    fields: StrategyFields;
    frameworkVersion?: string;
  },
): Promise<CreateStrategyResult> {
  return db.transaction(async (tx) => {
    if ((await activeStrategyRows(tx, [input.organisationId])).length > 0)
      return { ok: false, problem: 'alreadyActive' } as const;
    const [last] = await tx
      .select({ n: max(strategies.versionNumber) })
      .from(strategies)
      .where(eq(strategies.organisationId, input.organisationId));
    const [row] = await tx
      .insert(strategies)
      .values({
        organisationId: input.organisationId,
        frameworkVersion: input.frameworkVersion ?? latestFrameworkVersion(),
        versionNumber: (last?.n ?? 0) + 1,
        createdByUserId: input.actorUserId,
        ...input.fields,
      })
      .returning({ id: strategies.id });
    if (!row) throw new Error('strategy not created');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'strategy.created',
      details: { strategyId: row.id, title: input.fields.title },
    });
    return { ok: true, strategyId: row.id } as const;
  });
}

export type UpdateStrategyResult =
  | { ok: true }
  | { ok: false; problem: 'notFound' | 'archived' }
  | { ok: false; problem: 'conflict'; stored: StrategyFields; storedVersion: number };

export async function updateStrategy(
  db: Db,
  input: {
    organisationId: number;
    strategyId: number;
    actorUserId: number;
    expectedVersion: number;
    fields: StrategyFields;
  },
): Promise<UpdateStrategyResult> {
  return db.transaction(async (tx) => {
    const row = await lockStrategy(tx, input.strategyId);
    if (!row || row.organisationId !== input.organisationId)
      return { ok: false, problem: 'notFound' } as const;
    if (row.status !== 'active') return { ok: false, problem: 'archived' } as const;
    if (row.version !== input.expectedVersion) {
      const { title, startYear, endYear, vision, tasks } = row;
      return {
        ok: false,
        problem: 'conflict',
        stored: { title, startYear, endYear, vision, tasks },
        storedVersion: row.version,
      } as const;
    }
    await tx
      .update(strategies)
      .set({ ...input.fields, version: row.version + 1, updatedAt: new Date() })
      .where(eq(strategies.id, row.id));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'strategy.updated',
      details: { strategyId: row.id },
    });
    return { ok: true } as const;
  });
}

/**
 * Archives the active strategy and makes a copy of it (with its actions and their dependencies) the
 * new active version, so the archived one stays exactly as it was decided.
 */
export async function startNewVersion(
  db: Db,
  input: { organisationId: number; actorUserId: number },
): Promise<{ ok: true; strategyId: number } | { ok: false; problem: 'noActive' }> {
  return db.transaction(async (tx) => {
    const [active] = await activeStrategyRows(tx, [input.organisationId]);
    const row = active ? await lockStrategy(tx, active.id) : undefined;
    if (!row || row.status !== 'active') return { ok: false, problem: 'noActive' } as const;
    const [old] = await loadStrategies(tx, [row]);
    await tx
      .update(strategies)
      .set({ status: 'archived', archivedAt: new Date() })
      .where(eq(strategies.id, row.id));
    const [copy] = await tx
      .insert(strategies)
      .values({
        organisationId: row.organisationId,
        frameworkVersion: row.frameworkVersion,
        versionNumber: row.versionNumber + 1,
        title: row.title,
        startYear: row.startYear,
        endYear: row.endYear,
        vision: row.vision,
        tasks: row.tasks,
        createdByUserId: input.actorUserId,
      })
      .returning({ id: strategies.id });
    if (!copy || !old) throw new Error('strategy version not created');
    await copyActions(tx, old.actions, copy.id);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'strategy.versioned',
      details: { archivedStrategyId: row.id, strategyId: copy.id },
    });
    return { ok: true, strategyId: copy.id } as const;
  });
}
