import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../core/db/database.ts';

/**
 * What a test database starts from: the migrated schema, or that with the demo data seeded (every
 * demo account's password is `testPassword`). Seeding takes tens of seconds, so it happens once per
 * run, in the template, not in each file that needs the demo.
 */
export type TestTemplate = 'migrated' | 'demo';

/** The environment variables through which scripts/run-tests.ts passes each template to the files. */
export const templateEnv = {
  migrated: { file: 'RK_TEST_TEMPLATE_FILE', database: 'RK_TEST_TEMPLATE_DB' },
  demo: { file: 'RK_TEST_DEMO_TEMPLATE_FILE', database: 'RK_TEST_DEMO_TEMPLATE_DB' },
} as const;

/**
 * Each test file gets its own database, cloned from a template that scripts/run-tests.ts builds once
 * per run: a PGlite dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export async function openTestDatabase(template: TestTemplate = 'migrated'): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const names = templateEnv[template];
  if (serverUrl) return clonePostgres(serverUrl, requireEnv(names.database));
  const dump = fs.readFileSync(requireEnv(names.file));
  return openDatabase({ loadDataDir: new Blob([dump]) });
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the tests with npm test (scripts/run-tests.ts prepares it; a file that uses ` +
        `the demo template must say demoData: true or startDemoJourney( so that the script builds it)`,
    );
  return value;
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A database with no tables at all, as an operator creates it for a restore: on PostgreSQL when the
 * tests run there (or when `kind` asks for it), else an embedded one in memory.
 */
export async function openEmptyTestDatabase(
  kind: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (kind === 'pglite') return openDatabase({});
  if (!serverUrl) throw new Error('an empty PostgreSQL database needs TEST_DATABASE_URL');
  return clonePostgres(serverUrl, 'template0');
}

async function clonePostgres(serverUrl: string, template: string): Promise<Database> {
  const name = `rk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, name), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        // pool.end() resolves before the server has seen every connection go: wait, then drop.
        for (let i = 0; i < 50; i++) {
          const { rows } = await cleanup.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
