import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInWith } from '../../testing/sign-in.ts';
import { setSharing } from '../benchmark/benchmark.fixtures.ts';
import { latestFrameworkVersion } from '../framework/index.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { registryFactsForDocument, registryFactsForTheme } from './index.ts';
import { addMonths, expiringContracts } from './registries-expiry.ts';
import { addEntries, contractRow } from './registries.fixtures.ts';
import { findOpportunities, procurementOpportunities } from './registries-network.routes.ts';
import { listEntries } from './registries.queries.ts';

const today = new Date().toISOString().slice(0, 10);
const inMonths = (months: number) => addMonths(today, months);

describe('the registers beside the scan, the strategy and the region', () => {
  let t: TestApp;
  let editor: TestClient;
  let editorId: number;
  before(async () => {
    t = await createTestApp();
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    editorId = user.id;
    editor = new TestClient(t.app);
    await editor.signIn(user.email, testPassword);
    await addEntries(t.db, 'GM0599', 'contracts', [
      contractRow({ name: 'A', exit_clause: 'ja', end_date: inMonths(3), notice_months: '6' }),
      contractRow({ name: 'B', exit_clause: 'ja', end_date: inMonths(30) }),
      contractRow({
        name: 'C',
        exit_clause: 'nee',
        end_date: inMonths(10),
        subject_category: 'data-platform',
      }),
    ]);
    const assessment = (name: string, o: Record<string, string>) => ({
      name,
      personal_data: 'ja',
      assessment: 'dpia',
      status: 'not-started',
      ...o,
    });
    await addEntries(t.db, 'GM0599', 'assessments', [
      assessment('Camera’s', { status: 'done', done_on: '2025-02-01' }),
      assessment('Parkeren', { status: 'in-progress' }),
      assessment('Chatbot', {}),
      assessment('Luchtmeting', { personal_data: 'nee', assessment: 'none', status: 'done' }),
    ]);
  });
  after(() => t.close());

  it('counts the facts for the scan themes: exit clauses, and DPIAs among applications with personal data', async () => {
    const rotterdam = await organisationId(t.db, 'GM0599');
    const ownership = await registryFactsForTheme(t.db, rotterdam, 'data-ownership', 'nl');
    assert.ok(
      ownership[0]?.facts.includes('2 van 3 contracten hebben een exitclausule'),
      ownership[0]?.facts.join(' | '),
    );
    const ethics = await registryFactsForTheme(t.db, rotterdam, 'ethics', 'nl');
    assert.ok(
      ethics[0]?.facts.includes(
        'DPIA of PIA afgerond voor 1 van 3 toepassingen die persoonsgegevens verwerken',
      ),
    );
    assert.deepEqual(await registryFactsForTheme(t.db, rotterdam, 'infrastructure-and-sensors', 'nl'), []);
    const document = await registryFactsForDocument(t.db, rotterdam, 'en');
    assert.deepEqual(
      document.map((d) => d.registry),
      ['data-sources', 'contracts', 'assessments', 'partnerships'],
    );
    assert.deepEqual(document[3]?.facts, ['This register is still empty.']);
  });

  it('shows the register facts beside the questions of the ethics theme in the scan', async () => {
    const form = new URLSearchParams({
      title: 'Nulmeting',
      period: '2026',
      frameworkVersion: latestFrameworkVersion(),
      respondents: String(editorId),
    });
    const created = await editor.request('POST', '/o/GM0599/scans', {
      ...Object.fromEntries(form),
      _csrf: extractCsrf((await editor.get('/o/GM0599/scans/new')).body),
    });
    const scanId = /scans\/(\d+)$/.exec(String(created.headers.location))?.[1];
    assert.ok(scanId, created.body.slice(0, 200));
    const page = await editor.get(`/o/GM0599/scans/${scanId}/answer/ethics`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<aside[^>]*aria-labelledby="register-facts"/);
    assert.match(page.body, /DPIA of PIA afgerond voor 1 van 3 toepassingen die persoonsgegevens verwerken/);
    assert.match(page.body, /href="\/o\/GM0599\/registers\/assessments"/);
    const other = await editor.get(`/o/GM0599/scans/${scanId}/answer/infrastructure-and-sensors`);
    assert.doesNotMatch(other.body, /register-facts/);
  });

  it('shows contracts ending in the next 24 months as a timeline with a table, with the notice date', async () => {
    const page = await editor.get('/o/GM0599/registers/contracts/expiry');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*role="img"/);
    assert.match(page.body, /<title id="[^"]+">Tijdlijn van aflopende contracten<\/title>/);
    assert.match(page.body, /<desc id="[^"]+">2 contracten lopen af/);
    assert.match(page.body, /<caption class="utrecht-table__caption">\s*Aflopende contracten, op einddatum/);
    const entries = await listEntries(t.db, await organisationId(t.db, 'GM0599'), 'contracts');
    const expiring = expiringContracts(entries, today);
    assert.deepEqual(
      expiring.map((c) => c.name),
      ['A', 'C'],
    );
    // Six months' notice before an end three months from now (end dates near a month's end clamp).
    assert.equal(expiring[0]?.noticeBy, addMonths(inMonths(3), -6));
  });

  it('lets an editor link a register entry to actions of the active strategy, and refuses other actions', async () => {
    const rotterdam = await organisationId(t.db, 'GM0599');
    const { actionIds } = await createStrategyForTest(t.db, rotterdam, { actions: 2 });
    const [contract] = (await listEntries(t.db, rotterdam, 'contracts')).filter((e) => e.name === 'A');
    assert.ok(contract);
    const url = `/o/GM0599/registers/contracts/${contract.id}`;
    const before = await editor.get(url);
    assert.match(before.body, /Gekoppelde acties uit de strategie/);
    const linked = await editor.post(`${url}/actions`, { actionIds: String(actionIds[1]) });
    assert.equal(linked.statusCode, 303);
    assert.match((await editor.get(url)).body, new RegExp(`id="action-${actionIds[1]}"[^>]*checked`));
    const foreign = await editor.post(`${url}/actions`, { actionIds: '999999' });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.body, /Kies alleen acties uit de actieve strategie/);
  });

  it('finds contracts of one kind ending within a year of each other at two organisations', () => {
    const contract = (organisationId: number, endDate: string, subjectCategory = 'sensors-iot') => ({
      organisationId,
      organisationCode: `GM${organisationId}`,
      organisationName: `Gemeente ${organisationId}`,
      name: `Contract ${organisationId} ${endDate}`,
      supplier: 'X',
      endDate,
      subjectCategory,
    });
    const found = findOpportunities([
      contract(1, '2027-01-01'),
      contract(2, '2027-12-31'),
      contract(3, '2028-01-02'),
      contract(1, '2027-06-01', 'data-platform'),
      contract(1, '2027-07-01', 'data-platform'),
    ]);
    assert.equal(
      found.length,
      1,
      'one organisation alone is no joint procurement; 2028-01-02 is more than a year later',
    );
    assert.deepEqual(
      found[0]?.contracts.map((c) => c.organisationId),
      [1, 2],
    );
  });

  it('shows a coordinator the opportunities among members that share by name, never the others', async () => {
    await addEntries(t.db, 'GM0518', 'contracts', [
      contractRow({ name: 'Haagse sensoren', end_date: inMonths(9) }),
    ]);
    await addEntries(t.db, 'GM0503', 'contracts', [
      contractRow({ name: 'Delftse sensoren', end_date: inMonths(5) }),
    ]);
    await setSharing(t.db, 'GM0599', 'named');
    await setSharing(t.db, 'GM0518', 'named');
    await setSharing(t.db, 'GM0503', 'not-shared');
    const { client: coordinator } = await signedInWith(t, { coordinates: ['mrdh'] });
    const page = await coordinator.get('/networks/mrdh/contracts');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sensoren en IoT: 2 contracten/);
    assert.match(page.body, /Haagse sensoren/);
    assert.doesNotMatch(page.body, /Delftse sensoren/);
    const opportunities = await procurementOpportunities(t.db, [
      await organisationId(t.db, 'GM0599'),
      await organisationId(t.db, 'GM0503'),
    ]);
    assert.deepEqual(opportunities[0]?.contracts.map((c) => c.name).sort(), ['A', 'Delftse sensoren']);
    assert.equal((await editor.get('/networks/mrdh/contracts')).statusCode, 403);
  });
});
