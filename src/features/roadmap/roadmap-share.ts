import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { roadmapShareLinks } from './roadmap.tables.ts';

/** 32 random bytes, base64url: 43 characters that nobody guesses. */
export const newShareToken = (): string => randomBytes(32).toString('base64url');
export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface ShareLink {
  id: number;
  token: string;
  label: string;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
}

export async function listShareLinks(db: Db, organisationId: number): Promise<ShareLink[]> {
  return db
    .select({
      id: roadmapShareLinks.id,
      token: roadmapShareLinks.token,
      label: roadmapShareLinks.label,
      createdAt: roadmapShareLinks.createdAt,
      createdBy: users.name,
      revokedAt: roadmapShareLinks.revokedAt,
    })
    .from(roadmapShareLinks)
    .leftJoin(users, eq(users.id, roadmapShareLinks.createdByUserId))
    .where(eq(roadmapShareLinks.organisationId, organisationId))
    .orderBy(asc(roadmapShareLinks.createdAt), asc(roadmapShareLinks.id));
}

export async function createShareLink(
  db: Db,
  o: { organisationId: number; actorUserId: number | null; label: string; token?: string },
): Promise<{ id: number; token: string }> {
  const token = o.token ?? newShareToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmapShareLinks)
      .values({ organisationId: o.organisationId, token, label: o.label, createdByUserId: o.actorUserId })
      .returning({ id: roadmapShareLinks.id });
    if (!row) throw new Error('share link not stored');
    await recordAudit(tx, {
      actorUserId: o.actorUserId,
      organisationId: o.organisationId,
      action: 'roadmap.link.created',
      details: { linkId: row.id, label: o.label },
    });
    return { id: row.id, token };
  });
}

/** Revokes a link of this organisation; a link of another organisation is "not found". Idempotent. */
export async function revokeShareLink(
  db: Db,
  o: { organisationId: number; linkId: number; actorUserId: number | null },
): Promise<'revoked' | 'notFound'> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(roadmapShareLinks)
      .where(and(eq(roadmapShareLinks.id, o.linkId), eq(roadmapShareLinks.organisationId, o.organisationId)));
    if (!link) return 'notFound';
    if (link.revokedAt) return 'revoked';
    await tx
      .update(roadmapShareLinks)
      .set({ revokedAt: new Date(), revokedByUserId: o.actorUserId })
      .where(eq(roadmapShareLinks.id, link.id));
    await recordAudit(tx, {
      actorUserId: o.actorUserId,
      organisationId: o.organisationId,
      action: 'roadmap.link.revoked',
      details: { linkId: link.id, label: link.label },
    });
    return 'revoked';
  });
}

export async function findShareLink(db: Db, organisationId: number, linkId: number) {
  const [link] = await db
    .select()
    .from(roadmapShareLinks)
    .where(and(eq(roadmapShareLinks.id, linkId), eq(roadmapShareLinks.organisationId, organisationId)));
  return link ?? null;
}

/** The organisation behind an active (not revoked) token; null for an unknown or revoked one. */
export async function organisationOfToken(db: Db, token: string) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.displayName })
    .from(roadmapShareLinks)
    .innerJoin(organisations, eq(organisations.id, roadmapShareLinks.organisationId))
    .where(and(eq(roadmapShareLinks.token, token), isNull(roadmapShareLinks.revokedAt)));
  return row ?? null;
}
