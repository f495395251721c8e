import { and, asc, count, countDistinct, desc, eq } from 'drizzle-orm';
import { memberships, networkCoordinators, users } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';

export async function platformStatistics(db: Db) {
  const [userCount] = await db.select({ n: count() }).from(users);
  const [orgCount] = await db.select({ n: countDistinct(memberships.organisationId) }).from(memberships);
  const mail = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const byStatus = new Map(mail.map((m) => [m.status, m.n]));
  return {
    users: userCount?.n ?? 0,
    organisations: orgCount?.n ?? 0,
    pendingMail: byStatus.get('pending') ?? 0,
    failedMail: byStatus.get('failed') ?? 0,
  };
}

export async function latestMail(db: Db) {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(100);
}

export async function findMail(db: Db, id: number) {
  const [mail] = await db.select().from(outbox).where(eq(outbox.id, id));
  return mail;
}

export async function listNetworks(db: Db) {
  const rows = await db
    .select({
      id: networks.id,
      code: networks.code,
      name: networks.name,
      coordinator: organisations.displayName,
    })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.coordinatorOrganisationId))
    .orderBy(asc(networks.name));
  const sizes = await db
    .select({ networkId: networkMembers.networkId, n: count() })
    .from(networkMembers)
    .groupBy(networkMembers.networkId);
  const people = await db
    .select({
      networkId: networkCoordinators.networkId,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(networkCoordinators)
    .innerJoin(users, eq(users.id, networkCoordinators.userId))
    .orderBy(asc(users.name));
  return rows.map((n) => ({
    ...n,
    memberCount: sizes.find((s) => s.networkId === n.id)?.n ?? 0,
    coordinators: people.filter((p) => p.networkId === n.id),
  }));
}

export async function addCoordinator(db: Db, networkCode: string, email: string, actorUserId: number) {
  return db.transaction(async (tx) => {
    const [network] = await tx.select().from(networks).where(eq(networks.code, networkCode));
    const [user] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
    if (!network) return { ok: false as const, problem: 'unknownNetwork' as const };
    if (!user) return { ok: false as const, problem: 'unknownUser' as const };
    await tx
      .insert(networkCoordinators)
      .values({ networkId: network.id, userId: user.id })
      .onConflictDoNothing();
    await recordAudit(tx, {
      actorUserId,
      action: 'network.coordinator-added',
      details: { network: networkCode, userId: user.id },
    });
    return { ok: true as const };
  });
}

export async function removeCoordinator(db: Db, networkCode: string, userId: number, actorUserId: number) {
  await db.transaction(async (tx) => {
    const [network] = await tx.select().from(networks).where(eq(networks.code, networkCode));
    if (!network) return;
    await tx
      .delete(networkCoordinators)
      .where(and(eq(networkCoordinators.networkId, network.id), eq(networkCoordinators.userId, userId)));
    await recordAudit(tx, {
      actorUserId,
      action: 'network.coordinator-removed',
      details: { network: networkCode, userId },
    });
  });
}
