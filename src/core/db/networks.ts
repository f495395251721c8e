import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { networkMembers, networks } from './core.tables.ts';

/** The codes of the networks an organisation is a member of ('mrdh', 'zuid-holland'), sorted. */
export async function networkCodesOf(db: Db, organisationId: number): Promise<string[]> {
  const rows = await db
    .select({ code: networks.code })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.organisationId, organisationId));
  return rows.map((r) => r.code).sort();
}
