import { randomBytes } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Role } from '../../core/auth/auth.tables.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { sealSecret } from '../../core/db/secrets.ts';
import { findConnection } from './sign-on.queries.ts';
import { createColleague } from './sign-on.service.ts';
import {
  oidcAccountRequests,
  oidcConnections,
  oidcMailDomains,
  type AssuranceLevel,
  type ClientAuthMethod,
  type NewColleagueMode,
} from './sign-on.tables.ts';

export interface ConnectionInput {
  issuer: string;
  clientId: string;
  authMethod: ClientAuthMethod;
  /** Empty keeps the stored secret. */
  clientSecret: string;
  domains: string[];
  newColleagues: NewColleagueMode;
  defaultRole: Role;
  /** The level of assurance the provider must reach; null: none required. */
  requiredAcr: AssuranceLevel | null;
}

/** A new ES256 key pair for private_key_jwt: the private half sealed, the public half to publish. */
async function newKeyPair() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await crypto.subtle.exportKey('jwk', pair.privateKey)), kid };
  const publicJwk = {
    ...(await crypto.subtle.exportKey('jwk', pair.publicKey)),
    kid,
    use: 'sig',
    alg: 'ES256',
  };
  return { privateJwk, publicJwk };
}

export type SaveResult =
  | { ok: true }
  | { ok: false; problem: 'domainTaken'; domain: string }
  | { ok: false; problem: 'secretRequired' };

export async function saveConnection(
  db: Db,
  organisationId: number,
  input: ConnectionInput,
  actorUserId: number,
): Promise<SaveResult> {
  const existing = await findConnection(db, organisationId);
  if (input.authMethod === 'client_secret_basic' && !input.clientSecret && !existing?.clientSecretSealed)
    return { ok: false, problem: 'secretRequired' };
  const clientSecretSealed =
    input.authMethod !== 'client_secret_basic'
      ? null
      : input.clientSecret
        ? await sealSecret(db, input.clientSecret)
        : (existing?.clientSecretSealed ?? null);
  let keys = {
    privateKeySealed: existing?.privateKeySealed ?? null,
    publicKeyJwk: existing?.publicKeyJwk ?? null,
  };
  if (input.authMethod === 'private_key_jwt' && !keys.privateKeySealed) {
    const pair = await newKeyPair();
    keys = {
      privateKeySealed: await sealSecret(db, JSON.stringify(pair.privateJwk)),
      publicKeyJwk: JSON.stringify(pair.publicJwk),
    };
  }
  return db.transaction(async (tx): Promise<SaveResult> => {
    if (input.domains.length > 0) {
      const [taken] = await tx
        .select({ domain: oidcMailDomains.domain })
        .from(oidcMailDomains)
        .where(
          and(
            inArray(oidcMailDomains.domain, input.domains),
            ne(oidcMailDomains.organisationId, organisationId),
          ),
        );
      if (taken) return { ok: false, problem: 'domainTaken', domain: taken.domain };
    }
    const values = {
      issuer: input.issuer,
      clientId: input.clientId,
      authMethod: input.authMethod,
      clientSecretSealed,
      ...keys,
      newColleagues: input.newColleagues,
      defaultRole: input.defaultRole,
      requiredAcr: input.requiredAcr,
    };
    await tx
      .insert(oidcConnections)
      .values({ organisationId, ...values })
      .onConflictDoUpdate({
        target: oidcConnections.organisationId,
        set: { ...values, updatedAt: sql`now()` },
      });
    await tx.delete(oidcMailDomains).where(eq(oidcMailDomains.organisationId, organisationId));
    if (input.domains.length > 0)
      await tx.insert(oidcMailDomains).values(input.domains.map((domain) => ({ domain, organisationId })));
    await recordAudit(tx, {
      actorUserId,
      organisationId,
      action: 'organisation.sign-on-configured',
      details: {
        issuer: input.issuer,
        clientId: input.clientId,
        authMethod: input.authMethod,
        domains: input.domains,
        requiredAcr: input.requiredAcr,
      },
    });
    return { ok: true };
  });
}

export async function removeConnection(db: Db, organisationId: number, actorUserId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(oidcMailDomains).where(eq(oidcMailDomains.organisationId, organisationId));
    await tx.delete(oidcConnections).where(eq(oidcConnections.organisationId, organisationId));
    await recordAudit(tx, { actorUserId, organisationId, action: 'organisation.sign-on-removed' });
  });
}

/** An administrator's answer to a new colleague who signed in through the provider. */
export async function decideAccountRequest(
  db: Db,
  input: { organisationId: number; requestId: number; approve: boolean; actorUserId: number },
): Promise<{ ok: true; name: string } | { ok: false; problem: 'gone' | 'emailTaken' }> {
  const connection = await findConnection(db, input.organisationId);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .delete(oidcAccountRequests)
      .where(
        and(
          eq(oidcAccountRequests.id, input.requestId),
          eq(oidcAccountRequests.organisationId, input.organisationId),
        ),
      )
      .returning();
    if (!request || !connection) return { ok: false, problem: 'gone' };
    if (!input.approve) {
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        organisationId: input.organisationId,
        action: 'user.provider-request-refused',
        details: { email: request.email },
      });
      return { ok: true, name: request.name };
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, request.email));
    if (taken) return { ok: false, problem: 'emailTaken' };
    await createColleague(tx, { ...request, role: connection.defaultRole, actorUserId: input.actorUserId });
    return { ok: true, name: request.name };
  });
}
