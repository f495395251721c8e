import { eq } from 'drizzle-orm';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/core/db/database.ts';
import { organisations } from '../src/core/db/core.tables.ts';
import { anonymousViewer, viewerOf, type Viewer } from '../src/features/practices/practices.queries.ts';
import { searchPractices, type SearchFilters } from '../src/features/practices/search.queries.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser } from '../src/testing/factories.ts';
import { seedPractices } from './lib/practice-corpus.ts';
import { fixed, formatTable } from './lib/table.ts';
import { onEachDatabase } from './lib/databases.ts';

/**
 * Practice search over 10,000 generated Dutch practices: the full search (count, page of hits with
 * ts_rank_cd, five facet counts, ts_headline for the page) for a mix of queries, signed out and as a
 * member of a Zuid-Holland municipality. Prints figures only.
 */
const total = Number(process.env.BENCH_PRACTICES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const progress = (message: string) => console.error(`… ${message}`);

const queries: Partial<SearchFilters>[] = [
  { q: 'gemeenten' },
  { q: 'sensoren openbare ruimte' },
  { q: 'glasvezel', pillar: 'foundation' },
  { q: 'algoritmen ethiek' },
  { theme: 'open-data' },
  { q: 'parkeerplaatsen', year: 2022 },
  { q: 'data', task: 'service-delivery', page: 3 },
  {},
];

async function measure(db: Db, viewer: Viewer) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const f = { q: '', page: 1, ...queries[i % queries.length] };
    const started = performance.now();
    await searchPractices(db, viewer, f);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)] ?? 0, p95: times[Math.floor(runs * 0.95)] ?? 0 };
}

async function measureDatabase(config: Config, label: string) {
  const database = await openAndPrepareDatabase(config);
  try {
    progress(`${label}: seeding ${total} practices`);
    await seedPractices(database.db, total, progress);
    const member = await createUser(database.db, { memberOf: { GM0503: 'viewer' } });
    const viewer = await viewerOf(database.db, {
      id: member.id,
      email: member.email,
      name: member.name,
      isPlatformAdmin: false,
      coordinatorOf: [],
      memberships: [
        {
          organisationId: await orgId(database.db, 'GM0503'),
          code: 'GM0503',
          name: 'Delft',
          displayName: 'Delft',
          kind: 'municipality',
          role: 'viewer',
        },
      ],
    });
    await measure(database.db, anonymousViewer); // warm-up
    progress(`${label}: ${runs} searches signed out, ${runs} as a member`);
    return {
      label,
      anonymous: await measure(database.db, anonymousViewer),
      member: await measure(database.db, viewer),
    };
  } finally {
    await database.close();
  }
}

async function orgId(db: Db, code: string): Promise<number> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (!row) throw new Error(`no ${code}`);
  return row.id;
}

const rows = await onEachDatabase('knowledge', measureDatabase);

console.log(
  `\nPractice search over ${fixed(total)} practices, ${runs} searches per viewer (${queries.length} query shapes):`,
);
console.log(
  formatTable(
    ['database', 'signed out p50 ms', 'signed out p95 ms', 'member p50 ms', 'member p95 ms'],
    rows.map((r) => [
      r.label,
      fixed(r.anonymous.p50, 1),
      fixed(r.anonymous.p95, 1),
      fixed(r.member.p50, 1),
      fixed(r.member.p95, 1),
    ]),
  ),
);
