import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations, type OrganisationKind } from '../../core/db/core.tables.ts';

export interface OrganisationFilter {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  province?: string | undefined;
  page: number;
  pageSize: number;
}

const columns = {
  code: organisations.code,
  kind: organisations.kind,
  name: organisations.name,
  displayName: organisations.displayName,
  provinceCode: organisations.provinceCode,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchOrganisations(db: Db, filter: OrganisationFilter) {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    const match = or(
      ilike(organisations.displayName, pattern),
      ilike(organisations.name, pattern),
      ilike(organisations.code, pattern),
    );
    if (match) conditions.push(match);
  }
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.province) conditions.push(eq(organisations.provinceCode, filter.province));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  const items = await db
    .select(columns)
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.displayName), asc(organisations.code))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items, total: total?.n ?? 0 };
}

export async function findOrganisation(db: Db, code: string) {
  const [organisation] = await db
    .select({ ...columns, id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code.toUpperCase()));
  return organisation;
}

export async function listProvinces(db: Db) {
  return db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'province'))
    .orderBy(asc(organisations.name));
}

/** The networks an organisation belongs to or coordinates. */
export async function networksOf(db: Db, organisationId: number) {
  const member = await db
    .select({ code: networks.code, name: networks.name })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.organisationId, organisationId));
  const coordinated = await db
    .select({ code: networks.code, name: networks.name })
    .from(networks)
    .where(eq(networks.coordinatorOrganisationId, organisationId));
  return {
    memberOf: member.map((n) => n.name).sort(),
    coordinates: coordinated.map((n) => n.name).sort(),
  };
}
