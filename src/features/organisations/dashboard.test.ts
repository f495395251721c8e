import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { scanAnswers, scans } from '../scan/index.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { insertSubmittedScan } from '../strategy/strategy.fixtures.ts';

/** The dashboard's next steps for organisations in each state, read from their own data. */
describe('the dashboard says what to do next', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function dashboardOf(code: string, role: 'admin' | 'editor' = 'admin') {
    const user = await createUser(t.db, { memberOf: { [code]: role } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    const page = await client.get(`/o/${code}`);
    assert.equal(page.statusCode, 200);
    return { user, client, body: page.body.replace(/\s+/g, ' ') };
  }

  it('asks a lone administrator without a scan to invite colleagues and start the scan', async () => {
    const { body } = await dashboardOf('GM0513');
    assert.match(body, /U bent de enige in uw team/);
    assert.match(body, /nog geen zelfscan.*href="\/o\/GM0513\/scans"/);
    assert.match(body, /Uw team heeft 1 lid\./, 'singular: one member, not "1 leden"');
    assert.doesNotMatch(body, /Vergelijk uw vastgestelde scan/, 'nothing to compare yet');
  });

  it('shows how far the user is in an open scan, in plural for a second member', async () => {
    const id = await organisationId(t.db, 'GM0637');
    await createUser(t.db, { memberOf: { GM0637: 'editor' } });
    const version = latestFrameworkVersion();
    const [scan] = await t.db
      .insert(scans)
      .values({ organisationId: id, frameworkVersion: version, period: 2026, title: 'Nulmeting 2026' })
      .returning({ id: scans.id });
    assert.ok(scan);
    const user = await createUser(t.db, { memberOf: { GM0637: 'editor' } });
    const questions = getFramework(version).themes.flatMap((theme) => theme.questions);
    await t.db.insert(scanAnswers).values(
      questions.slice(0, 2).map((q) => ({
        scanId: scan.id,
        userId: user.id,
        questionId: q.id,
        response: 'level' as const,
        currentLevel: 2,
        targetLevel: 3,
      })),
    );
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    const body = (await client.get('/o/GM0637')).body.replace(/\s+/g, ' ');
    assert.match(body, new RegExp(`u heeft 2 van de ${questions.length} vragen beantwoord`));
    assert.match(body, new RegExp(`href="/o/GM0637/scans/${scan.id}"`));
    assert.match(body, /Uw team heeft 2 leden\./);
    assert.doesNotMatch(body, /U bent de enige/, 'an editor is not asked to invite');
  });

  it('after a settled scan without a strategy, points to the strategy and the benchmark', async () => {
    await insertSubmittedScan(t.db, await organisationId(t.db, 'GM0626'), {});
    const { body } = await dashboardOf('GM0626');
    assert.match(body, /er is nog geen digitaliseringsstrategie.*href="\/o\/GM0626\/strategy"/);
    assert.match(body, /Vergelijk uw vastgestelde scan.*href="\/o\/GM0626\/benchmark"/);
    assert.doesNotMatch(body, /nog geen zelfscan/);
  });

  it('names overdue actions and pillars without actions in an existing strategy', async () => {
    const id = await organisationId(t.db, 'GM0622');
    await insertSubmittedScan(t.db, id, {});
    await createStrategyForTest(t.db, id, { actions: 2, startYear: 2024, endYear: 2025 });
    const { body } = await dashboardOf('GM0622');
    assert.match(body, /acties? hadd?e?n? af moeten zijn.*\(tot K[1-4] 202[45]\)/);
    assert.match(body, /De pijler “[^”]+” heeft nog geen acties/);
    assert.doesNotMatch(body, /nog geen digitaliseringsstrategie/);
  });
});
