import { Type, type Static } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import type { Db } from '../../core/db/database.ts';
import { networks } from '../../core/db/core.tables.ts';
import { amsterdamInputs, amsterdamToUtc } from './sessions-time.ts';
import { knowledgeSessions, sessionRegistrations, type RegistrationStatus } from './sessions.tables.ts';

const time = Type.String({ pattern: '^\\d{2}:\\d{2}$' });

const DemoSession = Type.Object(
  {
    network: oneOf(['zuid-holland', 'mrdh']),
    title: Type.String({ minLength: 1 }),
    description: Type.String(),
    /** Days from the day the demo is seeded; negative is past. */
    inDays: Type.Integer(),
    start: time,
    end: time,
    location: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    onlineUrl: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    capacity: Type.Integer({ minimum: 1 }),
    themes: Type.Array(Type.String()),
    /** Demo people by e-mail, in the order they registered. */
    people: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
type DemoSession = Static<typeof DemoSession>;

const DemoSessions = Type.Object({ sessions: Type.Array(DemoSession) }, { additionalProperties: false });

function dayFromNow(days: number): string {
  return amsterdamInputs(new Date(Date.now() + days * 24 * 3600_000)).date;
}

async function registerDemoPeople(db: Db, sessionId: number, session: DemoSession) {
  if (session.people.length === 0) return;
  const people = await db
    .select({ id: users.id, email: users.email, organisationId: memberships.organisationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(inArray(users.email, session.people));
  let place = 0;
  for (const email of session.people) {
    const person = people.find((p) => p.email === email);
    if (!person) continue;
    const status: RegistrationStatus = place < session.capacity ? 'confirmed' : 'waiting';
    place += 1;
    await db
      .insert(sessionRegistrations)
      .values({
        sessionId,
        userId: person.id,
        organisationId: person.organisationId,
        status,
        queuedAt: new Date(Date.now() - (100 - place) * 60_000),
      })
      .onConflictDoNothing();
  }
}

/** Sessions in every state: past with participants, upcoming with places, full with a waiting list, online. Idempotent by title. */
export async function seedDemoSessions(db: Db): Promise<{ created: number }> {
  let created = 0;
  for (const session of loadDemoContent('sessions', DemoSessions).sessions) {
    const [network] = await db.select().from(networks).where(eq(networks.code, session.network));
    if (!network) throw new Error(`Demo data: no network ${session.network}`);
    const [existing] = await db
      .select({ id: knowledgeSessions.id })
      .from(knowledgeSessions)
      .where(and(eq(knowledgeSessions.networkId, network.id), eq(knowledgeSessions.title, session.title)));
    if (existing) continue;
    const date = dayFromNow(session.inDays);
    const startsAt = amsterdamToUtc(date, session.start);
    const endsAt = amsterdamToUtc(date, session.end);
    if (!startsAt || !endsAt) throw new Error(`Demo data: bad time for ${session.title}`);
    const [row] = await db
      .insert(knowledgeSessions)
      .values({
        networkId: network.id,
        title: session.title,
        description: session.description,
        startsAt,
        endsAt,
        location: session.location,
        onlineUrl: session.onlineUrl,
        capacity: session.capacity,
        themes: session.themes,
      })
      .returning({ id: knowledgeSessions.id });
    if (!row) continue;
    await registerDemoPeople(db, row.id, session);
    created += 1;
  }
  return { created };
}
