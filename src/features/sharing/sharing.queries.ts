import { eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks } from '../../core/db/core.tables.ts';
import { sharingSettings, type SharingMode } from './sharing.tables.ts';

/** An organisation's sharing choice; without a row, the default (aggregated), never changed. */
export async function sharingModeOf(db: Db, organisationId: number) {
  const [row] = await db
    .select()
    .from(sharingSettings)
    .where(eq(sharingSettings.organisationId, organisationId));
  return row ?? { organisationId, mode: 'aggregated' as const, updatedByUserId: null, updatedAt: null };
}

/** The sharing choice of each organisation, in one query (no row: the default, aggregated). */
export async function sharingModesOf(db: Db, organisationIds: number[]): Promise<Map<number, SharingMode>> {
  const modes = new Map(organisationIds.map((id) => [id, 'aggregated' as SharingMode]));
  if (organisationIds.length === 0) return modes;
  const rows = await db
    .select({ organisationId: sharingSettings.organisationId, mode: sharingSettings.mode })
    .from(sharingSettings)
    .where(inArray(sharingSettings.organisationId, organisationIds));
  for (const row of rows) modes.set(row.organisationId, row.mode);
  return modes;
}

export async function setSharingMode(db: Db, organisationId: number, mode: SharingMode, actorUserId: number) {
  await db.transaction(async (tx) => {
    const values = { organisationId, mode, updatedByUserId: actorUserId, updatedAt: sql`now()` };
    await tx
      .insert(sharingSettings)
      .values(values)
      .onConflictDoUpdate({ target: sharingSettings.organisationId, set: values });
    await recordAudit(tx, { actorUserId, organisationId, action: 'sharing.changed', details: { mode } });
  });
}

/** The current sharing choice with the name of whoever made it. */
export async function sharingSettingOf(db: Db, organisationId: number) {
  const setting = await sharingModeOf(db, organisationId);
  const [user] =
    setting.updatedByUserId === null
      ? []
      : await db.select({ name: users.name }).from(users).where(eq(users.id, setting.updatedByUserId));
  return { mode: setting.mode, updatedBy: user?.name ?? null, updatedAt: setting.updatedAt };
}

/** The names of the networks an organisation belongs to: those "named" sharing reaches. */
export async function networkNamesOf(db: Db, organisationId: number): Promise<string[]> {
  const rows = await db
    .select({ name: networks.name })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.organisationId, organisationId))
    .orderBy(networks.name);
  return rows.map((r) => r.name);
}
