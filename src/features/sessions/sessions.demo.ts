import { and, eq, inArray } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { networks } from '../../core/db/core.tables.ts';
import { amsterdamInputs, amsterdamToUtc } from './sessions-time.ts';
import { knowledgeSessions, sessionRegistrations, type RegistrationStatus } from './sessions.tables.ts';

interface DemoSession {
  network: 'zuid-holland' | 'mrdh';
  title: string;
  description: string;
  /** Days from the day the demo is seeded; negative is past. */
  inDays: number;
  start: string;
  end: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number;
  themes: string[];
  /** Demo people by e-mail, in the order they registered. */
  people: string[];
}

const demoSessions: DemoSession[] = [
  {
    network: 'zuid-holland',
    title: 'Datagedreven werken in het sociaal domein',
    description:
      'Rotterdam en Delft vertellen hoe zij data inzetten voor **armoedebestrijding** en wat zij leerden over een DPIA vooraf.',
    inDays: -21,
    start: '14:00',
    end: '16:30',
    location: 'Provinciehuis Zuid-Holland, Zuid-Hollandplein 1, Den Haag',
    onlineUrl: null,
    capacity: 40,
    themes: ['ethics', 'data-ownership'],
    people: ['noor.bakker@rotterdam.example', 'lotte.visser@delft.example', 'eva.jansen@denhaag.example'],
  },
  {
    network: 'zuid-holland',
    title: 'Samen aanbesteden: sensoren en IoT',
    description:
      'Hoe gemeenten in de regio hun contracten voor sensoren op elkaar afstemmen. Met een jurist van de provincie.',
    inDays: 14,
    start: '10:00',
    end: '12:00',
    location: 'Provinciehuis Zuid-Holland, Den Haag',
    onlineUrl: 'https://meet.example/pzh-iot',
    capacity: 25,
    themes: ['procurement', 'infrastructure-and-sensors'],
    people: ['sander.devries@rotterdam.example', 'bram.smit@delft.example'],
  },
  {
    network: 'mrdh',
    title: 'Open data in de metropoolregio',
    description: 'Een werksessie over de eerste tien datasets die iedere gemeente kan publiceren.',
    inDays: 28,
    start: '13:30',
    end: '15:30',
    location: 'MRDH, Westersingel 12, Rotterdam',
    onlineUrl: null,
    capacity: 3,
    themes: ['open-data'],
    people: [
      'fatima.elamrani@rotterdam.example',
      'mehmet.yilmaz@denhaag.example',
      'lotte.visser@delft.example',
      'ruben.dekker@westland.example',
      'joost.vanleeuwen@rotterdam.example',
    ],
  },
  {
    network: 'zuid-holland',
    title: 'Digitale inclusie: wat werkt in de bibliotheek?',
    description: 'Online sessie met voorbeelden uit Gouda en Leiden.',
    inDays: 45,
    start: '15:00',
    end: '16:00',
    location: null,
    onlineUrl: 'https://meet.example/pzh-inclusie',
    capacity: 100,
    themes: ['services-and-innovation'],
    people: [],
  },
];

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
  for (const session of demoSessions) {
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
