import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, sql } from 'drizzle-orm';
import { openTestDatabase } from '../../testing/test-database.ts';
import { organisations } from './core.tables.ts';
import type { Database } from './database.ts';
import { looselyMatches } from './loose-match.ts';

/** What users type into the searches over names, and a municipality each must find or not. */
const queries: { q: string; finds: string; found: boolean; why: string }[] = [
  { q: 'Rotterdam', finds: 'GM0599', found: true, why: 'the name as written' },
  { q: 'rotterdam', finds: 'GM0599', found: true, why: 'in lower case' },
  { q: 'Rotterdm', finds: 'GM0599', found: true, why: 'one letter left out' },
  { q: 'Roterdam', finds: 'GM0599', found: true, why: 'one letter left out, elsewhere' },
  { q: 'rotterdam gm0599', finds: 'GM0599', found: true, why: 'each word in some column' },
  { q: 'rotterdam GM0518', finds: 'GM0599', found: false, why: 'every word must match' },
  { q: 'GM0599', finds: 'GM0599', found: true, why: 'the code' },
  { q: 'terdam', finds: 'GM0599', found: true, why: 'part of a word' },
  { q: 'Rodderdan', finds: 'GM0599', found: false, why: 'too far off' },
  { q: 'Hertogenbosch', finds: 'GM0796', found: true, why: "a name with 's- before it" },
];

describe('searches over names forgive plurals and one typo (pg_trgm)', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  for (const { q, finds, found, why } of queries)
    it(`"${q}" ${found ? 'finds' : 'does not find'} ${finds}: ${why}`, async () => {
      const rows = await database.db
        .select({ code: organisations.code })
        .from(organisations)
        .where(
          looselyMatches(
            [organisations.displayName, organisations.name, organisations.code].map((c) => sql`${c}`),
            q,
          ),
        )
        .orderBy(asc(organisations.code));
      assert.equal(
        rows.some((r) => r.code === finds),
        found,
        rows.map((r) => r.code).join(', '),
      );
    });
});
