import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { looselyMatches } from '../../core/db/loose-match.ts';
import { networkMembers, networks, organisations, type OrganisationKind } from '../../core/db/core.tables.ts';
import { benchmarkVersion } from '../benchmark/index.ts';

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

export async function searchOrganisations(db: Db, filter: OrganisationFilter) {
  const conditions: SQL[] = [];
  if (filter.q) {
    conditions.push(
      looselyMatches(
        [organisations.displayName, organisations.name, organisations.code].map((c) => sql`${c}`),
        filter.q,
      ),
    );
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

interface DirectoryEntry {
  id: number;
  code: string;
  kind: OrganisationKind;
  name: string;
  displayName: string;
  provinceCode: string | null;
}

/**
 * The organisations with their networks: reference data, written when a release loads new files
 * and by few other writes, all of which bump the benchmark data version (migration 0006). Each
 * process reads it once per version, as the benchmark page does, so the profile and dashboard ask
 * the database one small question instead of four.
 */
interface Directory {
  version: number;
  byCode: Map<string, DirectoryEntry>;
  provinces: { code: string; name: string }[];
  networksOf: Map<number, { memberOf: string[]; coordinates: string[] }>;
}
const directories = new WeakMap<Db, Promise<Directory>>();

async function readDirectory(db: Db, version: number): Promise<Directory> {
  const [rows, member, coordinated] = await Promise.all([
    db
      .select({ ...columns, id: organisations.id })
      .from(organisations)
      .orderBy(asc(organisations.name)),
    db
      .select({ organisationId: networkMembers.organisationId, name: networks.name })
      .from(networkMembers)
      .innerJoin(networks, eq(networks.id, networkMembers.networkId)),
    db.select({ organisationId: networks.coordinatorOrganisationId, name: networks.name }).from(networks),
  ]);
  const networksOf = new Map<number, { memberOf: string[]; coordinates: string[] }>();
  const entryOf = (id: number) => {
    let entry = networksOf.get(id);
    if (!entry) networksOf.set(id, (entry = { memberOf: [], coordinates: [] }));
    return entry;
  };
  for (const m of member) entryOf(m.organisationId).memberOf.push(m.name);
  for (const c of coordinated)
    if (c.organisationId !== null) entryOf(c.organisationId).coordinates.push(c.name);
  for (const entry of networksOf.values()) {
    entry.memberOf.sort();
    entry.coordinates.sort();
  }
  return {
    version,
    byCode: new Map(rows.map((r) => [r.code, r])),
    provinces: rows.filter((r) => r.kind === 'province').map((r) => ({ code: r.code, name: r.name })),
    networksOf,
  };
}

async function directory(db: Db): Promise<Directory> {
  const version = await benchmarkVersion(db);
  const kept = directories.get(db);
  if (kept && (await kept).version === version) return kept;
  const fresh = readDirectory(db, version);
  fresh.catch(() => directories.get(db) === fresh && directories.delete(db));
  directories.set(db, fresh);
  return fresh;
}

export async function findOrganisation(db: Db, code: string) {
  return (await directory(db)).byCode.get(code.toUpperCase());
}

export async function listProvinces(db: Db) {
  return (await directory(db)).provinces;
}

/** The organisation's profile: its entry, its province's name and its networks, from one read of the directory. */
export async function profileOf(db: Db, code: string) {
  const { byCode, provinces, networksOf } = await directory(db);
  const organisation = byCode.get(code.toUpperCase());
  if (!organisation) return undefined;
  return {
    organisation,
    provinceName: provinces.find((p) => p.code === organisation.provinceCode)?.name,
    networks: networksOf.get(organisation.id) ?? { memberOf: [], coordinates: [] },
  };
}
