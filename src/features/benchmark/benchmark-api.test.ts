import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { scans } from '../scan/index.ts';
import { sharingSettings } from '../sharing/index.ts';
import { insertScan, setPopulationOf, setSharing } from './benchmark.fixtures.ts';
import type { OpenDataSet, OpenFigure } from './open-data.service.ts';

/** Six MRDH members, and X: Leiden, in Zuid-Holland (PV28) but not in MRDH. */
const mrdhSix = { GM0599: 1.5, GM0518: 2.0, GM0503: 2.5, GM0637: 2.75, GM1783: 3.0, GM0606: 3.5 };
const leiden = 'GM0546';
const ethics = new Map(
  Object.entries({ GM0599: 1, GM0518: 1, GM0503: 2, GM0637: 3, GM1783: 3, GM0606: 4, [leiden]: 5 }),
);
const noordHolland = ['GM0361', 'GM0363', 'GM0392', 'GM0394', 'GM0439'];
/** Upper bounds of the CBS size classes 1–8. */
const sizeBounds = [5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 250_000, Number.POSITIVE_INFINITY];

async function situation2026(db: Db) {
  for (const [code, overall] of Object.entries({ ...mrdhSix, [leiden]: 4.0 })) {
    // Three organisations have no score for open-data: that theme rests on four, too few to show.
    const openData = ['GM0599', 'GM0518', 'GM0503'].includes(code) ? null : overall;
    await insertScan(db, {
      code,
      period: 2026,
      overall,
      themes: { ethics: ethics.get(code) ?? null, 'open-data': openData },
    });
  }
  // Not counted in 2026: a scan that is not shared, a draft, scans of 2025 and a draft of 2027.
  await insertScan(db, { code: 'GM0505', period: 2026, overall: 5 });
  await setSharing(db, 'GM0505', 'not-shared');
  await insertScan(db, { code: 'GM0513', period: 2026, overall: 5, status: 'draft' });
  await insertScan(db, { code: 'GM0513', period: 2027, overall: 5, status: 'draft' });
  await insertScan(db, { code: 'GM0484', period: 2025, overall: 5 });
  await insertScan(db, { code: 'GM0599', period: 2025, overall: 5 });
  // Four organisations of 100,000 to 150,000 inhabitants: size class 6 has too few contributors.
  for (const code of ['GM0503', 'GM0637', 'GM1783', leiden]) await setPopulationOf(db, code, 120_000);
}

/**
 * 2024: the same seven in Zuid-Holland and five in Noord-Holland, so "all" (12) and Zuid-Holland (7)
 * differ by five. Only Amsterdam of the five has a score for coalitions: for that theme, "all" (8)
 * and Zuid-Holland (7) differ by one organisation.
 */
async function situation2024(db: Db) {
  for (const [code, overall] of Object.entries({ ...mrdhSix, [leiden]: 4.0 }))
    await insertScan(db, { code, period: 2024, overall });
  for (const code of noordHolland)
    await insertScan(db, {
      code,
      period: 2024,
      overall: 3,
      themes: { coalitions: code === 'GM0363' ? 5 : null },
    });
}

/** The contributors of each group, recomputed from the tables, independently of the service. */
async function contributorsFromDb(db: Db, period: number): Promise<Map<string, Set<number>>> {
  const rows = await db
    .select({
      id: organisations.id,
      province: organisations.provinceCode,
      population: organisations.population,
    })
    .from(scans)
    .innerJoin(organisations, eq(organisations.id, scans.organisationId))
    .leftJoin(sharingSettings, eq(sharingSettings.organisationId, scans.organisationId))
    .where(and(eq(scans.status, 'submitted'), eq(scans.period, period)));
  const members = await db
    .select({ id: networkMembers.organisationId, code: networks.code })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId));
  const notShared = new Set(
    (await db.select().from(sharingSettings).where(eq(sharingSettings.mode, 'not-shared'))).map(
      (s) => s.organisationId,
    ),
  );
  const groups = new Map<string, Set<number>>();
  const add = (group: string, id: number) => groups.set(group, (groups.get(group) ?? new Set()).add(id));
  for (const row of rows.filter((r) => !notShared.has(r.id))) {
    add('all', row.id);
    add(`province:${row.province}`, row.id);
    for (const m of members.filter((x) => x.id === row.id)) add(`network:${m.code}`, row.id);
    const population = row.population;
    if (population !== null) add(`size:${sizeBounds.findIndex((bound) => population < bound) + 1}`, row.id);
  }
  return groups;
}

const differenceSize = (a: Set<number>, b: Set<number>) =>
  [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length;

describe('the open benchmark data', () => {
  let t: TestApp;
  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
    return response.json<OpenDataSet>();
  };
  const figure = (data: OpenDataSet, group: string, kind: OpenFigure['kind'], key: string) =>
    data.items.find((f) => f.group === group && f.kind === kind && f.key === key);

  before(async () => {
    t = await createTestApp();
    await situation2026(t.db);
    await situation2024(t.db);
  });
  after(() => t.close());

  it('never lets an attacker learn X by comparing MRDH (6) with Zuid-Holland (7 = the 6 + X)', async () => {
    const mrdh = await get('/api/v1/benchmarks?period=2026&group=network:mrdh');
    const province = await get('/api/v1/benchmarks?period=2026&group=province:PV28');
    const withFigures = [mrdh, province].filter((d) => d.items.length > 0);
    assert.ok(withFigures.length <= 1, 'at most one of the two groups has figures');
    assert.deepEqual(mrdh.withheld, [{ group: 'network:mrdh', reason: 'differencing' }]);
    assert.equal(province.items[0]?.groupSize, 7);
  });

  it('shows no pair of groups whose contributors differ by one to four, recomputed from the tables', async () => {
    const data = await get('/api/v1/benchmarks');
    assert.equal(data.period, 2026, 'the latest period with a submitted scan; drafts of 2027 do not count');
    const truth = await contributorsFromDb(t.db, 2026);
    const shown = [...new Set(data.items.map((f) => f.group))];
    assert.deepEqual(shown.sort(), ['all', 'network:zuid-holland', 'province:PV28']);
    for (const f of data.items) assert.equal(f.groupSize, truth.get(f.group)?.size, f.group);
    for (const a of shown)
      for (const b of shown) {
        const difference = differenceSize(truth.get(a) ?? new Set(), truth.get(b) ?? new Set());
        assert.ok(difference === 0 || difference >= 5, `${a} and ${b} differ by ${difference}`);
      }
    for (const [group, members] of truth)
      if (members.size < 5) assert.ok(!shown.includes(group), `${group} has only ${members.size}`);
    assert.equal(data.items.filter((f) => data.withheld.some((w) => w.group === f.group)).length, 0);
  });

  it('withholds a group of four contributors as too few, without any figure', async () => {
    const data = await get('/api/v1/benchmarks?period=2026');
    assert.equal((await contributorsFromDb(t.db, 2026)).get('size:6')?.size, 4);
    assert.deepEqual(
      data.withheld.find((w) => w.group === 'size:6'),
      { group: 'size:6', reason: 'tooFew' },
    );
    assert.equal(data.items.filter((f) => f.group === 'size:6').length, 0);
    const one = await get('/api/v1/benchmarks?period=2026&group=size:6');
    assert.deepEqual(one, { period: 2026, items: [], withheld: [{ group: 'size:6', reason: 'tooFew' }] });
  });

  it('computes the median and quartiles of a shown group as by hand', async () => {
    const data = await get('/api/v1/benchmarks?group=province:PV28');
    // Overall of the 7: 1.5, 2.0, 2.5, 2.75, 3.0, 3.5, 4.0 (sorted). Quartile p lies at position
    // (7 − 1) × p, interpolated linearly: Q1 at 1.5 → (2.0 + 2.5) / 2 = 2.25; the median at 3 →
    // 2.75; Q3 at 4.5 → (3.0 + 3.5) / 2 = 3.25. Dordrecht (not shared) and Gouda (draft) are out.
    assert.deepEqual(figure(data, 'province:PV28', 'overall', 'all'), {
      period: 2026,
      group: 'province:PV28',
      groupSize: 7,
      kind: 'overall',
      key: 'all',
      q1: 2.25,
      median: 2.75,
      q3: 3.25,
      count: 7,
    });
    // Ethics: 1, 1, 2, 3, 3, 4, 5. Q1 at 1.5 → (1 + 2) / 2 = 1.5; median at 3 → 3; Q3 at 4.5 → 3.5.
    const theme = figure(data, 'province:PV28', 'theme', 'ethics');
    assert.deepEqual([theme?.q1, theme?.median, theme?.q3, theme?.count], [1.5, 3, 3.5, 7]);
    // The pillars carry each organisation's overall score here, so they equal the overall figure.
    assert.equal(figure(data, 'province:PV28', 'pillar', 'strategy')?.median, 2.75);
  });

  it('leaves out a theme that fewer than five contributors have a score for', async () => {
    const data = await get('/api/v1/benchmarks?period=2026');
    assert.equal(data.items.filter((f) => f.key === 'open-data').length, 0);
    assert.ok(data.items.every((f) => f.count >= 5));
  });

  it('applies the rule again per theme, so a theme cannot be differenced either', async () => {
    const data = await get('/api/v1/benchmarks?period=2024');
    const groups = [...new Set(data.items.map((f) => f.group))].sort();
    assert.deepEqual(groups, ['all', 'network:zuid-holland', 'province:PV27', 'province:PV28']);
    assert.equal(figure(data, 'all', 'overall', 'all')?.groupSize, 12);
    // Coalitions: "all" has 8 scores, Zuid-Holland 7, Noord-Holland 1. Showing both the 8 and the 7
    // would give away Amsterdam's score, so only the larger stays.
    const coalitions = data.items.filter((f) => f.key === 'coalitions');
    assert.deepEqual(
      coalitions.map((f) => [f.group, f.count]),
      [['all', 8]],
    );
    assert.ok(figure(data, 'province:PV28', 'theme', 'ethics'), 'other themes of Zuid-Holland stay');
  });

  it('keeps periods apart: a 2025 scan never counts in 2026', async () => {
    const earlier = await get('/api/v1/benchmarks?period=2025');
    assert.deepEqual(earlier.items, [], 'two contributors in 2025: every group has too few');
    assert.ok(earlier.withheld.some((w) => w.group === 'all' && w.reason === 'tooFew'));
    const now = await get('/api/v1/benchmarks?period=2026&group=all');
    // Alphen (2025 only) is not in 2026, and Rotterdam's 5.0 of 2025 does not replace its 1.5.
    assert.equal(figure(now, 'all', 'overall', 'all')?.groupSize, 7);
    assert.equal(figure(now, 'all', 'overall', 'all')?.q1, 2.25);
    const future = await get('/api/v1/benchmarks?period=2027');
    assert.deepEqual(future.items, []);
  });

  it('refuses a malformed group or period with problem+json', async () => {
    for (const query of ['group=province:Zuid-Holland', 'group=all;drop', 'period=1999', 'period=soon']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/benchmarks?${query}` });
      assert.equal(response.statusCode, 400, query);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    }
  });

  it('serves the same rows as RFC 4180 CSV, as an attachment', async () => {
    const api = await get('/api/v1/benchmarks?group=province:PV28');
    const response = await t.app.inject({
      method: 'GET',
      url: '/open-data/benchmarks.csv?group=province:PV28',
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.equal(
      response.headers['content-disposition'],
      'attachment; filename="benchmark-2026-province-PV28.csv"',
    );
    const lines = response.body.split('\r\n');
    assert.equal(lines[0], '\uFEFFperiod,group,groupSize,kind,key,q1,median,q3,count');
    // Nothing needs quoting: no field holds a comma, quote or line break, so none is quoted.
    assert.ok(lines.includes('2026,province:PV28,7,overall,all,2.25,2.75,3.25,7'));
    assert.ok(!response.body.includes('"'));
    const rows: Record<string, string>[] = parse(response.body, { columns: true, bom: true });
    assert.equal(rows.length, api.items.length);
    rows.forEach((row, i) => {
      const item = api.items[i];
      assert.ok(item);
      for (const [column, value] of Object.entries(item)) assert.equal(row[column], String(value), column);
    });
  });

  it('documents the open data, its licence and the rule in the OpenAPI document and on a page', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get?: { tags?: string[]; description?: string } }>;
      tags: { name: string }[];
    }>();
    const operation = openapi.paths['/benchmarks']?.get;
    assert.deepEqual(operation?.tags, ['benchmarks']);
    assert.match(operation?.description ?? '', /CC0 1\.0/);
    assert.match(operation?.description ?? '', /at least 5 organisations/);
    assert.ok(openapi.tags.some((tag) => tag.name === 'benchmarks'));
    const page = await t.app.inject({ method: 'GET', url: '/open-data' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /CC0 1\.0/);
    assert.match(page.body, /href="\/open-data\/benchmarks\.csv"/);
    assert.match(page.body, /href="\/api\/v1\/benchmarks"/);
    assert.match(page.body, /<caption[^>]*>\s*Totaalscore per getoonde groep in 2026/);
    assert.match(page.body, /<th scope="row"[^>]*>Provincie Zuid-Holland<\/th>/);
    assert.match(page.body, /<th scope="row"[^>]*>Netwerk Zuid-Holland<\/th>/);
    assert.doesNotMatch(page.body, />\s*network:mrdh\s*</, 'a withheld group has no row');
  });
});
