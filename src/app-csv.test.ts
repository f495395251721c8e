import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { routeRegistry } from './core/http/access.ts';
import { createUser, testPassword } from './testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from './testing/test-app.ts';

/** A route's address as a pattern that matches the links to it. */
function routePattern(url: string): RegExp {
  const escaped = url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/?#]+');
  return new RegExp(`^${escaped}(\\?.*)?$`);
}

const linkedFiles = (body: string) => [...body.matchAll(/href="([^"#]+)"/g)].map((m) => m[1] ?? '');

/**
 * Every CSV the product offers is one table (RFC 4180): one header row and records of the same
 * length. The files are found as a user finds them: by following the links of the demo's pages as a
 * municipality's administrator, a coordinator and the platform administrator. A CSV route that no
 * page links to fails the test, so a new export cannot slip past it.
 */
describe('every CSV export is one table (issue 21, item 7)', () => {
  let t: TestApp;
  let client: TestClient;
  before(async () => {
    t = await createTestApp({ demoData: true });
    const user = await createUser(t.db, {
      isPlatformAdmin: true,
      memberOf: { GM0599: 'admin' },
      coordinates: ['zuid-holland', 'mrdh'],
    });
    client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
  });
  after(() => t.close());

  it('reads each linked CSV with a strict parser', async () => {
    const csvRoutes = routeRegistry(t.app).filter((r) => r.method === 'GET' && r.url.endsWith('.csv'));
    assert.ok(csvRoutes.length >= 6, `expected the CSV exports, found ${csvRoutes.length}`);

    const pages = new Set(['/o/GM0599', '/networks/zuid-holland', '/networks/mrdh', '/admin', '/open-data']);
    const queue = [...pages];
    const files = new Set<string>();
    while (queue.length > 0 && pages.size < 400) {
      const page = await client.get(queue.shift() ?? '/');
      if (page.statusCode !== 200 || !String(page.headers['content-type']).includes('text/html')) continue;
      for (const href of linkedFiles(page.body)) {
        if (!href.startsWith('/') || href.startsWith('//')) continue;
        const path = href.replace(/&amp;/g, '&');
        if (path.split('?')[0]?.endsWith('.csv')) files.add(path);
        else if (
          !pages.has(path) &&
          /^\/(o\/GM0599|networks|admin|open-data)/.test(path) &&
          !path.includes('.')
        ) {
          pages.add(path);
          queue.push(path);
        }
      }
    }

    for (const route of csvRoutes) {
      const pattern = routePattern(route.url);
      assert.ok(
        [...files].some((f) => pattern.test(f)),
        `no page links to ${route.url}; link it, or explain why it is not offered`,
      );
    }
    for (const file of files) {
      const response = await client.get(file);
      assert.equal(response.statusCode, 200, file);
      assert.match(String(response.headers['content-type']), /^text\/csv/, file);
      const records = parse(response.body, { bom: true, relax_column_count: false, skip_empty_lines: false });
      assert.ok(Array.isArray(records) && records.length >= 1, `${file}: a header row`);
      const header = records[0] as string[];
      assert.ok(
        header.every((name) => name.trim() !== ''),
        `${file}: every column has a name`,
      );
      assert.equal(new Set(header).size, header.length, `${file}: column names are unique`);
    }
  });
});
