import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { networkCoordinators, users } from '../core/auth/auth.tables.ts';
import type { Db } from '../core/db/database.ts';
import { networks } from '../core/db/core.tables.ts';
import { createUserWithMembership } from '../features/accounts/index.ts';
import { seedDemoBenchmark } from '../features/benchmark/benchmark.demo.ts';
import { seedDemoDocuments } from '../features/documents/documents.demo.ts';
import { seedDemoIntake } from '../features/intake/intake.demo.ts';
import { seedDemoPractices } from '../features/practices/practices.demo.ts';
import { seedDemoProjects } from '../features/projects/projects.demo.ts';
import { seedDemoSessions } from '../features/sessions/sessions.demo.ts';
import { seedDemoRegistries } from '../features/registries/registries.demo.ts';
import { seedDemoRoadmap } from '../features/roadmap/roadmap.demo.ts';
import { seedDemoScans } from '../features/scan/scan.demo.ts';
import { seedDemoStrategies } from '../features/strategy/strategy.demo.ts';
import { demoPeople } from './demo-people.ts';

export interface DemoResult {
  created: number;
  existing: number;
  password: string;
  /** Maturity scans added; a scan an organisation already has (by title) is left alone. */
  scans: number;
  /** The benchmark's 2024 pilot and 2025 baseline scans added, and sharing choices and populations set. */
  benchmark: { scans: number; settings: number };
  /** Brigade questions (every state) and handreiking requests added; the handreiking PDF once. */
  intake: { cases: number; requests: number };
  /** Strategies added (Rotterdam active and archived, Den Haag, Delft, the province). */
  strategies: number;
  /** Public roadmap links added for Rotterdam (one active, one revoked). */
  roadmap: { links: number };
  /** Register entries added (Rotterdam full, several others some, Zoetermeer empty). */
  registers: { created: number };
  /** Practices added (Rotterdam, Den Haag, Delft, Leiden, Zoetermeer, Westland, the province; every state). */
  practices: { created: number };
  /** Knowledge sessions (past, upcoming, full with a waiting list, online) and map projects added. */
  knowledge: { sessions: number; projects: number };
  /** Document versions made (Rotterdam's strategy twice and its scan results, Den Haag, the province). */
  documents: { created: number };
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
  const intake = await seedDemoIntake(db);
  const strategies = await seedDemoStrategies(db);
  // After the strategies: the links share Rotterdam's strategy roadmap.
  const roadmap = await seedDemoRoadmap(db);
  const registers = await seedDemoRegistries(db);
  const practices = await seedDemoPractices(db);
  // After the strategies and the sharing choices: projects are taken from Rotterdam's strategy.
  const knowledge = {
    sessions: (await seedDemoSessions(db)).created,
    projects: (await seedDemoProjects(db)).created,
  };
  // Last: the documents show the strategies, scans, sharing choices and registers seeded above.
  const documents = await seedDemoDocuments(db);
  return {
    created,
    existing,
    password,
    scans: scans.created,
    benchmark,
    intake,
    strategies: strategies.strategies,
    roadmap,
    registers,
    practices,
    knowledge,
    documents,
  };
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
