import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import {
  registerEntries,
  registerEntryActions,
  type EntryData,
  type RegisterKind,
} from './registers.tables.ts';

export interface EntryRow {
  id: number;
  organisationId: number;
  register: RegisterKind;
  name: string;
  data: EntryData;
  version: number;
  updatedAt: Date;
}

const columns = {
  id: registerEntries.id,
  organisationId: registerEntries.organisationId,
  register: registerEntries.register,
  name: registerEntries.name,
  data: registerEntries.data,
  version: registerEntries.version,
  updatedAt: registerEntries.updatedAt,
};

export async function listEntries(
  db: Db,
  organisationId: number,
  register: RegisterKind,
): Promise<EntryRow[]> {
  return db
    .select(columns)
    .from(registerEntries)
    .where(and(eq(registerEntries.organisationId, organisationId), eq(registerEntries.register, register)))
    .orderBy(asc(registerEntries.name));
}

export async function findEntry(
  db: Db,
  organisationId: number,
  register: RegisterKind,
  id: number,
): Promise<EntryRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(registerEntries)
    .where(
      and(
        eq(registerEntries.id, id),
        eq(registerEntries.organisationId, organisationId),
        eq(registerEntries.register, register),
      ),
    );
  return row;
}

export async function countEntries(db: Db, organisationId: number): Promise<Record<RegisterKind, number>> {
  const rows = await db
    .select({ register: registerEntries.register })
    .from(registerEntries)
    .where(eq(registerEntries.organisationId, organisationId));
  const counts: Record<RegisterKind, number> = {
    'data-sources': 0,
    contracts: 0,
    assessments: 0,
    partnerships: 0,
  };
  for (const row of rows) counts[row.register] += 1;
  return counts;
}

export async function contractNames(db: Db, organisationId: number): Promise<string[]> {
  const rows = await db
    .select({ name: registerEntries.name })
    .from(registerEntries)
    .where(and(eq(registerEntries.organisationId, organisationId), eq(registerEntries.register, 'contracts')))
    .orderBy(asc(registerEntries.name));
  return rows.map((r) => r.name);
}

export interface OrganisationContract extends EntryRow {
  code: string;
  displayName: string;
}

export async function contractsOf(db: Db, organisationIds: number[]): Promise<OrganisationContract[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({ ...columns, code: organisations.code, displayName: organisations.displayName })
    .from(registerEntries)
    .innerJoin(organisations, eq(organisations.id, registerEntries.organisationId))
    .where(
      and(
        inArray(registerEntries.organisationId, organisationIds),
        eq(registerEntries.register, 'contracts'),
      ),
    );
}

export async function linkedActionIds(db: Db, entryId: number): Promise<number[]> {
  const rows = await db
    .select({ actionId: registerEntryActions.actionId })
    .from(registerEntryActions)
    .where(eq(registerEntryActions.entryId, entryId));
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
