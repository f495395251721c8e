import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../core/auth/passwords.ts';
import { memberships, networkCoordinators, users, type Role } from '../core/auth/auth.tables.ts';
import type { Db } from '../core/db/database.ts';
import { networks, organisations } from '../core/db/core.tables.ts';
import { enrolTestSecondFactor } from './second-factor.ts';

export const testPassword = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

export async function organisationId(db: Db, code: string): Promise<number> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (!row) throw new Error(`no organisation ${code}`);
  return row.id;
}

export interface UserFactoryOptions {
  name?: string;
  email?: string;
  memberOf?: Record<string, Role>;
  isPlatformAdmin?: boolean;
  coordinates?: string[];
  /**
   * Link an authenticator app (TestClient.signIn then enters its codes). By default, as the
   * platform requires: for platform administrators and network coordinators.
   */
  secondFactor?: boolean;
}

/** A user with the shared test password, and memberships by organisation code. */
export async function createUser(db: Db, options: UserFactoryOptions = {}) {
  cachedHash ??= hashPassword(testPassword);
  const suffix = randomBytes(4).toString('hex');
  const [user] = await db
    .insert(users)
    .values({
      name: options.name ?? `Test User ${suffix}`,
      email: options.email ?? `user-${suffix}@gemeente.example`,
      passwordHash: await cachedHash,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
    })
    .returning();
  if (!user) throw new Error('user not created');
  for (const [code, role] of Object.entries(options.memberOf ?? {})) {
    await db
      .insert(memberships)
      .values({ userId: user.id, organisationId: await organisationId(db, code), role });
  }
  for (const code of options.coordinates ?? []) {
    const [network] = await db.select().from(networks).where(eq(networks.code, code));
    if (!network) throw new Error(`no network ${code}`);
    await db.insert(networkCoordinators).values({ userId: user.id, networkId: network.id });
  }
  const needsSecondFactor = user.isPlatformAdmin || (options.coordinates ?? []).length > 0;
  if (options.secondFactor ?? needsSecondFactor) await enrolTestSecondFactor(db, user.id);
  return user;
}
