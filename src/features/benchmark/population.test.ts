import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { auditLog, organisations } from '../../core/db/core.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { parsePopulation } from './population.service.ts';

const populationOf = async (t: TestApp, codes: string[]) =>
  new Map(
    (
      await t.db
        .select({ code: organisations.code, population: organisations.population })
        .from(organisations)
        .where(inArray(organisations.code, codes))
    ).map((r) => [r.code, r.population]),
  );

describe('reading pasted populations', () => {
  const known = new Set(['GM0599', 'GM0503']);

  it('takes a header, commas, semicolons, tabs, quotes, lower-case codes and Dutch thousands points', () => {
    const parsed = parsePopulation('code,population\r\n"gm0599";"670.000"\n\nGM0503\t105000\n', known);
    assert.deepEqual(parsed, {
      values: [
        { code: 'GM0599', population: 670000 },
        { code: 'GM0503', population: 105000 },
      ],
      bad: [],
    });
  });

  it('reports every bad line with its number and reason', () => {
    const text =
      'GM0599,670000\nGX9999,10\nGM0503,12.5\nGM0503,-5\nGM0599,1\nonly-one-field\ncode,population';
    assert.deepEqual(
      parsePopulation(text, known).bad.map((b) => [b.line, b.problem]),
      [
        [2, 'unknownCode'],
        [3, 'notInteger'],
        [4, 'negative'],
        [5, 'duplicate'],
        [6, 'format'],
        [7, 'unknownCode'],
      ],
    );
  });
});

describe('the population import for the platform administrator', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    const user = await createUser(t.db, { isPlatformAdmin: true });
    admin = new TestClient(t.app);
    await admin.signIn(user.email, testPassword);
  });
  after(() => t.close());

  it('is linked from the administration home', async () => {
    const home = await admin.get('/admin');
    assert.match(home.body, /href="\/admin\/population"/);
    const page = await admin.get('/admin/population');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /0 van de 342 gemeenten hebben een inwonertal/);
  });

  it('changes nothing when one line is wrong, and lists every bad line with the input kept', async () => {
    const input = 'code,population\nGM0503,105000\nGX9999,1000\nGM0518,12.5\nGM0637,-5';
    const response = await admin.post('/admin/population', { csv: input }, '/admin/population');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /3 regels bevatten een fout\. Er is niets opgeslagen/);
    assert.match(response.body, /Regel 3 \(GX9999,1000\): onbekende gemeentecode/);
    assert.match(response.body, /Regel 4 \(GM0518,12\.5\): het inwonertal is geen geheel getal/);
    assert.match(response.body, /Regel 5 \(GM0637,-5\): het inwonertal is negatief/);
    assert.match(response.body, /aria-invalid="true"/);
    assert.ok(response.body.includes('GM0503,105000\nGX9999,1000\nGM0518,12.5\nGM0637,-5</textarea'));
    const stored = await populationOf(t, ['GM0503', 'GM0518', 'GM0637']);
    assert.deepEqual([...stored.values()], [null, null, null], 'the good line is not stored either');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'population.imported'));
    assert.equal(audit.length, 0);
  });

  it('stores all lines when every one is right, and reports how many municipalities have one', async () => {
    const input = 'GM0599,670000\nGM0503;105000\n';
    const response = await admin.post('/admin/population', { csv: input }, '/admin/population');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/admin/population?imported=2');
    const stored = await populationOf(t, ['GM0599', 'GM0503']);
    assert.deepEqual(Object.fromEntries(stored), { GM0599: 670000, GM0503: 105000 });
    const page = await admin.get('/admin/population?imported=2');
    assert.match(page.body, /De inwonertallen van 2 gemeenten zijn opgeslagen/);
    assert.match(page.body, /2 van de 342 gemeenten hebben een inwonertal/);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'population.imported'));
    assert.deepEqual(audit[0]?.details, { count: 2 });
  });

  it('asks for at least one line when the field is empty', async () => {
    const response = await admin.post('/admin/population', { csv: '  \n' }, '/admin/population');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Plak minstens één regel/);
  });

  it('is for the platform administrator only', async () => {
    const member = await createUser(t.db, { memberOf: { GM0599: 'admin' }, coordinates: ['mrdh'] });
    const client = new TestClient(t.app);
    await client.signIn(member.email, testPassword);
    assert.equal((await client.get('/admin/population')).statusCode, 403);
    const post = await client.post('/admin/population', { csv: 'GM0599,1' });
    assert.equal(post.statusCode, 403);
    assert.equal((await populationOf(t, ['GM0599'])).get('GM0599'), 670000);
  });
});
