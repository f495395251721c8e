import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { scanAnswers, scans } from '../scan/index.ts';
import { validBrigadeForm } from '../intake/intake.fixtures.ts';
import { addEntries, contractRow } from '../registries/registries.fixtures.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { insertSubmittedScan } from '../strategy/strategy.fixtures.ts';
import { addMonths } from '../registries/index.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';

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

  it('says a strategy is missing even before the first scan', async () => {
    const { body } = await dashboardOf('GM0513');
    assert.match(body, /Er is nog geen digitaliseringsstrategie\..*href="\/o\/GM0513\/strategy"/);
  });

  it('counts the contracts that end within a year and names the first, not those ending later', async () => {
    const today = isoDayInAmsterdam(new Date());
    await addEntries(t.db, 'GM0518', 'contracts', [
      contractRow({ name: 'Parkeersensoren', end_date: addMonths(today, 5) }),
      contractRow({ name: 'Glasvezelnet', end_date: addMonths(today, 2) }),
      contractRow({ name: 'Dataplatform', end_date: addMonths(today, 30) }),
      contractRow({ name: 'Oud contract', end_date: addMonths(today, -2) }),
    ]);
    const { body } = await dashboardOf('GM0518');
    assert.match(
      body,
      /2 leverancierscontracten lopen binnen een jaar af, het eerste “Glasvezelnet” op \d{1,2} [a-z]+ \d{4}/,
    );
    assert.match(body, /href="\/o\/GM0518\/registers\/contracts\/expiry"/);
  });

  it('follows the Brigade questions the organisation asked, with their state', async () => {
    const { client } = await dashboardOf('GM0505', 'editor');
    const asked = await client.post(
      '/o/GM0505/brigade',
      { ...validBrigadeForm, municipality: 'GM0505' },
      '/o/GM0505/brigade/new',
    );
    assert.equal(asked.statusCode, 303);
    const body = (await client.get('/o/GM0505')).body.replace(/\s+/g, ' ');
    const match =
      /Uw vraag aan de Connectiviteit Brigade \(nr\. (\d+), [^)]+\) heeft de status “Nieuw”\./.exec(body);
    assert.ok(match, 'the new question is followed on the dashboard');
    assert.match(body, new RegExp(`href="/o/GM0505/brigade/${match[1]}"`));
  });
});

/** The demo's Rotterdam has an open follow-up scan, contracts, sessions and a Brigade question. */
describe('the dashboard of an organisation in full swing', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demoData: true });
  });
  after(() => t.close());

  async function dashboardOf(code: string, locale = 'nl') {
    const user = await createUser(t.db, { memberOf: { [code]: 'editor' } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    if (locale === 'en') await client.get('/language?lang=en&next=/');
    const page = await client.get(`/o/${code}`);
    assert.equal(page.statusCode, 200);
    return page.body.replace(/\s+/g, ' ');
  }

  it('lists the open scan with its disagreements, contracts, sessions and Brigade questions, each linked', async () => {
    const body = await dashboardOf('GM0599');
    const steps = /<ol class="utrecht-ordered-list rk-steps">(.*?)<\/ol>/.exec(body)?.[1] ?? '';
    const expected = [
      /De zelfscan “[^”]+” loopt: u heeft 0 van de \d+ vragen beantwoord\./,
      /Bij 2 vragen liggen de antwoorden van het team twee niveaus of meer uit elkaar.*href="\/o\/GM0599\/scans\/\d+\/consensus"/,
      /\d+ leverancierscontracten lopen binnen een jaar af.*href="\/o\/GM0599\/registers\/contracts\/expiry"/,
      /1 collega staat ingeschreven voor de kennissessie “Samen aanbesteden: sensoren en IoT”.*href="\/knowledge\/sessions\/\d+"/,
      /Uw vraag aan de Connectiviteit Brigade \(nr\. \d+, [^)]+\) heeft de status “In behandeling”.*href="\/o\/GM0599\/brigade\/\d+"/,
    ];
    let from = 0;
    for (const pattern of expected) {
      const found = pattern.exec(steps.slice(from));
      assert.ok(found, `step ${String(pattern)} after position ${from}`);
      from += found.index + 1;
    }
    assert.doesNotMatch(
      steps,
      /Datagedreven werken in het sociaal domein/,
      'a past session is not a next step',
    );
  });

  it('does not show another organisation’s sessions or questions', async () => {
    const body = await dashboardOf('GM0637');
    assert.doesNotMatch(body, /kennissessie “Samen aanbesteden/);
    assert.doesNotMatch(body, /Connectiviteit Brigade \(nr/);
  });

  it('speaks English with the same counts', async () => {
    const body = await dashboardOf('GM0599', 'en');
    assert.match(body, /On 2 questions the team’s answers are two levels or more apart/);
    assert.match(
      body,
      /supplier contracts end within a year, the first “[^”]+” on \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
  });
});
