import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { networkCoordinators, users } from '../core/auth/auth.tables.ts';
import type { Db } from '../core/db/database.ts';
import { networks } from '../core/db/core.tables.ts';
import { createUserWithMembership } from '../features/accounts/index.ts';
import { seedDemoBenchmark } from '../features/benchmark/index.ts';
import { seedDemoScans } from '../features/scan/index.ts';
import { demoPeople } from './demo-people.ts';

export interface DemoResult {
  created: number;
  existing: number;
  password: string;
  /** Maturity scans added; a scan an organisation already has (by title) is left alone. */
  scans: number;
  /** The benchmark's 2025 baselines added, and sharing choices and populations set. */
  benchmark: { scans: number; settings: number };
}

/**
 * A realistic demo data set for exploring the product. Idempotent: people who exist are left alone.
 * Each capability adds its own demo data here, after the accounts.
 */
export async function seedDemo(
  db: Db,
  password = `Demo-${randomBytes(9).toString('base64url')}`,
): Promise<DemoResult> {
  let created = 0;
  let existing = 0;
  for (const person of demoPeople) {
    const result = await createUserWithMembership(db, {
      email: person.email,
      name: person.name,
      password,
      organisationCode: person.organisation,
      role: person.role,
    });
    if (result.ok) created++;
    else if (result.problem === 'duplicateEmail') existing++;
    else throw new Error(`Demo data: cannot create ${person.email}: ${result.problem}`);
    if (person.coordinates) await makeCoordinator(db, person.email, person.coordinates);
  }
  const scans = await seedDemoScans(db);
  const benchmark = await seedDemoBenchmark(db);
  return { created, existing, password, scans: scans.created, benchmark };
}

async function makeCoordinator(db: Db, email: string, networkCode: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const [network] = await db.select({ id: networks.id }).from(networks).where(eq(networks.code, networkCode));
  if (!user || !network) throw new Error(`Demo data: cannot make ${email} coordinator of ${networkCode}`);
  await db
    .insert(networkCoordinators)
    .values({ userId: user.id, networkId: network.id })
    .onConflictDoNothing();
}
