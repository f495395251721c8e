import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import {
  oidcAccountRequests,
  oidcConnections,
  oidcMailDomains,
  oidcSignInRequests,
} from './sign-on.tables.ts';

export async function findConnection(db: Db, organisationId: number) {
  const [row] = await db
    .select()
    .from(oidcConnections)
    .where(eq(oidcConnections.organisationId, organisationId));
  return row;
}

export async function listMailDomains(db: Db, organisationId: number): Promise<string[]> {
  const rows = await db
    .select({ domain: oidcMailDomains.domain })
    .from(oidcMailDomains)
    .where(eq(oidcMailDomains.organisationId, organisationId))
    .orderBy(asc(oidcMailDomains.domain));
  return rows.map((r) => r.domain);
}

/** The organisation whose provider vouches for this address's domain, when it has one configured. */
export async function findConnectionForEmail(db: Db, email: string) {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  const [row] = await db
    .select({ organisationId: oidcConnections.organisationId, code: organisations.code })
    .from(oidcMailDomains)
    .innerJoin(oidcConnections, eq(oidcConnections.organisationId, oidcMailDomains.organisationId))
    .innerJoin(organisations, eq(organisations.id, oidcMailDomains.organisationId))
    .where(eq(oidcMailDomains.domain, domain));
  return row;
}

/** Marks a started sign-in used and returns it; undefined when unknown, expired or used before. */
export async function consumeSignInRequest(db: Db, stateHash: string) {
  const [row] = await db
    .update(oidcSignInRequests)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oidcSignInRequests.stateHash, stateHash),
        isNull(oidcSignInRequests.usedAt),
        gt(oidcSignInRequests.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row;
}

export async function listAccountRequests(db: Db, organisationId: number) {
  return db
    .select()
    .from(oidcAccountRequests)
    .where(eq(oidcAccountRequests.organisationId, organisationId))
    .orderBy(asc(oidcAccountRequests.createdAt));
}

/** The public key an organisation's provider checks the platform's client assertions with. */
export async function findPublicKey(db: Db, organisationCode: string): Promise<string | undefined> {
  const [row] = await db
    .select({ jwk: oidcConnections.publicKeyJwk })
    .from(oidcConnections)
    .innerJoin(organisations, eq(organisations.id, oidcConnections.organisationId))
    .where(and(eq(organisations.code, organisationCode), eq(oidcConnections.authMethod, 'private_key_jwt')));
  return row?.jwk ?? undefined;
}
