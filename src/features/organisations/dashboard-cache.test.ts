import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { scanAnswers, scans } from '../scan/index.ts';
import { addEntries, contractRow } from '../registries/registries.fixtures.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { addMonths } from '../registries/index.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';

/**
 * The dashboard keeps what it shows of an organisation per process (decision 0027). A change made
 * straight in the database reaches it through the triggers' notifications: on the embedded database
 * before the change's own answer, on PostgreSQL a moment after the commit, so there the test waits.
 */
describe('the dashboard kept per organisation', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function signedIn(code: string, role: 'admin' | 'editor' = 'admin') {
    const user = await createUser(t.db, { memberOf: { [code]: role } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    const page = async () => {
      const response = await client.get(`/o/${code}`);
      assert.equal(response.statusCode, 200);
      return response.body.replace(/\s+/g, ' ');
    };
    return { user, page };
  }

  /** Reads the page until `pattern` shows: at once on the embedded database, within 2 s on PostgreSQL. */
  async function shows(page: () => Promise<string>, pattern: RegExp): Promise<string> {
    for (let waits = 0; waits < 200; waits++) {
      const body = await page();
      if (pattern.test(body)) {
        if (t.database.kind === 'pglite')
          assert.equal(waits, 0, `${String(pattern)} on the very next request`);
        return body;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${String(pattern)} did not show within 2 s`);
  }

  it('shows each kind of change to the organisation on the next request', async () => {
    const code = 'GM0603';
    const id = await organisationId(t.db, code);
    const { user, page } = await signedIn(code);
    await shows(page, /Uw team heeft 1 lid\./);
    await page(); // kept now

    await createUser(t.db, { memberOf: { [code]: 'viewer' } });
    await shows(page, /Uw team heeft 2 leden\./);

    await addEntries(t.db, code, 'contracts', [
      contractRow({ name: 'Slimme lantaarnpalen', end_date: addMonths(isoDayInAmsterdam(new Date()), 3) }),
    ]);
    await shows(page, /1 leverancierscontract loopt binnen een jaar af: “Slimme lantaarnpalen”/);

    const version = latestFrameworkVersion();
    const [scan] = await t.db
      .insert(scans)
      .values({ organisationId: id, frameworkVersion: version, period: 2026, title: 'Nulmeting 2026' })
      .returning({ id: scans.id });
    assert.ok(scan);
    await shows(page, /De zelfscan “Nulmeting 2026” loopt: u heeft 0 van de/);

    const [question] = getFramework(version).themes.flatMap((theme) => theme.questions);
    assert.ok(question);
    await t.db.insert(scanAnswers).values({
      scanId: scan.id,
      userId: user.id,
      questionId: question.id,
      response: 'level',
      currentLevel: 2,
      targetLevel: 3,
    });
    await shows(page, /u heeft 1 van de/); // an answer tells its organisation through its scan

    await createStrategyForTest(t.db, id, { actions: 1 });
    const body = await shows(page, /heeft nog geen acties/);
    assert.doesNotMatch(body, /Er is nog geen digitaliseringsstrategie/);
  });

  it("never shows one organisation's or one user's kept parts to another", async () => {
    const day = isoDayInAmsterdam(new Date());
    await addEntries(t.db, 'GM0632', 'contracts', [
      contractRow({ name: 'Contract van Woerden', end_date: addMonths(day, 4) }),
    ]);
    await addEntries(t.db, 'GM0629', 'contracts', [
      contractRow({ name: 'Contract van Wassenaar', end_date: addMonths(day, 4) }),
    ]);
    const woerden = await signedIn('GM0632');
    const wassenaar = await signedIn('GM0629');
    for (let round = 0; round < 2; round++) {
      const [w, s] = [await woerden.page(), await wassenaar.page()];
      assert.match(w, /Contract van Woerden/);
      assert.doesNotMatch(w, /Contract van Wassenaar/);
      assert.match(s, /Contract van Wassenaar/);
      assert.doesNotMatch(s, /Contract van Woerden/);
    }

    // Two colleagues in one open scan: each sees their own progress, not the other's.
    const id = await organisationId(t.db, 'GM0632');
    const version = latestFrameworkVersion();
    const [scan] = await t.db
      .insert(scans)
      .values({ organisationId: id, frameworkVersion: version, period: 2026, title: 'Scan Woerden' })
      .returning({ id: scans.id });
    assert.ok(scan);
    const colleague = await signedIn('GM0632', 'editor');
    const questions = getFramework(version).themes.flatMap((theme) => theme.questions);
    await t.db.insert(scanAnswers).values(
      questions.slice(0, 3).map((q) => ({
        scanId: scan.id,
        userId: colleague.user.id,
        questionId: q.id,
        response: 'level' as const,
        currentLevel: 2,
        targetLevel: 3,
      })),
    );
    await shows(colleague.page, /u heeft 3 van de/);
    await shows(woerden.page, /u heeft 0 van de/);
    for (let round = 0; round < 2; round++) {
      assert.match(await colleague.page(), /u heeft 3 van de/);
      assert.match(await woerden.page(), /u heeft 0 van de/);
    }
  });
});
