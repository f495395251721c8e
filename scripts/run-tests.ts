import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/core/db/database.ts';
import { prepareDatabase } from '../src/startup.ts';
import { databaseUrlFor } from '../src/testing/test-database.ts';

/**
 * Runs a suite with Node's test runner: builds one migrated template database for the run, then
 * every test file clones it. Fails when it finds no test file (Node would pass silently).
 */
const suite = process.argv[2] === 'e2e' ? 'e2e' : 'unit';
const root = path.resolve(import.meta.dirname, '..');
const pattern = suite === 'e2e' ? /\.e2e\.ts$/ : /\.test\.ts$/;
const searchIn = suite === 'e2e' ? ['e2e'] : ['src', 'scripts', 'bench'];
const filter = process.argv.slice(3);

function findFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findFiles(full);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const files = searchIn
  .flatMap((d) => findFiles(path.join(root, d)))
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
if (files.length === 0) {
  console.error(`No ${suite} test files found: a suite that runs nothing must fail.`);
  process.exit(1);
}

const env: Record<string, string | undefined> = { ...process.env };
const serverUrl = process.env.TEST_DATABASE_URL;
const started = performance.now();
let cleanup = async () => {};
if (serverUrl) {
  const template = `rk_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, template), poolSize: 1 });
  await prepareDatabase(database);
  await database.close();
  env.RK_TEST_TEMPLATE_DB = template;
  cleanup = async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
} else {
  const database = await openDatabase({});
  await prepareDatabase(database);
  if (!database.dump) throw new Error('the embedded database cannot be dumped');
  const dump = Buffer.from(await (await database.dump()).arrayBuffer());
  await database.close();
  const file = path.join(os.tmpdir(), `routekaart-template-${process.pid}.tar.gz`);
  fs.writeFileSync(file, dump);
  env.RK_TEST_TEMPLATE_FILE = file;
  cleanup = async () => fs.rmSync(file, { force: true });
}
console.log(
  `template database ready (${serverUrl ? 'PostgreSQL' : 'PGlite'}) in ${Math.round(performance.now() - started)} ms`,
);

const concurrency = suite === 'e2e' ? 1 : 2;
// A test that hangs (a browser waiting for an event that never comes) fails after three minutes
// instead of holding CI until its own limit.
const testTimeoutMs = 180_000;
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${testTimeoutMs}`,
    '--test-reporter=spec',
    ...files,
  ],
  { stdio: 'inherit', env },
);
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await cleanup();
process.exit(code);
