import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { access } from '../http/access.ts';
import { recordAudit } from './audit.ts';
import { tablesChangedBy, unauditedTables } from './audit-context.ts';
import { organisations } from './core.tables.ts';
import type { Database } from './database.ts';

describe('every data change of a request leaves an audit entry (checked in tests)', () => {
  it('reads the changed tables from the statements, not the locks or upserts', () => {
    assert.deepEqual(tablesChangedBy('insert into "strategies" ("a") values ($1)'), ['strategies']);
    assert.deepEqual(tablesChangedBy('update "scans" set "title" = $1 where "id" = $2'), ['scans']);
    assert.deepEqual(tablesChangedBy('delete from "practices" where "id" = $1'), ['practices']);
    assert.deepEqual(
      tablesChangedBy(
        'insert into "memberships" ("a") values ($1) on conflict ("b") do update set "role" = $2',
      ),
      ['memberships'],
    );
    assert.deepEqual(tablesChangedBy('select "id" from "mail_outbox" for update skip locked'), []);
    assert.deepEqual(tablesChangedBy('select "updated_at" from "strategies" for update of "strategies"'), []);
    assert.ok(unauditedTables.has('sessions') && !unauditedTables.has('strategies'));
  });

  let database: Database;
  const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    for (const app of apps) await app.close();
    await database.close();
  });

  async function appWith(check: boolean) {
    const config = loadConfig({
      PUBLIC_URL: 'http://routekaart.test',
      LOG_LEVEL: 'silent',
      AUDIT_COVERAGE_CHECK: String(check),
    });
    const app = await buildApp({ config, database, logger: false });
    const publicRoute = { config: { access: access.public } };
    const rename = (db = database.db) =>
      db
        .update(organisations)
        .set({ displayName: sql`${organisations.displayName}` })
        .where(eq(organisations.code, 'GM0599'));
    app.get('/test/unaudited-change', publicRoute, async () => {
      await rename();
      return 'changed';
    });
    app.get('/test/change-of-nothing', publicRoute, async () => {
      await database.db
        .update(organisations)
        .set({ displayName: sql`${organisations.displayName}` })
        .where(eq(organisations.code, 'GM9999'));
      return 'nothing matched';
    });
    app.get('/test/audited-change', publicRoute, async () => {
      await database.db.transaction(async (tx) => {
        await rename(tx);
        await recordAudit(tx, { actorUserId: null, action: 'test.change' });
      });
      return 'changed';
    });
    await app.ready();
    apps.push(app);
    return app;
  }

  it('answers 500 naming the table when a request changed data without an audit entry', async () => {
    const app = await appWith(true);
    const bare = await app.inject({ url: '/test/unaudited-change' });
    assert.equal(bare.statusCode, 500);
    assert.match(bare.body, /changed organisations without an audit entry/);
    const audited = await app.inject({ url: '/test/audited-change' });
    assert.equal(audited.statusCode, 200);
    const reading = await app.inject({ url: '/accessibility' });
    assert.equal(reading.statusCode, 200, 'a request that changes nothing needs no entry');
    const nothing = await app.inject({ url: '/test/change-of-nothing' });
    assert.equal(nothing.statusCode, 200, 'an update that matched no row changed nothing');
  });

  it('is off outside the tests', async () => {
    const app = await appWith(false);
    assert.equal((await app.inject({ url: '/test/unaudited-change' })).statusCode, 200);
  });
});
