import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { organisations } from '../../core/db/core.tables.ts';
import { formatDecimal } from '../../core/i18n/i18n.ts';
import { signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { getFramework } from '../framework/index.ts';
import { demoFrameworkVersion } from '../scan/scan.demo.ts';
import { scans, scanScores } from '../scan/index.ts';

/**
 * The demo data fills both coordinators' workspaces (issue #18): three years of figures per pillar
 * and per theme, members sharing by name and aggregated ones, every participation step, and a
 * Brigade question that came from a scan with low connectivity.
 */
const squash = (body: string) => body.replace(/\s+/g, ' ');
const years = ['2024', '2025', '2026'];

/** The rows of the table with this caption: the row header and the cells' text. */
function tableRows(page: string, caption: string): { header: string; cells: string[] }[] {
  const table = new RegExp(`<caption[^>]*>\\s*${caption}\\s*</caption>(.*?)</table>`).exec(page)?.[1];
  assert.ok(table, `a table "${caption}"`);
  const head = /<thead[^>]*>(.*?)<\/thead>/.exec(table)?.[1] ?? '';
  const columns = [...head.matchAll(/<th[^>]*>\s*([^<]*?)\s*<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(columns.slice(1), years, `${caption}: a column per year, oldest first`);
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].flatMap(([, row = '']) => {
    const header = /<th scope="row"[^>]*>\s*([^<]*?)\s*<\/th>/.exec(row)?.[1];
    if (header === undefined) return [];
    return [{ header, cells: [...row.matchAll(/<td[^>]*>\s*([^<]*?)\s*<\/td>/g)].map((m) => m[1] ?? '') }];
  });
}

describe('the demo workspaces of the province and MRDH', () => {
  let t: TestApp;
  const pages = new Map<string, string>();
  before(async () => {
    t = await createTestApp({ demoData: true });
    for (const [network, organisation] of [
      ['zuid-holland', 'PV28'],
      ['mrdh', 'MRDH'],
    ] as const) {
      const { client }: { client: TestClient } = await signedInWith(t, {
        coordinates: [network],
        memberOf: { [organisation]: 'editor' },
      });
      const response = await client.get(`/networks/${network}`);
      assert.equal(response.statusCode, 200, network);
      pages.set(network, squash(response.body));
    }
  });
  after(() => t.close());

  it('shows the median and spread of 2024, 2025 and 2026 for every pillar and theme, in both', () => {
    const framework = getFramework(demoFrameworkVersion);
    for (const [network, page] of pages) {
      const pillars = tableRows(page, 'Mediaan en spreiding per pijler en jaar');
      assert.equal(pillars.length, framework.pillars.length + 1, `${network}: the pillars and the total`);
      const themes = tableRows(page, 'Mediaan en spreiding per thema en jaar[^<]*');
      assert.equal(themes.length, framework.themes.length, `${network}: every theme`);
      for (const row of [...pillars, ...themes])
        for (const [i, cell] of row.cells.entries())
          assert.match(cell, /^\d,\d\d? \(\d,\d\d?–\d,\d\d?\)$/, `${network}: ${row.header} in ${years[i]}`);
      assert.doesNotMatch(page, /Niet getoond voor/, `${network}: no year withheld`);
    }
  });

  it("computes MRDH's 2024 total from the six members that took part in the pilot", async () => {
    // Den Haag (named) and the five aggregated MRDH members; Leiden and the other four are not in MRDH.
    const codes = ['GM0518', 'GM0606', 'GM0622', 'GM0489', 'GM0502', 'GM1621'];
    const rows = await t.db
      .select({ score: scanScores.score })
      .from(scanScores)
      .innerJoin(scans, eq(scans.id, scanScores.scanId))
      .innerJoin(organisations, eq(organisations.id, scans.organisationId))
      .where(
        and(
          inArray(organisations.code, codes),
          eq(scans.period, 2024),
          eq(scans.status, 'submitted'),
          eq(scanScores.kind, 'overall'),
        ),
      );
    const sorted = rows.map((r) => r.score ?? Number.NaN).sort((a, b) => a - b);
    assert.equal(sorted.length, 6);
    const median = Math.round((((sorted[2] ?? 0) + (sorted[3] ?? 0)) / 2) * 100) / 100;
    const total = tableRows(pages.get('mrdh') ?? '', 'Mediaan en spreiding per pijler en jaar').at(-1);
    assert.equal(total?.header, 'Totaal');
    assert.ok(
      total.cells[0]?.startsWith(`${formatDecimal('nl', median)} (`),
      `${total.cells[0]} has ${median}`,
    );
  });

  it('maps members sharing by name with a score and the aggregated ones only as part of the total', () => {
    for (const [network, page] of pages) {
      assert.match(page, /aria-label="Den Haag: \d,\d\d"/, `${network}: Den Haag shares by name`);
      for (const name of [
        'Schiedam',
        'Vlaardingen',
        'Barendrecht',
        'Capelle aan den IJssel',
        'Lansingerland',
      ])
        assert.match(page, new RegExp(`aria-label="${name}: alleen in het totaal"`), `${network}: ${name}`);
    }
    assert.match(pages.get('mrdh') ?? '', /5 leden delen zonder naam/);
    assert.match(pages.get('zuid-holland') ?? '', /7 leden delen zonder naam/);
  });

  it('has a member at every participation step', () => {
    const steps = [
      'nog niet actief',
      'team',
      'zelfscan in concept',
      'zelfscan ingediend',
      'strategie',
      'routekaart gedeeld',
    ];
    for (const [network, page] of pages)
      for (const step of steps)
        assert.match(page, new RegExp(`aria-label="[^":]+: ${step}"`), `${network}: ${step}`);
  });

  it('marks the new question of Vlaardingen, whose scan scores connectivity low, as from the scan', () => {
    for (const [network, page] of pages)
      assert.match(
        page,
        /Vraag \d+ van Vlaardingen [^<]*(<\/a>)?\s*<strong class="rk-badge">uit de zelfscan<\/strong>/,
        network,
      );
  });
});
