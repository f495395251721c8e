import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { writeBackup } from '../core/db/backup.ts';
import { openDatabase, type Database, type DatabaseOptions } from '../core/db/database.ts';
import { TestClient } from '../testing/test-app.ts';
import { runOk } from '../testing/cli-process.ts';
import { databaseUrlFor, openTestDatabase } from '../testing/test-database.ts';
import { prepareDatabase } from '../startup.ts';
import { seedDemo } from './seed-demo.ts';

/**
 * The whole move, as an operator does it, on the demo data: seed-demo into a data directory, then
 * on PostgreSQL runs `migrate-to-postgres --to URL`, on PGlite runs `backup` and `restore` into a
 * new data directory; the same pages show the same content before and after. (A backup of a running
 * server and the refusal of a target that is not empty: backup-live.test.ts.) */
const serverUrl = process.env.TEST_DATABASE_URL;
const password = 'Kaart-Route-2026-veilig!';
const anonymousPages = [
  '/',
  '/knowledge',
  '/knowledge/sessions',
  '/knowledge/practices',
  '/knowledge/practices/1',
  '/organisations',
  '/organisations/GM0599',
  '/open-data',
  '/open-data/benchmarks.csv',
  '/handreiking',
  '/brigade',
  '/accessibility',
  '/privacy',
];
const signedInPages = [
  '/o/GM0599',
  '/o/GM0599/scans',
  '/o/GM0599/benchmark',
  '/o/GM0599/strategy',
  '/o/GM0599/strategy/roadmap',
  '/o/GM0599/strategy/versions',
  '/o/GM0599/strategy/suggestions',
  '/o/GM0599/strategy/actions.csv',
  '/o/GM0599/documents',
  '/o/GM0599/members',
  '/o/GM0599/practices',
  '/o/GM0599/projects',
  '/o/GM0599/sharing',
  '/o/GM0599/registers',
  '/o/GM0599/opportunities',
  '/knowledge/projects',
  '/knowledge/map',
];

/** The parts that differ per request by design: CSRF tokens and the signed time stamp of public forms. */
function stable(body: string): string {
  return body
    .replace(/(name="csrf-token" content=")[^"]+/g, '$1…')
    .replace(/(name="_csrf" value=")[^"]+/g, '$1…')
    .replace(/(name="form_started" value=")[^"]+/g, '$1…');
}

async function pagesOf(database: Database): Promise<Map<string, string>> {
  const app = await buildApp({
    config: loadConfig({ PUBLIC_URL: 'http://routekaart.test', LOG_LEVEL: 'silent' }),
    database,
    logger: false,
  });
  try {
    await app.ready();
    const pages = new Map<string, string>();
    const anonymous = new TestClient(app);
    for (const url of anonymousPages) pages.set(url, await fetchPage(anonymous, url));
    const noor = new TestClient(app);
    await noor.signIn('noor.bakker@rotterdam.example', password);
    for (const url of signedInPages) pages.set(url, await fetchPage(noor, url));
    return pages;
  } finally {
    await app.close();
  }
}

async function fetchPage(client: TestClient, url: string): Promise<string> {
  const response = await client.get(url);
  assert.equal(response.statusCode, 200, `${url} answers ${response.statusCode}`);
  return stable(response.body);
}

describe(`moving the demo installation ${serverUrl ? 'to PostgreSQL (migrate-to-postgres)' : 'to a new data directory (backup, restore)'}`, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-move-'));
  const sourceDir = path.join(work, 'source');
  const targetDir = path.join(work, 'target');
  const backupFile = path.join(work, 'demo.rkbackup');
  const targetName = `rk_move_${randomBytes(6).toString('hex')}`;
  const targetUrl = serverUrl ? databaseUrlFor(serverUrl, targetName) : '';
  const targetSettings: Record<string, string> = serverUrl
    ? { DATABASE_URL: targetUrl }
    : { DATA_DIR: targetDir };
  const targetOptions: DatabaseOptions = serverUrl ? { databaseUrl: targetUrl } : { dataDir: targetDir };
  let pagesBefore: Map<string, string>;

  before(async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${targetName}`);
      await admin.end();
    }
    // The source as `routekaart seed-demo` leaves it (cli.test.ts runs that command itself). PGlite
    // runs start from the test's migrated clone and restore its backup with the command
    // (backup-live.test.ts runs `backup` itself); PostgreSQL runs need a data directory to move.
    const source = serverUrl ? await openDatabase({ dataDir: sourceDir }) : await openTestDatabase();
    try {
      if (serverUrl) await prepareDatabase(source);
      await seedDemo(source.db, password);
      if (!serverUrl) await writeBackup(source, backupFile);
      pagesBefore = await pagesOf(source);
    } finally {
      await source.close();
    }
  });

  after(async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${targetName} with (force)`);
      await admin.end();
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('moves everything, verified per table, and the same pages show the same content', async () => {
    if (serverUrl) {
      const out = await runOk(['migrate-to-postgres', '--to', targetUrl], { DATA_DIR: sourceDir });
      assert.match(out, /Row counts and checksums match for every table/);
      assert.match(out, new RegExp(`DATABASE_URL=${targetUrl.replace(/[.?*+]/g, '\\$&')}`));
      assert.match(out, /no files on disk to copy/);
    } else {
      assert.match(await runOk(['restore', backupFile], targetSettings), /row counts and checksums match/);
    }
    const target = await openDatabase({ ...targetOptions, poolSize: 2 });
    const afterwards = await pagesOf(target).finally(() => target.close());
    assert.deepEqual([...afterwards.keys()], [...pagesBefore.keys()]);
    for (const [url, body] of pagesBefore) {
      assert.ok(body.length > (url.endsWith('.csv') ? 20 : 500), `${url} has content`);
      assert.ok(afterwards.get(url) === body, `${url} shows the same before and after the move`);
    }
  });
});
