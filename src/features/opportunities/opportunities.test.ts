import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PageContext } from '../../core/render/layout.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInAs, signedInWith } from '../../testing/sign-in.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { findPlanTogether, type Participant, type PlannedAction } from './opportunities.service.ts';
import { canName, opportunitiesBody } from './opportunities.views.ts';

const org = (id: number, mode: Participant['mode'] = 'named'): Participant => ({
  organisationId: id,
  code: `GM${id}`,
  name: `Gemeente ${id}`,
  mode,
});
const action = (
  from: [number, 1 | 2 | 3 | 4],
  to: [number, 1 | 2 | 3 | 4],
  frameworkActionId: string | null = 'open-data.publish',
): PlannedAction => ({
  title: 'Open data publiceren',
  themeId: 'open-data',
  frameworkActionId,
  start: { year: from[0], quarter: from[1] },
  end: { year: to[0], quarter: to[1] },
});

describe('plan together: detection', () => {
  it('finds two organisations with the same recommended action in overlapping periods', () => {
    const found = findPlanTogether([
      { participant: org(1), actions: [action([2026, 1], [2026, 4])] },
      { participant: org(2), actions: [action([2026, 3], [2027, 2])] },
    ]);
    assert.equal(found.length, 1);
    assert.deepEqual(
      found[0]?.participants.map((p) => p.organisationId),
      [1, 2],
    );
    assert.deepEqual(
      [found[0]?.from, found[0]?.to],
      [
        { year: 2026, quarter: 1 },
        { year: 2027, quarter: 2 },
      ],
    );
  });

  it('finds nothing when the periods do not overlap, the actions differ, or one organisation plans it twice', () => {
    assert.equal(
      findPlanTogether([
        { participant: org(1), actions: [action([2026, 1], [2026, 2])] },
        { participant: org(2), actions: [action([2026, 3], [2027, 2])] },
      ]).length,
      0,
    );
    assert.equal(
      findPlanTogether([
        { participant: org(1), actions: [action([2026, 1], [2026, 4])] },
        { participant: org(2), actions: [action([2026, 1], [2026, 4], 'open-data.register')] },
      ]).length,
      0,
    );
    assert.equal(
      findPlanTogether([
        { participant: org(1), actions: [action([2026, 1], [2026, 4]), action([2026, 2], [2026, 3])] },
      ]).length,
      0,
    );
    assert.equal(
      findPlanTogether([
        { participant: org(1), actions: [action([2026, 1], [2026, 4], null)] },
        { participant: org(2), actions: [action([2026, 1], [2026, 4], null)] },
      ]).length,
      0,
    );
  });

  it('never includes organisations that chose not to share', () => {
    const found = findPlanTogether([
      { participant: org(1), actions: [action([2026, 1], [2026, 4])] },
      { participant: org(2, 'not-shared'), actions: [action([2026, 1], [2026, 4])] },
    ]);
    assert.equal(found.length, 0);
  });
});

describe('plan together and procure together: who is named', () => {
  it('names an organisation only when both it and the viewer share by name, or to a coordinator', () => {
    const named = { kind: 'organisation', organisationId: 1, mode: 'named' } as const;
    const aggregated = { kind: 'organisation', organisationId: 3, mode: 'aggregated' } as const;
    assert.equal(canName(named, 2, 'named'), true);
    assert.equal(canName(named, 3, 'aggregated'), false);
    assert.equal(canName(aggregated, 2, 'named'), false);
    assert.equal(canName(aggregated, 3, 'aggregated'), true, 'its own name');
    assert.equal(canName({ kind: 'coordinator' }, 2, 'named'), true);
    assert.equal(canName({ kind: 'coordinator' }, 3, 'aggregated'), false);
  });

  it('shows contracts of organisations that may not be named as a count only', () => {
    const ctx: PageContext = {
      locale: 'nl',
      path: '/',
      user: null,
      csrfToken: 'x',
      operatorName: 'Test',
      organisationCode: undefined,
    };
    const contract = (id: number, name: string) => ({
      organisationId: id,
      organisationCode: `GM${id}`,
      organisationName: `Gemeente ${id}`,
      name,
      supplier: 'Leverancier BV',
      endDate: '2027-06-30',
    });
    const body = String(
      opportunitiesBody(ctx, {
        viewer: { kind: 'organisation', organisationId: 1, mode: 'named' },
        opportunities: {
          plan: [],
          procure: [
            {
              subjectCategory: 'case-management',
              from: '2027-06-30',
              to: '2027-06-30',
              contracts: [
                contract(1, 'Zaaksysteem A'),
                contract(2, 'Zaaksysteem B'),
                contract(3, 'Zaaksysteem C'),
              ],
            },
          ],
        },
        modes: new Map([
          [1, 'named'],
          [2, 'named'],
          [3, 'aggregated'],
        ]),
      }),
    );
    assert.match(body, /Zaaksysteem en documentbeheer/);
    assert.match(body, /Gemeente 1 \(uw organisatie\)/);
    assert.match(body, /Zaaksysteem B/);
    assert.doesNotMatch(body, /Zaaksysteem C|Gemeente 3/);
    assert.match(body, /en 1 andere organisatie die niet met naam deelt/);
  });
});

describe('collaboration opportunities pages', () => {
  let t: TestApp;

  async function share(code: string, mode: string) {
    const admin = await createUser(t.db, { memberOf: { [code]: 'admin' } });
    const c = new TestClient(t.app);
    await c.signIn(admin.email, testPassword);
    assert.equal((await c.post(`/o/${code}/sharing`, { mode })).statusCode, 303);
  }

  before(async () => {
    t = await createTestApp();
    for (const [code, mode] of [
      ['GM0599', 'named'],
      ['GM0606', 'named'],
      ['GM0503', 'aggregated'],
      ['GM0518', 'not-shared'],
    ] as const) {
      await share(code, mode);
      await createStrategyForTest(t.db, await organisationId(t.db, code), { actions: 2 });
    }
  });
  after(() => t.close());

  it('shows coordinators the named organisations by name and the others as a count, without the not-shared one', async () => {
    const { client } = await signedInWith(t, { coordinates: ['mrdh'] });
    const page = await client.get('/networks/mrdh/opportunities');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Plan het samen/);
    assert.match(page.body, />\s*Rotterdam\s*</);
    assert.match(page.body, />\s*Schiedam\s*</);
    assert.doesNotMatch(page.body, /Delft|Den Haag/);
    assert.match(page.body, /en 1 andere organisatie die niet met naam deelt/);
  });

  it('shows a named organisation its named partners, and an aggregated one no names but its own', async () => {
    const { client: rotterdam } = await signedInAs(t, 'GM0599', 'viewer');
    const own = await rotterdam.get('/o/GM0599/opportunities');
    assert.match(own.body, /Rotterdam \(uw organisatie\)/);
    assert.match(own.body, />\s*Schiedam\s*</);
    const { client: delft } = await signedInAs(t, 'GM0503', 'viewer');
    const theirs = await delft.get('/o/GM0503/opportunities');
    assert.match(theirs.body, /Delft \(uw organisatie\)/);
    assert.doesNotMatch(theirs.body, /Rotterdam|Schiedam/);
  });

  it('refuses the coordinators’ page to members', async () => {
    const { client: member } = await signedInAs(t, 'GM0599', 'admin');
    assert.equal((await member.get('/networks/mrdh/opportunities')).statusCode, 403);
  });
});
