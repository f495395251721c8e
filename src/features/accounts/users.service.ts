import { eq } from 'drizzle-orm';
import { checkPasswordStrength, hashPassword, type PasswordProblem } from '../../core/auth/passwords.ts';
import type { Role } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { isEmail } from '../../core/http/forms.ts';
import { findUserByEmail, insertUser, upsertMembership } from './accounts.queries.ts';

export type CreateUserProblem =
  'invalidEmail' | 'emptyName' | 'unknownOrganisation' | 'duplicateEmail' | PasswordProblem;

/** Creates an account with a membership: used by the command line and the demo data. */
export async function createUserWithMembership(
  db: Db,
  input: {
    email: string;
    name: string;
    password: string;
    organisationCode: string;
    role: Role;
    isPlatformAdmin?: boolean;
  },
): Promise<{ ok: true; userId: number } | { ok: false; problem: CreateUserProblem }> {
  if (!isEmail(input.email)) return { ok: false, problem: 'invalidEmail' };
  if (input.name.trim() === '') return { ok: false, problem: 'emptyName' };
  const weak = checkPasswordStrength(input.password, [input.name, input.email]);
  if (weak) return { ok: false, problem: weak };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, input.organisationCode.toUpperCase()));
    if (!organisation) return { ok: false as const, problem: 'unknownOrganisation' as const };
    if (await findUserByEmail(tx, input.email))
      return { ok: false as const, problem: 'duplicateEmail' as const };
    const user = await insertUser(tx, {
      email: input.email,
      name: input.name.trim(),
      passwordHash,
      isPlatformAdmin: input.isPlatformAdmin ?? false,
    });
    await upsertMembership(tx, user.id, organisation.id, input.role);
    await recordAudit(tx, {
      actorUserId: null,
      organisationId: organisation.id,
      action: 'user.created',
      details: { userId: user.id, role: input.role, via: 'command line' },
    });
    return { ok: true as const, userId: user.id };
  });
}
