import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../core/db/database.ts';
import { createUser } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { storePractice } from './practices.fixtures.ts';
import { anonymousViewer } from './practices.queries.ts';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchPractices } from './search.queries.ts';

/** Four practices whose words the queries below aim at, or just miss. */
const corpus = {
  parking: {
    title: 'Vrije plekken in de binnenstad',
    summary: 'Sensoren in parkeergarages tonen hoeveel plekken er vrij zijn.',
  },
  housing: { title: 'Woonwijken op glasvezel', summary: 'Elke woonwijk krijgt een snelle verbinding.' },
  algorithms: {
    title: 'Een algoritmeregister',
    summary: 'Alle algoritmes van het gemeentebestuur openbaar.',
  },
  bicycles: { title: 'Fietsenstallingen tellen', summary: 'Tellers bij het station.' },
} as const;
type Name = keyof typeof corpus;

/** Dutch queries and the practices each must find: no more, no fewer. */
const queries: { q: string; finds: Name[]; why: string }[] = [
  { q: 'parkeergarages', finds: ['parking'], why: 'the word as written' },
  { q: 'parkeergarage', finds: ['parking'], why: 'singular finds the plural' },
  { q: 'Parkeergarage', finds: ['parking'], why: 'capitals do not matter' },
  { q: 'parkeer', finds: ['parking'], why: 'a compound part as prefix' },
  { q: 'parkeren', finds: ['parking'], why: 'the verb finds the compound its stem begins' },
  { q: 'parkeergarge', finds: ['parking'], why: 'one letter left out' },
  { q: 'parkeergarafes', finds: ['parking'], why: 'one letter wrong' },
  { q: 'prakeergarages', finds: ['parking'], why: 'two neighbours swapped' },
  { q: 'prakeergarge', finds: [], why: 'two typos are too many' },
  { q: 'wonen', finds: ['housing'], why: '"woon-" is the compound form of "wonen"' },
  { q: 'woonwijken', finds: ['housing'], why: 'plural' },
  { q: 'wijk', finds: [], why: 'a word inside a compound, not at its start, is not a prefix' },
  { q: 'algoritme', finds: ['algorithms'], why: 'singular of "algoritmes", part of "algoritmeregister"' },
  { q: 'algortime', finds: ['algorithms'], why: 'swapped letters' },
  { q: 'gemeente', finds: ['algorithms'], why: 'compound "gemeentebestuur"' },
  { q: 'gemeentehuis', finds: [], why: 'a longer compound does not find a shorter one' },
  { q: 'fiets', finds: ['bicycles'], why: 'compound "fietsenstallingen"' },
  { q: 'fietsenstalling', finds: ['bicycles'], why: 'singular' },
  { q: 'fietsenstaling', finds: ['bicycles'], why: 'one letter left out of the singular of the word' },
  { q: 'glasvezel parkeergarage', finds: [], why: 'every word must match' },
  { q: 'glasvezel or parkeergarage', finds: ['housing', 'parking'], why: '"or" lets either match' },
  { q: 'sensoren -parkeergarage', finds: [], why: '"-" leaves out what matches' },
  { q: 'sensoren -glasvezel', finds: ['parking'], why: '"-" leaves out only what matches' },
  { q: '"vrije plekken"', finds: ['parking'], why: 'a phrase' },
  { q: '"plekken vrije"', finds: [], why: 'a phrase keeps its order' },
  { q: 'xyzzy', finds: [], why: 'nothing like it' },
  { q: 'de', finds: [], why: 'a stop word alone finds nothing' },
];

describe('practice search understands Dutch (table of queries)', () => {
  let database: Database;
  const ids = new Map<number, Name>();
  before(async () => {
    database = await openTestDatabase();
    const author = await createUser(database.db, { memberOf: { GM0599: 'editor' } });
    for (const [name, input] of Object.entries(corpus) as [Name, (typeof corpus)[Name]][])
      ids.set(await storePractice(database.db, 'GM0599', author.id, input), name);
  });
  after(() => database.close());

  for (const { q, finds, why } of queries)
    it(`"${q}" finds ${finds.length === 0 ? 'nothing' : finds.join(' and ')}: ${why}`, async () => {
      const result = await searchPractices(database.db, anonymousViewer, { q, page: 1 });
      assert.deepEqual(result.hits.map((h) => ids.get(h.id)).sort(), [...finds].sort());
    });

  it('marks the word a widened query matched', async () => {
    const result = await searchPractices(database.db, anonymousViewer, { q: 'parkeer', page: 1 });
    assert.ok(result.hits[0]?.fragment.includes(`${HIGHLIGHT_START}parkeergarages${HIGHLIGHT_STOP}`));
  });

  it('ranks a practice with the word as typed above one that matches only a widened word', async () => {
    const author = await createUser(database.db, { memberOf: { GM0518: 'editor' } });
    const exact = await storePractice(database.db, 'GM0518', author.id, {
      title: 'Waar is de fietsenstalling?',
      summary: 'Een kaart.',
    });
    const result = await searchPractices(database.db, anonymousViewer, { q: 'fietsenstalling', page: 1 });
    assert.equal(result.hits[0]?.id, exact);
    assert.equal(result.total, 2);
  });
});
