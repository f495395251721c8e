import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { locales } from '../../core/i18n/i18n.ts';
import { seedDemoRegistries } from './registries.demo.ts';
import { procurementOpportunities } from './index.ts';
import { registryFields } from './registries-fields.ts';
import { fieldLabel, optionLabels } from './registries-labels.ts';
import { countEntries, listEntries } from './registries.queries.ts';
import { registryKinds } from './registries.tables.ts';

describe('the registers demo data and labels', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('fills Rotterdam fully, others partly, leaves Zoetermeer empty, and is idempotent', async () => {
    const first = await seedDemoRegistries(t.db);
    assert.ok(first.created > 20);
    const audits = async () => (await t.db.select({ n: count() }).from(auditLog))[0]?.n;
    const before = await audits();
    assert.equal((await seedDemoRegistries(t.db)).created, 0);
    assert.equal(await audits(), before, 'a second run writes nothing, not even an audit record');
    const rotterdam = await countEntries(t.db, await organisationId(t.db, 'GM0599'));
    assert.ok(
      registryKinds.every((r) => rotterdam[r] > 0),
      JSON.stringify(rotterdam),
    );
    assert.equal(rotterdam.contracts, 9);
    const zoetermeer = await countEntries(t.db, await organisationId(t.db, 'GM0637'));
    assert.ok(registryKinds.every((r) => zoetermeer[r] === 0));
    const statuses = (await listEntries(t.db, await organisationId(t.db, 'GM0599'), 'assessments')).map(
      (e) => e.data.status,
    );
    for (const status of ['not-started', 'in-progress', 'done']) assert.ok(statuses.includes(status), status);
  });

  it('gives named-sharing municipalities contracts that form a procurement opportunity', async () => {
    const ids = await Promise.all(
      ['GM0599', 'GM0518', 'GM0503', 'GM0546'].map((code) => organisationId(t.db, code)),
    );
    const opportunities = await procurementOpportunities(t.db, ids);
    assert.ok(opportunities.some((o) => o.subjectCategory === 'sensors-iot'));
  });

  it('has a Dutch and English label for every field and option of every register', () => {
    for (const registry of registryKinds)
      for (const field of registryFields[registry]) {
        for (const locale of locales)
          assert.notEqual(
            fieldLabel(locale, registry, field.key),
            field.key,
            `${locale} ${registry}.${field.key}`,
          );
        for (const option of field.options ?? [])
          assert.ok(optionLabels[`${field.key}.${option}`], `${field.key}.${option}`);
      }
  });
});
