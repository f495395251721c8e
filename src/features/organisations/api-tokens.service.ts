import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  apiTokens,
  apiResources,
  type ApiResource,
  type ApiTokenAccess,
} from '../../core/auth/auth.tables.ts';
import { createToken, hashToken } from '../../core/auth/tokens.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';

export async function listApiTokens(db: Db, organisationId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      access: apiTokens.access,
      resources: apiTokens.resources,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.id));
}

export interface ApiTokenGrant {
  access: ApiTokenAccess;
  /** The resources the token reaches. */
  resources: ApiResource[];
  expiresAt: Date;
}

/** A year of reading everything: what a test or a dashboard that only reads needs. */
export function readEverythingForAYear(): ApiTokenGrant {
  const expiresAt = new Date();
  expiresAt.setFullYear(expiresAt.getFullYear() + 1);
  return { access: 'read', resources: [...apiResources], expiresAt };
}

/** Makes a token and returns its only plain copy; `rk_` marks it as ours for secret scanners. */
export async function createApiToken(
  db: Db,
  organisationId: number,
  name: string,
  actorUserId: number,
  grant: ApiTokenGrant = readEverythingForAYear(),
): Promise<string> {
  const token = `rk_${createToken()}`;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organisationId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        createdByUserId: actorUserId,
        access: grant.access,
        resources: grant.resources,
        expiresAt: grant.expiresAt,
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      actorUserId,
      organisationId,
      action: 'api-token.created',
      details: {
        tokenId: row?.id,
        name,
        access: grant.access,
        resources: grant.resources,
        expiresAt: grant.expiresAt.toISOString(),
      },
    });
  });
  return token;
}

export async function revokeApiToken(
  db: Db,
  organisationId: number,
  tokenId: number,
  actorUserId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, tokenId),
          eq(apiTokens.organisationId, organisationId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (revoked.length > 0)
      await recordAudit(tx, {
        actorUserId,
        organisationId,
        action: 'api-token.revoked',
        details: { tokenId },
      });
  });
}
