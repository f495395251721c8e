import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';
import { freshAddress, postFrom, stampFrom, validBrigadeForm } from './intake.fixtures.ts';
import { submissionsPerHour } from './intake-spam.ts';
import { brigadeCases } from './intake.tables.ts';

/** Issue 15, items 6 and 8: proxies, single-use stamps, and a formula through the public form. */
async function postBehindProxy(t: TestApp, form: Record<string, string>, forwardedFor: string) {
  const client = new TestClient(t.app);
  const csrf = extractCsrf((await client.get('/brigade')).body);
  return t.app.inject({
    method: 'POST',
    url: '/brigade',
    // The reverse proxy connects from its own address and appends the client's to the header.
    remoteAddress: '10.0.0.2',
    headers: {
      cookie: client.cookieHeader,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': forwardedFor,
    },
    payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
  });
}

for (const setting of ['1', 'true', '10.0.0.2']) {
  describe(`behind one reverse proxy (TRUST_PROXY=${setting})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ env: { TRUST_PROXY: setting } });
    });
    after(() => t.close());

    it(`counts the address the proxy saw: rotating X-Forwarded-For gets no more than ${submissionsPerHour} through`, async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const form = { ...validBrigadeForm, contactEmail: `rotate${i}@delft.example`, ...stampFrom(t.app) };
        codes.push((await postBehindProxy(t, form, `192.0.2.${i}, 198.51.100.77`)).statusCode);
      }
      assert.equal(codes.filter((c) => c === 303).length, submissionsPerHour, codes.join(' '));
      assert.ok(codes.slice(submissionsPerHour).every((c) => c === 429));
    });
  });
}

describe('public forms and the coordinators CSV', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('takes a stamp once: the same form posted again is refused and stores nothing more', async () => {
    const stamp = stampFrom(t.app);
    const form = { ...validBrigadeForm, contactEmail: 'twice@delft.example', ...stamp };
    const client = new TestClient(t.app);
    const first = await postFrom(client, t.app, '/brigade', form, freshAddress());
    assert.equal(first.statusCode, 303);
    const again = await postFrom(client, t.app, '/brigade', form, freshAddress());
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Het formulier is verlopen of onvolledig/);
    assert.match(again.body, /value="twice@delft.example"/, 'the typed input is kept');
    const [stored] = await t.db
      .select({ n: count() })
      .from(brigadeCases)
      .where(eq(brigadeCases.contactEmail, 'twice@delft.example'));
    assert.equal(stored?.n, 1);
  });

  it("brings `Jan;=cmd|' /C calc'!A0` from the public Brigade form into no formula cell of the CSV", async () => {
    const payload = "Jan;=cmd|' /C calc'!A0";
    const form = { ...validBrigadeForm, contactName: payload, contactPhone: '=1+1', ...stampFrom(t.app) };
    assert.equal(
      (await postFrom(new TestClient(t.app), t.app, '/brigade', form, freshAddress())).statusCode,
      303,
    );
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    const staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
    const response = await staff.get('/networks/zuid-holland/brigade.csv');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const csv = response.body.replace(/^\uFEFF/, '');
    assert.ok(csv.includes(`"Jan;'=cmd|' /C calc'!A0"`), 'the name is kept, quoted and neutralised');
    for (const delimiter of [';', ',']) {
      const cells: string[][] = parse(csv, { delimiter, relax_quotes: true, relax_column_count: true });
      for (const cell of cells.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `split on ${delimiter}`);
    }
    const [exported] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'export.personal-data'));
    assert.equal(exported?.n, 1, 'the export of personal data is in the audit trail');
  });
});
