import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../core/db/database.ts';
import { networkCodesOf } from '../../core/db/networks.ts';
import { organisationId } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { getFramework, latestFrameworkVersion, type Framework } from '../framework/index.ts';
import { currentLevelOf, suggestionsFrom } from './suggestions.ts';

/** A copy of the shipped framework with the first level-1 action of ethics marked for MRDH members. */
function frameworkWithMrdhAdvice(): { framework: Framework; mrdhActionId: string } {
  const framework = structuredClone(getFramework(latestFrameworkVersion()));
  const ethics = framework.themes.find((t) => t.id === 'ethics');
  const first = ethics?.actions['1']?.[0];
  assert.ok(first, 'ethics has level-1 actions');
  first.networks = ['mrdh'];
  return { framework, mrdhActionId: first.id };
}

describe('network-specific advice', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  const scores = new Map([['ethics', { score: 1.4, target: 3 }]]);
  const suggestedIds = async (code: string, framework: Framework) => {
    const memberOf = await networkCodesOf(database.db, await organisationId(database.db, code));
    return suggestionsFrom(framework, scores, null, memberOf).flatMap((s) =>
      s.actions.map((a) => a.action.id),
    );
  };

  it('reads an organisation’s networks from the reference data', async () => {
    assert.deepEqual(await networkCodesOf(database.db, await organisationId(database.db, 'GM0599')), [
      'mrdh',
      'zuid-holland',
    ]);
    assert.deepEqual(await networkCodesOf(database.db, await organisationId(database.db, 'GM0546')), [
      'zuid-holland',
    ]);
  });

  it('suggests MRDH-only advice to a member (Rotterdam) and not to non-members (Leiden, Gouda)', async () => {
    const { framework, mrdhActionId } = frameworkWithMrdhAdvice();
    assert.equal(currentLevelOf(1.4), 1);
    assert.ok((await suggestedIds('GM0599', framework)).includes(mrdhActionId));
    for (const code of ['GM0546', 'GM0513']) {
      const ids = await suggestedIds(code, framework);
      assert.ok(!ids.includes(mrdhActionId), `${code} does not see MRDH-only advice`);
      assert.ok(ids.length > 0, `${code} still sees the advice for everyone`);
    }
  });
});
