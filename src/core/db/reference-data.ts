import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { appSettings, networkMembers, networks, organisations } from './core.tables.ts';

const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data');
const files = ['gemeenten-2026.csv', 'provincies.csv', 'mrdh.csv', 'display-names.csv'] as const;
const hashKey = 'reference_data_sha256';

export const zuidHollandCode = 'PV28';
export const mrdhCode = 'MRDH';
export const networkCodes = { zuidHolland: 'zuid-holland', mrdh: 'mrdh' } as const;

type Row = Record<string, string>;

function readCsv(name: string): Row[] {
  return parse(fs.readFileSync(path.join(referenceDir, name)), { columns: true, skip_empty_lines: true });
}

function field(row: Row, column: string): string {
  const value = row[column];
  if (value === undefined || value === '')
    throw new Error(`Reference data: missing ${column} in ${JSON.stringify(row)}`);
  return value;
}

function hashFiles(): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(path.join(referenceDir, file)));
  return hash.digest('hex');
}

/**
 * Loads municipalities, provinces, MRDH and the two networks. Idempotent: it upserts by code, and
 * skips all work when the files are unchanged since the last load (a fast restart).
 */
export async function loadReferenceData(db: Db): Promise<{ loaded: boolean }> {
  const digest = hashFiles();
  const [stored] = await db.select().from(appSettings).where(eq(appSettings.key, hashKey));
  if (stored?.value === digest) return { loaded: false };

  const displayNames = new Map(
    readCsv('display-names.csv').map((r) => [field(r, 'code'), field(r, 'display_name')]),
  );
  const provinces = readCsv('provincies.csv').map((r) => ({
    code: field(r, 'code'),
    kind: 'province' as const,
    name: field(r, 'name'),
    displayName: `Provincie ${field(r, 'name')}`,
    provinceCode: field(r, 'code'),
  }));
  const municipalities = readCsv('gemeenten-2026.csv').map((r) => ({
    code: field(r, 'code'),
    kind: 'municipality' as const,
    name: field(r, 'name'),
    displayName: displayNames.get(field(r, 'code')) ?? field(r, 'name'),
    provinceCode: field(r, 'province_code'),
  }));
  const region = {
    code: mrdhCode,
    kind: 'region' as const,
    name: 'Metropoolregio Rotterdam Den Haag',
    displayName: 'Metropoolregio Rotterdam Den Haag',
    provinceCode: zuidHollandCode,
  };
  const mrdhMembers = readCsv('mrdh.csv').map((r) => field(r, 'code'));

  await db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values([...provinces, ...municipalities, region])
      .onConflictDoUpdate({
        target: organisations.code,
        set: {
          name: sql`excluded.name`,
          displayName: sql`excluded.display_name`,
          provinceCode: sql`excluded.province_code`,
          kind: sql`excluded.kind`,
        },
      });
    const orgs = await tx.select({ id: organisations.id, code: organisations.code }).from(organisations);
    const idOf = new Map(orgs.map((o) => [o.code, o.id]));
    const zhMembers = municipalities.filter((m) => m.provinceCode === zuidHollandCode).map((m) => m.code);
    await upsertNetwork(
      tx,
      networkCodes.zuidHolland,
      'Zuid-Holland',
      idOf.get(zuidHollandCode),
      zhMembers,
      idOf,
    );
    await upsertNetwork(tx, networkCodes.mrdh, 'MRDH', idOf.get(mrdhCode), mrdhMembers, idOf);
    await tx
      .insert(appSettings)
      .values({ key: hashKey, value: digest })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: digest } });
  });
  return { loaded: true };
}

async function upsertNetwork(
  tx: Db,
  code: string,
  name: string,
  coordinatorId: number | undefined,
  memberCodes: string[],
  idOf: Map<string, number>,
): Promise<void> {
  if (coordinatorId === undefined) throw new Error(`Reference data: no coordinator organisation for ${code}`);
  const [network] = await tx
    .insert(networks)
    .values({ code, name, coordinatorOrganisationId: coordinatorId })
    .onConflictDoUpdate({ target: networks.code, set: { name, coordinatorOrganisationId: coordinatorId } })
    .returning({ id: networks.id });
  if (!network) throw new Error(`Reference data: could not store network ${code}`);
  const memberIds = memberCodes.map((c) => {
    const id = idOf.get(c);
    if (id === undefined) throw new Error(`Reference data: network ${code} names unknown organisation ${c}`);
    return id;
  });
  await tx.delete(networkMembers).where(eq(networkMembers.networkId, network.id));
  await tx
    .insert(networkMembers)
    .values(memberIds.map((organisationId) => ({ networkId: network.id, organisationId })));
}
