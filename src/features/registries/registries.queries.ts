import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { looselyMatches } from '../../core/db/loose-match.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { strategies, strategyActions } from '../strategy/index.ts';
import {
  registryEntries,
  registryEntryActions,
  type EntryData,
  type RegistryKind,
} from './registries.tables.ts';

export interface EntryRow {
  id: number;
  organisationId: number;
  registry: RegistryKind;
  name: string;
  data: EntryData;
  version: number;
  updatedAt: Date;
}

const columns = {
  id: registryEntries.id,
  organisationId: registryEntries.organisationId,
  registry: registryEntries.registry,
  name: registryEntries.name,
  data: registryEntries.data,
  version: registryEntries.version,
  updatedAt: registryEntries.updatedAt,
};

export async function listEntries(
  db: Db,
  organisationId: number,
  registry: RegistryKind,
): Promise<EntryRow[]> {
  return db
    .select(columns)
    .from(registryEntries)
    .where(and(eq(registryEntries.organisationId, organisationId), eq(registryEntries.registry, registry)))
    .orderBy(asc(registryEntries.name));
}

export async function findEntry(
  db: Db,
  organisationId: number,
  registry: RegistryKind,
  id: number,
): Promise<EntryRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(registryEntries)
    .where(
      and(
        eq(registryEntries.id, id),
        eq(registryEntries.organisationId, organisationId),
        eq(registryEntries.registry, registry),
      ),
    );
  return row;
}

export async function countEntries(db: Db, organisationId: number): Promise<Record<RegistryKind, number>> {
  const rows = await db
    .select({ registry: registryEntries.registry })
    .from(registryEntries)
    .where(eq(registryEntries.organisationId, organisationId));
  const counts: Record<RegistryKind, number> = {
    'data-sources': 0,
    contracts: 0,
    assessments: 0,
    partnerships: 0,
    algorithms: 0,
  };
  for (const row of rows) counts[row.registry] += 1;
  return counts;
}

/** The names of one register's entries, which other registers' fields link to. */
export async function entryNames(db: Db, organisationId: number, registry: RegistryKind): Promise<string[]> {
  const rows = await db
    .select({ name: registryEntries.name })
    .from(registryEntries)
    .where(and(eq(registryEntries.organisationId, organisationId), eq(registryEntries.registry, registry)))
    .orderBy(asc(registryEntries.name));
  return rows.map((r) => r.name);
}

export const contractNames = (db: Db, organisationId: number) => entryNames(db, organisationId, 'contracts');

export interface OrganisationContract extends EntryRow {
  code: string;
  displayName: string;
}

export async function contractsOf(db: Db, organisationIds: number[]): Promise<OrganisationContract[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({ ...columns, code: organisations.code, displayName: organisations.displayName })
    .from(registryEntries)
    .innerJoin(organisations, eq(organisations.id, registryEntries.organisationId))
    .where(
      and(
        inArray(registryEntries.organisationId, organisationIds),
        eq(registryEntries.registry, 'contracts'),
      ),
    );
}

export async function linkedActionIds(db: Db, entryId: number): Promise<number[]> {
  const rows = await db
    .select({ actionId: registryEntryActions.actionId })
    .from(registryEntryActions)
    .where(eq(registryEntryActions.entryId, entryId));
  return rows.map((r) => r.actionId);
}

export async function organisationByCode(db: Db, code: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      displayName: organisations.displayName,
      name: organisations.name,
    })
    .from(organisations)
    .where(eq(organisations.code, code.toUpperCase()));
  return row;
}

/**
 * A page of a register in id order for the API: entries after `afterId`, `limit` at most, whose name
 * contains `nameContains` (any case) when given.
 */
export async function entriesAfter(
  db: Db,
  scope: { organisationId: number; registry: RegistryKind },
  afterId: number,
  limit: number,
  nameContains?: string,
): Promise<EntryRow[]> {
  return db
    .select(columns)
    .from(registryEntries)
    .where(
      and(
        eq(registryEntries.organisationId, scope.organisationId),
        eq(registryEntries.registry, scope.registry),
        gt(registryEntries.id, afterId),
        nameContains ? looselyMatches([sql`${registryEntries.name}`], nameContains) : undefined,
      ),
    )
    .orderBy(asc(registryEntries.id))
    .limit(limit);
}

/** Contracts whose end date (yyyy-mm-dd) falls from `from` up to `until`, soonest first: one statement. */
export async function contractsEndingBetween(
  db: Db,
  organisationId: number,
  from: string,
  until: string,
): Promise<{ id: number; name: string; endDate: string }[]> {
  const endDate = sql<string>`${registryEntries.data}->>'end_date'`;
  return db
    .select({ id: registryEntries.id, name: registryEntries.name, endDate })
    .from(registryEntries)
    .where(
      and(
        eq(registryEntries.organisationId, organisationId),
        eq(registryEntries.registry, 'contracts'),
        sql`${endDate} between ${from} and ${until}`,
      ),
    )
    .orderBy(endDate, asc(registryEntries.name));
}

/** Organisations that publish at least one open data source (the ones with a DCAT catalogue worth linking). */
export async function organisationsWithOpenData(
  db: Db,
): Promise<{ code: string; name: string; sources: number }[]> {
  return db
    .select({
      code: organisations.code,
      name: organisations.displayName,
      sources: sql<number>`count(*)::int`,
    })
    .from(registryEntries)
    .innerJoin(organisations, eq(organisations.id, registryEntries.organisationId))
    .where(
      and(
        eq(registryEntries.registry, 'data-sources'),
        sql`${registryEntries.data}->>'openness' = 'open'`,
        sql`coalesce(${registryEntries.data}->>'status', '') <> 'retired'`,
      ),
    )
    .groupBy(organisations.code, organisations.displayName)
    .orderBy(organisations.displayName);
}

/** The strategy actions an entry relies on that still exist, with their strategy, in id order. */
export async function linkedActions(db: Db, organisationId: number, entryId: number) {
  return db
    .select({ id: strategyActions.id, strategyId: strategyActions.strategyId, title: strategyActions.title })
    .from(registryEntryActions)
    .innerJoin(strategyActions, eq(strategyActions.id, registryEntryActions.actionId))
    .innerJoin(strategies, eq(strategies.id, strategyActions.strategyId))
    .where(and(eq(registryEntryActions.entryId, entryId), eq(strategies.organisationId, organisationId)))
    .orderBy(asc(strategyActions.id));
}

/** The register entries of the organisation that an action relies on, by register and name. */
export async function entriesLinkedTo(db: Db, organisationId: number, actionId: number) {
  return db
    .select({ id: registryEntries.id, registry: registryEntries.registry, name: registryEntries.name })
    .from(registryEntryActions)
    .innerJoin(registryEntries, eq(registryEntries.id, registryEntryActions.entryId))
    .where(
      and(eq(registryEntryActions.actionId, actionId), eq(registryEntries.organisationId, organisationId)),
    )
    .orderBy(asc(registryEntries.registry), asc(registryEntries.name));
}
