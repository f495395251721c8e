import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { routeRegistry, type RouteRecord } from './core/http/access.ts';
import { createApiToken } from './features/organisations/index.ts';
import { createUser, organisationId, testPassword, type UserFactoryOptions } from './testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from './testing/test-app.ts';

/**
 * A property over the whole route table: whatever a visitor of any role sends to any route that
 * `recordRoute` knows — control characters, very long text, malformed ids, malformed bodies, huge
 * numbers, impossible dates — the answer is never a 5xx, a refusal is an HTML page or problem+json
 * as the route promises, and a refused request changes no stored data. Runs on the demo data so
 * that ids lead to real records. `PROPERTY_RUNS` sets the runs per route (default 3).
 */
const runsPerRoute = Number(process.env.PROPERTY_RUNS ?? 3);

interface Visitor {
  name: string;
  cookie: string;
  csrf: string;
  authorization?: string;
}

const controlAndOdd = [
  '\u0000',
  'a\u0000b',
  '\u001b[31mrood',
  '\u0007',
  '\u0085',
  '%00',
  '%',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '1e3',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '9'.repeat(400),
  '2027-02-30',
  '31-13-2028',
  '0000-00-00',
  'NaN',
  'Infinity',
  '€ 1.250.000,505',
  '1,250',
  '\uFFFF',
  'ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍💻',
];

const badText = fc.oneof(
  fc.constantFrom(...controlAndOdd),
  fc.string({ maxLength: 30, unit: 'binary-ascii' }),
  fc.constant('x'.repeat(30_000)),
);
const text = fc.oneof(badText, fc.constantFrom('', 'Titel', 'jan@gemeente.nl', '2028-12-31', '12', '1'));

const fieldNames = [
  'title',
  'name',
  'description',
  'email',
  'password',
  'body',
  'summary',
  'value_eur',
  'notice_months',
  'end_date',
  'start_date',
  'capacity',
  'amount',
  'unit',
  'budget',
  'budgetKind',
  'progress',
  'status',
  'role',
  'version',
  'expectedVersion',
  'themes',
  'themeId',
  'taskIds',
  'period',
  'date',
  'startTime',
  'endTime',
  'label',
  'next',
  'response',
  'target',
  'note',
  'category',
  'question',
  'phone',
  'workDate',
  'person',
  'sharing',
  'group',
  'q',
  'kind',
  'dependsOn',
  'milestones',
  'start',
  'end',
  'startYear',
  'endYear',
  'userId',
  'level',
  'consent',
  'organisation',
];
const formFields = fc.dictionary(fc.constantFrom(...fieldNames), text, { maxKeys: 8 });

type Body =
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'json'; raw: string }
  | { kind: 'multipart'; raw: string; boundary?: string };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: formFields.map((fields) => ({ kind: 'form' as const, fields })) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      formFields.map((fields) => ({ kind: 'json' as const, raw: JSON.stringify(fields) })),
      fc.constantFrom('{"title": ', '[', '{"a":1e999999}', 'null', '"\\u0000"').map((raw) => ({
        kind: 'json' as const,
        raw,
      })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'multipart' as const, raw: 'abc' },
      {
        kind: 'multipart' as const,
        raw: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nhalf',
        boundary: 'x',
      },
    ),
  },
);

const paramValue = (name: string): fc.Arbitrary<string> => {
  const good =
    name === 'code'
      ? fc.constantFrom('GM0599', 'GM0503', 'PV28', 'gm0599')
      : name === 'network'
        ? fc.constantFrom('zuid-holland', 'mrdh')
        : name === 'themeId'
          ? fc.constantFrom('ethics', 'infrastructure-and-sensors')
          : fc.integer({ min: 1, max: 8 }).map(String);
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: badText });
};

/** The rows of a raw query, whichever driver ran it (PGlite and node-postgres differ). */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

function urlFor(pattern: string, params: Record<string, string>, query: Record<string, string>): string {
  const path = pattern
    .replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? '1'))
    .replace('*', 'app.css');
  const search = new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}

describe('no input can make any route fail', () => {
  let t: TestApp;
  let routes: RouteRecord[] = [];
  const visitors: Visitor[] = [];
  let fingerprintQuery = '';

  async function fingerprint(): Promise<string> {
    const rows = rowsOf<{ t: string; h: string }>(await t.db.execute(sql.raw(fingerprintQuery)));
    return JSON.stringify(rows.map((r) => `${r.t}:${r.h}`));
  }

  before(async () => {
    t = await createTestApp({ demoData: true });
    routes = routeRegistry(t.app).filter((r) => r.method !== 'HEAD');
    const roles: (UserFactoryOptions & { name: string })[] = [
      { name: 'anonymous' },
      { name: 'viewer', memberOf: { GM0599: 'viewer' } },
      { name: 'editor', memberOf: { GM0599: 'editor' } },
      { name: 'admin', memberOf: { GM0599: 'admin' } },
      { name: 'other municipality', memberOf: { GM0503: 'admin' } },
      { name: 'coordinator', coordinates: ['zuid-holland', 'mrdh'] },
      { name: 'platform admin', isPlatformAdmin: true },
    ];
    for (const role of roles) {
      const client = new TestClient(t.app);
      if (role.name !== 'anonymous') {
        const user = await createUser(t.db, role);
        await client.signIn(user.email, testPassword);
      }
      visitors.push({
        name: role.name,
        cookie: client.cookieHeader,
        csrf: extractCsrf((await client.get('/accessibility')).body),
      });
    }
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const token = await createApiToken(t.db, await organisationId(t.db, 'GM0599'), 'property test', admin.id);
    visitors.push({ name: 'API token', cookie: '', csrf: '', authorization: `Bearer ${token}` });
    // Tables a refused request may rightly write to: sessions (last seen), the audit trail (failed
    // sign-ins) and the counters of the limits.
    const tables = rowsOf<{ table_name: string }>(
      await t.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in ('sessions', 'audit_log', 'auth_throttle', '__drizzle_migrations')
          and table_name not like '%attempt%' and table_name not like '%limit%' and table_name not like '%_counts'
          order by table_name`,
      ),
    );
    fingerprintQuery = tables
      .map(
        (r) =>
          `select '${r.table_name}' as t, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from "${r.table_name}" x`,
      )
      .join(' union all ');
  });
  after(() => t.close());

  it('answers every route, as every role, without a 5xx, in the promised format, storing nothing on refusal', async () => {
    assert.ok(routes.length > 100, `expected the whole route table, found ${routes.length}`);
    for (const route of routes) {
      const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
      const params = fc.record(Object.fromEntries(names.map((n) => [n, paramValue(n)])));
      const query = fc.dictionary(
        fc.constantFrom('q', 'page', 'period', 'group', 'next', 'year', 'kind'),
        text,
        {
          maxKeys: 2,
        },
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...visitors), params, query, body, async (visitor, p, q, b) => {
          const url = urlFor(route.url, p, q);
          const isPost = route.method !== 'GET';
          const headers: Record<string, string> = {};
          if (visitor.cookie) headers.cookie = visitor.cookie;
          if (visitor.authorization) headers.authorization = visitor.authorization;
          let payload: string | undefined;
          if (isPost && b.kind === 'form') {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            payload = new URLSearchParams({ _csrf: visitor.csrf, ...b.fields }).toString();
          } else if (isPost && b.kind === 'json') {
            headers['content-type'] = 'application/json';
            headers['x-csrf-token'] = visitor.csrf;
            payload = b.raw;
          } else if (isPost && b.kind === 'multipart') {
            headers['content-type'] = `multipart/form-data${b.boundary ? `; boundary=${b.boundary}` : ''}`;
            payload = b.raw;
          }
          const before = isPost ? await fingerprint() : '';
          const response = await t.app.inject({
            method: route.method as 'GET' | 'POST',
            url,
            headers,
            payload,
          });
          const where = `${visitor.name}: ${route.method} ${url.slice(0, 200)}`;
          assert.ok(response.statusCode < 500, `${where} answered ${response.statusCode}`);
          if (response.statusCode >= 400) {
            const type = String(response.headers['content-type']);
            const promised = url.startsWith('/api/') ? /application\/problem\+json/ : /text\/html/;
            assert.match(type, promised, `${where} answered ${response.statusCode} as ${type}`);
            if (isPost) assert.equal(await fingerprint(), before, `${where} was refused but changed data`);
          }
        }),
        { numRuns: runsPerRoute },
      );
    }
  });
});
