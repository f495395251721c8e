import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { memberships, oneTimeTokens, users, type Role } from '../../core/auth/auth.tables.ts';
import { destroyUserSessions } from '../../core/auth/sessions.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { accountsMessage } from './accounts.messages.ts';
import { insertToken, normaliseEmail } from './accounts.queries.ts';

export async function listMembers(db: Db, organisationId: number) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function listPendingInvitations(db: Db, organisationId: number) {
  return db
    .select({
      id: oneTimeTokens.id,
      email: oneTimeTokens.email,
      role: oneTimeTokens.role,
      expiresAt: oneTimeTokens.expiresAt,
    })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.organisationId, organisationId),
        eq(oneTimeTokens.purpose, 'invitation'),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(oneTimeTokens.email));
}

export interface InviteInput {
  organisation: { id: number; displayName: string };
  email: string;
  role: Role;
  inviter: { id: number; name: string };
  locale: Locale;
  publicUrl: string;
}

export async function inviteMember(
  db: Db,
  input: InviteInput,
): Promise<{ ok: true } | { ok: false; problem: 'alreadyMember' }> {
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, input.organisation.id), eq(users.email, email)));
    if (member) return { ok: false, problem: 'alreadyMember' };
    const token = await insertToken(tx, {
      purpose: 'invitation',
      email,
      organisationId: input.organisation.id,
      role: input.role,
      createdByUserId: input.inviter.id,
      validHours: 7 * 24,
    });
    const params = {
      inviter: input.inviter.name,
      organisation: input.organisation.displayName,
      role: coreMessage(input.locale, `role.${input.role}`).toLowerCase(),
      link: `${input.publicUrl}/invitation/${token}`,
    };
    await enqueueMail(tx, {
      to: email,
      subject: accountsMessage(input.locale, 'invitation.mail.subject', params),
      text: accountsMessage(input.locale, 'invitation.mail.body', params),
    });
    await recordAudit(tx, {
      actorUserId: input.inviter.id,
      organisationId: input.organisation.id,
      action: 'membership.invited',
      details: { email, role: input.role },
    });
    return { ok: true };
  });
}

/** Revokes an open invitation of the organisation; false when there was none by that id (used or revoked). */
export async function revokeInvitation(
  db: Db,
  organisationId: number,
  tokenId: string,
  actorUserId: number,
): Promise<boolean> {
  if (tokenId === '') return false;
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(oneTimeTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(oneTimeTokens.id, tokenId),
          eq(oneTimeTokens.organisationId, organisationId),
          isNull(oneTimeTokens.usedAt),
        ),
      )
      .returning({ email: oneTimeTokens.email });
    if (revoked[0]) {
      await recordAudit(tx, {
        actorUserId,
        organisationId,
        action: 'membership.invitation-revoked',
        details: { email: revoked[0].email },
      });
    }
    return revoked.length > 0;
  });
}

export type ChangeResult =
  | { ok: true; name: string }
  | { ok: false; problem: 'notMember' | 'lastAdmin' }
  | { ok: false; problem: 'conflict'; name: string; current: Role };

async function lockMemberships(tx: Db, organisationId: number) {
  // Lock the organisation's memberships so that two admins cannot both demote each other.
  return tx
    .select({ userId: memberships.userId, role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .for('update', { of: memberships });
}

/**
 * Changes a role, unless someone changed it since the form was shown (expectedRole), or it would
 * leave the organisation without an administrator.
 */
export async function changeRole(
  db: Db,
  input: { organisationId: number; userId: number; role: Role; expectedRole: Role; actorUserId: number },
): Promise<ChangeResult> {
  return db.transaction(async (tx): Promise<ChangeResult> => {
    const rows = await lockMemberships(tx, input.organisationId);
    const member = rows.find((r) => r.userId === input.userId);
    if (!member) return { ok: false, problem: 'notMember' };
    if (member.role !== input.expectedRole)
      return { ok: false, problem: 'conflict', name: member.name, current: member.role };
    const admins = rows.filter((r) => r.role === 'admin').length;
    if (member.role === 'admin' && input.role !== 'admin' && admins <= 1)
      return { ok: false, problem: 'lastAdmin' };
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organisationId, input.organisationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'membership.role-changed',
      details: { userId: input.userId, from: member.role, to: input.role },
    });
    return { ok: true, name: member.name };
  });
}

export async function removeMember(
  db: Db,
  input: { organisationId: number; userId: number; actorUserId: number },
): Promise<{ ok: true; name: string } | { ok: false; problem: 'notMember' | 'lastAdmin' }> {
  return db.transaction(async (tx) => {
    const rows = await lockMemberships(tx, input.organisationId);
    const member = rows.find((r) => r.userId === input.userId);
    if (!member) return { ok: false, problem: 'notMember' };
    if (member.role === 'admin' && rows.filter((r) => r.role === 'admin').length <= 1) {
      return { ok: false, problem: 'lastAdmin' };
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, input.organisationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'membership.removed',
      details: { userId: input.userId, role: member.role },
    });
    return { ok: true, name: member.name };
  });
}

/** Signs a colleague out everywhere (a lost laptop, a departure); only a member of this organisation. */
export async function endMemberSessions(
  db: Db,
  input: { organisationId: number; userId: number; actorUserId: number },
): Promise<{ ok: true; ended: number } | { ok: false; problem: 'notMember' }> {
  return db.transaction(async (tx) => {
    const member = (await lockMemberships(tx, input.organisationId)).find((r) => r.userId === input.userId);
    if (!member) return { ok: false, problem: 'notMember' };
    const ended = await destroyUserSessions(tx, input.userId);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'session.ended-by-administrator',
      details: { userId: input.userId, sessions: ended },
    });
    return { ok: true, ended };
  });
}

export async function countMembers(db: Db, organisationId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId));
  return row?.n ?? 0;
}
