import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { inputOf, loadDemoPractices } from './practices-content.demo.ts';
import { createPractice, setContactConsent, setPracticeStatus } from './practices.service.ts';
import { practices } from './practices.tables.ts';

async function userIdsByEmail(db: Db, emails: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Twelve practices from Rotterdam, Den Haag, Delft, Leiden, Zoetermeer, Westland and the province, in
 * every state (draft, network, public, withdrawn). Idempotent: a title the organisation has is skipped.
 * Needs the demo people (seed-demo creates them first).
 */
export async function seedDemoPractices(db: Db): Promise<{ created: number }> {
  const demoPractices = loadDemoPractices();
  const people = await userIdsByEmail(db, [
    ...new Set(demoPractices.flatMap((p) => [p.authorEmail, p.contactEmail ?? p.authorEmail])),
  ]);
  let created = 0;
  for (const demo of demoPractices) {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, demo.organisation));
    const authorId = people.get(demo.authorEmail);
    if (!org || authorId === undefined)
      throw new Error(`Demo data: no ${demo.organisation} or ${demo.authorEmail}`);
    const [existing] = await db
      .select({ id: practices.id })
      .from(practices)
      .where(and(eq(practices.organisationId, org.id), eq(practices.title, demo.title)));
    if (existing) continue;
    const contactId = demo.contactEmail ? people.get(demo.contactEmail) : undefined;
    if (contactId !== undefined) await setContactConsent(db, contactId, true);
    const result = await createPractice(db, {
      organisationId: org.id,
      actorId: authorId,
      input: inputOf(demo, contactId ?? null),
      attachments: [],
    });
    if (!result.ok) throw new Error(`Demo data: practice "${demo.title}" not created: ${result.problem}`);
    const status = demo.status;
    if (status !== 'draft') {
      const publishAs = status === 'withdrawn' ? 'network' : status;
      await setPracticeStatus(db, {
        practiceId: result.practiceId,
        organisationId: org.id,
        actorId: authorId,
        status: publishAs,
      });
      if (status === 'withdrawn')
        await setPracticeStatus(db, {
          practiceId: result.practiceId,
          organisationId: org.id,
          actorId: authorId,
          status,
        });
    }
    created++;
  }
  return { created };
}
